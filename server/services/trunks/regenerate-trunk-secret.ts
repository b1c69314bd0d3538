import { telephonyMessage } from "@/lib/schemas/extension";
import type { TrunkWithSecret } from "@/lib/schemas/trunk";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { assertEditableBy, trunkNotFound, type TrunkEditor } from "./trunk-errors";
import { toTrunkOutput, trunkSelect } from "./trunk-output";
import type { TrunkTenant } from "./trunk-scope";
import { newTrunkSecret } from "./trunk-secret";

/** A new registration password, returned once; the old one stops working at the next sync. */
export async function regenerateTrunkSecret(db: TenantDb, tenant: TrunkTenant, id: string, editor: TrunkEditor): Promise<TrunkWithSecret> {
  const current = await db.trunk.findFirst({ where: { id, tenantId: tenant.id }, select: trunkSelect });
  if (!current) throw trunkNotFound();
  assertEditableBy(current, editor);
  if (current.authMode !== "registration") {
    throw new AppError("CONFLICT", telephonyMessage("telephony.trunks.errors.not_registration"));
  }
  const { secret, secretEnc } = newTrunkSecret();
  const row = await db.trunk.update({ where: { id }, data: { secretEnc }, select: trunkSelect });
  return { trunk: toTrunkOutput(row, tenant.slug), secret };
}
