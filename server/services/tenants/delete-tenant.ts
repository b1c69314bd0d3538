import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import type { ConsoleDeps } from "./console-deps";
import { tenantSnapshot } from "./tenant-snapshot";

export type DeletionBlocker = "members" | "leads" | "extensions" | "dids" | "calls" | "invoices" | "rateDeck";

/**
 * A tenant may be deleted only while it has no history worth keeping: no member ever joined (pending
 * invitations do not count), no leads, no extensions, no DIDs allocated to it, no calls and no invoices
 * (billable history) and no price list of its own. Anything else is archived instead (status "archived"), which keeps every row.
 */
export async function deletionBlockers(db: TenantDb, tenantId: string): Promise<DeletionBlocker[]> {
  const counts: Record<DeletionBlocker, number> = {
    members: await db.membership.count({ where: { tenantId } }),
    leads: await db.lead.count({ where: { tenantId } }),
    extensions: await db.extension.count({ where: { tenantId } }),
    dids: await db.did.count({ where: { tenantId } }),
    calls: await db.call.count({ where: { tenantId } }),
    invoices: await db.invoice.count({ where: { tenantId } }),
    rateDeck: await db.rateDeck.count({ where: { tenantId } }),
  };
  return (Object.keys(counts) as DeletionBlocker[]).filter((k) => counts[k] > 0);
}

/**
 * Deletes a tenant without history (see deletionBlockers). Its invitations, API keys and its own
 * audit entries go with it (foreign keys cascade), so the deletion is recorded as a platform entry
 * (no tenantId) that keeps the tenant's last state.
 */
export async function deleteTenant(db: TenantDb, id: string, deps: Pick<ConsoleDeps, "audit">): Promise<{ id: string }> {
  await db.$queryRaw`SELECT 1 FROM "Tenant" WHERE id = ${id}::uuid FOR UPDATE`;
  const before = await tenantSnapshot(db, id);
  const blockers = await deletionBlockers(db, id);
  if (blockers.length > 0) throw new AppError("CONFLICT", "console.errors.not_deletable", { blockers });
  await db.tenant.delete({ where: { id } });
  // Unused support links for this slug must not open a tenant created later under the same slug.
  await db.supportGrant.deleteMany({ where: { tenantSlug: before.slug } });
  await deps.audit({ action: "tenant.delete", objectType: "tenant", objectId: id, tenantId: null, before });
  return { id };
}
