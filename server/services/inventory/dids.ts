import type { z } from "zod";
import { inventoryError, type DidOutput, type DidUpdateFields } from "@/lib/schemas/inventory";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { didSelect, toDidOutput } from "./did-output";
import type { RecordAuditFn } from "./inventory-audit";

type DidUpdateData = z.output<typeof DidUpdateFields>;

export const didNotFound = () => new AppError("NOT_FOUND", inventoryError("did_not_found"));

export async function getDid(db: TenantDb, id: string): Promise<DidOutput> {
  const row = await db.did.findUnique({ where: { id }, select: didSelect });
  if (!row) throw didNotFound();
  return toDidOutput(row);
}

/** Cost, prices and gateway can change in any status; the gateway must be one of the number's provider. */
export async function updateDid(db: TenantDb, id: string, data: DidUpdateData, audit: RecordAuditFn): Promise<DidOutput> {
  const before = await getDid(db, id);
  if (data.gatewayId) {
    const gateway = await db.gateway.findUnique({ where: { id: data.gatewayId }, select: { providerId: true } });
    const key = !gateway ? "gateway_not_found" : gateway.providerId !== before.provider.id ? "gateway_wrong_provider" : null;
    if (key) throw new AppError("INVALID_INPUT", inventoryError(key), { fieldErrors: { gatewayId: [inventoryError(key)] } });
  }
  const after = toDidOutput(
    await db.did.update({
      where: { id },
      data: {
        monthlyCost: data.monthlyCost,
        gatewayId: data.gatewayId,
        monthlyPrice: data.monthlyPrice,
        inboundCostPerMinuteMicros: data.inboundCostPerMinute,
        inboundPricePerMinuteMicros: data.inboundPricePerMinute,
      },
      select: didSelect,
    }),
  );
  await audit({ action: "did.update", objectType: "did", objectId: id, before, after });
  return after;
}

/** Only a free number: an allocated or resting one still has a tenant's history behind it. */
export async function deleteDid(db: TenantDb, id: string, audit: RecordAuditFn): Promise<{ id: string }> {
  const before = await getDid(db, id);
  const { count } = await db.did.deleteMany({ where: { id, status: "free" } });
  if (count === 0) throw new AppError("CONFLICT", inventoryError("did_delete_not_free"));
  await audit({ action: "did.delete", objectType: "did", objectId: id, before });
  return { id };
}
