import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { trunkNotFound } from "./trunk-errors";

/** The tenant a trunk belongs to. Services filter by its id explicitly: the console's handle sees every tenant. */
export type TrunkTenant = { id: string; slug: string };

/** The console names a tenant by id: an unknown one is NOT_FOUND. */
export async function trunkTenantById(db: TenantDb, tenantId: string): Promise<TrunkTenant> {
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { id: true, slug: true } });
  if (!tenant) throw new AppError("NOT_FOUND", "errors.not_found");
  return tenant;
}

/** The console names a trunk by id alone: its tenant comes from the row. */
export async function trunkTenantOf(db: TenantDb, trunkId: string): Promise<TrunkTenant> {
  const row = await db.trunk.findUnique({ where: { id: trunkId }, select: { tenant: { select: { id: true, slug: true } } } });
  if (!row) throw trunkNotFound();
  return row.tenant;
}
