import type { TenantDb } from "@/server/db";
import { mayAssignTo, type CrmViewer } from "@/server/services/crm/access";

export type Assignees = { me: string | null; members: { id: string; name: string }[] };

/** Whom the viewer may make an opportunity's owner (a rep: only themselves), and who they are. */
export async function listAssignees(db: TenantDb, viewer: CrmViewer): Promise<Assignees> {
  const rows = await db.membership.findMany({ select: { id: true, user: { select: { name: true } } }, orderBy: { user: { name: "asc" } } });
  return {
    me: viewer.membershipId,
    members: rows.filter((m) => mayAssignTo(viewer, m.id)).map((m) => ({ id: m.id, name: m.user.name })),
  };
}
