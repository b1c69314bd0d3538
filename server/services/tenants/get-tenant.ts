import type { TenantDetail } from "@/lib/schemas/tenant";
import type { TenantDb } from "@/server/db";
import { planUsage } from "@/server/services/limits/plan-limits";
import { tenantNotFound } from "./tenant-errors";
import { deletionBlockers } from "./delete-tenant";

/** One tenant as the console shows it: details, usage against its plan, owners and the owner invitation. */
export async function getTenant(db: TenantDb, id: string, now = new Date()): Promise<TenantDetail> {
  const tenant = await db.tenant.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      name: true,
      cnpj: true,
      contactEmail: true,
      status: true,
      suspendedAt: true,
      createdAt: true,
      updatedAt: true,
      plan: { select: { id: true, name: true, archivedAt: true } },
      pbxNode: { select: { id: true, name: true } },
    },
  });
  if (!tenant) throw tenantNotFound();
  // One after the other: they share the request's transaction, which runs one query at a time.
  const usage = await planUsage(db, id);
  const members = await db.membership.count({ where: { tenantId: id } });
  const leads = await db.lead.count({ where: { tenantId: id } });
  const owners = await db.membership.findMany({
    where: { tenantId: id, role: "owner" },
    orderBy: { createdAt: "asc" },
    select: { user: { select: { name: true, email: true } } },
  });
  const invitation = await db.invitation.findFirst({
    where: { tenantId: id, role: "owner", revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { email: true, name: true, expiresAt: true, acceptedAt: true },
  });
  const blockers = await deletionBlockers(db, id);
  const { plan, ...rest } = tenant;
  return {
    ...rest,
    plan: { id: plan.id, name: plan.name, archived: plan.archivedAt !== null },
    usage,
    counts: { members, leads },
    owners: owners.map((o) => o.user),
    ownerInvitation: invitation ? { ...invitation, expired: !invitation.acceptedAt && invitation.expiresAt <= now } : null,
    deletable: blockers.length === 0,
  };
}
