import type { TenantDetail, TenantStatus } from "@/lib/schemas/tenant";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import type { ConsoleDeps } from "./console-deps";
import { getTenant } from "./get-tenant";
import { tenantSnapshot, tenantSnapshotSelect } from "./tenant-snapshot";

export type StatusChange = "suspend" | "reactivate" | "archive";

const TRANSITIONS: Record<StatusChange, { from: TenantStatus[]; to: TenantStatus }> = {
  suspend: { from: ["active"], to: "suspended" },
  reactivate: { from: ["suspended", "archived"], to: "active" },
  archive: { from: ["active", "suspended"], to: "archived" },
};

/**
 * Suspends, reactivates or archives a tenant. Nothing else needs to happen for it to take effect:
 * tenantProcedure, the workspace layouts and sign-in read `Tenant.status` on every request, so the
 * next request of any session or API key of the tenant is refused (SIP endpoints follow at the next
 * PBX sync). `suspendedAt` is when access stopped; it is cleared on reactivation.
 */
export async function setTenantStatus(
  db: TenantDb,
  id: string,
  change: StatusChange,
  deps: Pick<ConsoleDeps, "audit">,
  now = new Date(),
): Promise<TenantDetail> {
  const { from, to } = TRANSITIONS[change];
  const before = await tenantSnapshot(db, id);
  // Conditional on the status read above, so two operators acting at once cannot both apply.
  const { count } = await db.tenant.updateMany({
    where: { id, status: { in: from } },
    data: { status: to, suspendedAt: to === "active" ? null : (before.suspendedAt ?? now) },
  });
  if (count === 0) {
    const current = (await tenantSnapshot(db, id)).status;
    throw new AppError("CONFLICT", `console.errors.cannot_${change}_${current}`, { status: current });
  }
  const after = await db.tenant.findUniqueOrThrow({ where: { id }, select: tenantSnapshotSelect });
  await deps.audit({ action: `tenant.${change}`, objectType: "tenant", objectId: id, tenantId: id, before, after });
  return getTenant(db, id);
}
