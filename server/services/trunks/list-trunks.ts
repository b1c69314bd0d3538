import type { TrunkOutput } from "@/lib/schemas/trunk";
import type { TenantDb } from "@/server/db";
import { toTrunkOutput, trunkSelect } from "./trunk-output";
import type { TrunkTenant } from "./trunk-scope";

/** A tenant's trunks by name: a handful per company (each is a customer PBX), so not paginated. */
export async function listTrunks(db: TenantDb, tenant: TrunkTenant): Promise<TrunkOutput[]> {
  const rows = await db.trunk.findMany({ where: { tenantId: tenant.id }, select: trunkSelect, orderBy: { name: "asc" } });
  return rows.map((row) => toTrunkOutput(row, tenant.slug));
}
