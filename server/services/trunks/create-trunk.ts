import { telephonyMessage } from "@/lib/schemas/extension";
import type { TrunkData, TrunkWithSecret } from "@/lib/schemas/trunk";
import { Prisma } from "@/prisma/generated/client";
import type { TenantDb } from "@/server/db";
import { tenantDidNumber } from "@/server/services/extensions/extension-errors";
import { assertTrunkAddressesFree } from "./trunk-address-conflicts";
import { trunkNameTaken } from "./trunk-errors";
import { toTrunkOutput, trunkSelect } from "./trunk-output";
import type { TrunkTenant } from "./trunk-scope";
import { newTrunkSecret } from "./trunk-secret";

/**
 * Creates a trunk; a registration trunk gets a generated password, returned this once. The
 * operator's trunks (`operatorManaged`) are read-only for the tenant.
 */
export async function createTrunk(
  db: TenantDb,
  tenant: TrunkTenant,
  data: TrunkData & { name: string },
  options: { operatorManaged: boolean },
): Promise<TrunkWithSecret> {
  const existing = await db.trunk.findUnique({ where: { tenantId_name: { tenantId: tenant.id, name: data.name } }, select: { id: true } });
  if (existing) throw trunkNameTaken(data.name);
  const callerIdNumber = await tenantDidNumber(
    db,
    tenant.id,
    data.callerIdNumber,
    "callerIdNumber",
    telephonyMessage("telephony.trunks.errors.caller_id_not_did"),
  );
  await assertTrunkAddressesFree(db, null, data.ipMatches);
  const credentials = data.authMode === "registration" ? newTrunkSecret() : null;
  try {
    const row = await db.trunk.create({
      data: {
        ...data,
        callerIdNumber,
        tenantId: tenant.id,
        secretEnc: credentials?.secretEnc ?? null,
        operatorManaged: options.operatorManaged,
      },
      select: trunkSelect,
    });
    return { trunk: toTrunkOutput(row, tenant.slug), secret: credentials?.secret ?? null };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw trunkNameTaken(data.name);
    throw error;
  }
}
