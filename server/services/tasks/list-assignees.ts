import type { TaskAssignees } from "@/lib/schemas/task";
import type { TenantDb } from "@/server/db";
import type { CrmViewer } from "@/server/services/crm/access";

/** The members a task may be given to by this viewer (the same rule assertAssignable enforces). */
export async function listAssignees(db: TenantDb, viewer: CrmViewer): Promise<TaskAssignees> {
  const onlySelf = viewer.role === "rep";
  if (onlySelf && !viewer.membershipId) return { myMembershipId: null, members: [] };
  const rows = await db.membership.findMany({
    where: onlySelf ? { id: viewer.membershipId! } : {},
    select: { id: true, user: { select: { name: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return { myMembershipId: viewer.membershipId, members: rows.map((m) => ({ id: m.id, name: m.user.name })) };
}
