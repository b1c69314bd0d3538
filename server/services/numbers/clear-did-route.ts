import type { TenantDidOutput } from "@/lib/schemas/numbers";
import type { TenantDb } from "@/server/db";
import { getTenantDid } from "./set-did-route";

/** Back to unrouted: the DID answers with the "unavailable" announcement. */
export async function clearDidRoute(
  db: TenantDb,
  tenantId: string,
  didId: string,
): Promise<{ before: TenantDidOutput; after: TenantDidOutput }> {
  const before = await getTenantDid(db, tenantId, didId);
  await db.didRoute.deleteMany({ where: { didId } });
  return { before, after: { ...before, route: null } };
}
