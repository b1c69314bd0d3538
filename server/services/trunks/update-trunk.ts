import { telephonyMessage } from "@/lib/schemas/extension";
import type { TrunkData, TrunkOutput, TrunkWithSecret } from "@/lib/schemas/trunk";
import type { TenantDb } from "@/server/db";
import { tenantDidNumber } from "@/server/services/extensions/extension-errors";
import { assertTrunkAddressesFree } from "./trunk-address-conflicts";
import { assertEditableBy, trunkNotFound, type TrunkEditor } from "./trunk-errors";
import { toTrunkOutput, trunkSelect } from "./trunk-output";
import type { TrunkTenant } from "./trunk-scope";
import { newTrunkSecret } from "./trunk-secret";

/**
 * Replaces a trunk's settings (all but the name). Switching to registration generates a password
 * (returned once); switching to IP drops the password, so no stale credential stays valid.
 */
export async function updateTrunk(
  db: TenantDb,
  tenant: TrunkTenant,
  id: string,
  data: TrunkData,
  editor: TrunkEditor,
): Promise<{ before: TrunkOutput; after: TrunkWithSecret }> {
  const current = await db.trunk.findFirst({ where: { id, tenantId: tenant.id }, select: { ...trunkSelect, secretEnc: true } });
  if (!current) throw trunkNotFound();
  assertEditableBy(current, editor);
  const callerIdNumber = await tenantDidNumber(
    db,
    tenant.id,
    data.callerIdNumber,
    "callerIdNumber",
    telephonyMessage("telephony.trunks.errors.caller_id_not_did"),
  );
  await assertTrunkAddressesFree(db, id, data.ipMatches);
  const credentials = data.authMode === "registration" && !current.secretEnc ? newTrunkSecret() : null;
  const secretEnc = data.authMode === "ip" ? null : (credentials?.secretEnc ?? current.secretEnc);
  const row = await db.trunk.update({ where: { id }, data: { ...data, callerIdNumber, secretEnc }, select: trunkSelect });
  const { secretEnc: _hidden, ...before } = current;
  return {
    before: toTrunkOutput(before, tenant.slug),
    after: { trunk: toTrunkOutput(row, tenant.slug), secret: credentials?.secret ?? null },
  };
}
