import { telephonyMessage } from "@/lib/schemas/extension";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";

export const trunkNotFound = () => new AppError("NOT_FOUND", telephonyMessage("telephony.trunks.errors.trunk_not_found"));

export function trunkNameTaken(name: string): AppError {
  const message = telephonyMessage("telephony.trunks.errors.name_taken", { name });
  return new AppError("CONFLICT", message, { fieldErrors: { name: [message] } });
}

/** Who is changing a trunk: the tenant may not touch the operator's, and the console leaves the tenant's own alone. */
export type TrunkEditor = "tenant" | "operator";

export function assertEditableBy(trunk: { operatorManaged: boolean }, editor: TrunkEditor): void {
  if (editor === "tenant" && trunk.operatorManaged) {
    throw new AppError("FORBIDDEN", telephonyMessage("telephony.trunks.errors.operator_managed"));
  }
  if (editor === "operator" && !trunk.operatorManaged) {
    throw new AppError("FORBIDDEN", telephonyMessage("telephony.trunks.errors.tenant_owned"));
  }
}

/** Which DID (if any) still rings this trunk: the DidRoute foreign keys would refuse the delete. */
export async function didRoutingToTrunk(db: TenantDb, tenantId: string, trunkId: string): Promise<string | null> {
  const route = await db.didRoute.findFirst({
    where: { tenantId, OR: [{ trunkId }, { afterTrunkId: trunkId }] },
    select: { did: { select: { number: true } } },
  });
  return route?.did.number ?? null;
}

export function trunkInUseByDid(did: string): AppError {
  return new AppError("CONFLICT", telephonyMessage("telephony.trunks.errors.in_use_by_did", { did }), { did });
}
