import type { z } from "zod";
import type { DidDestination, DidRouteInput, TenantDidOutput } from "@/lib/schemas/numbers";
import type { TenantDb } from "@/server/db";
import { isForeignKeyViolation } from "@/server/services/inventory/unique-violation";
import { tenantDidSelect, toTenantDidOutput } from "./did-route-output";
import { invalidReference, numbersNotFound } from "./numbers-errors";

type RouteInput = z.output<typeof DidRouteInput>;

/** One of the tenant's allocated DIDs; another tenant's (invisible under RLS) is NOT_FOUND. */
export async function getTenantDid(db: TenantDb, tenantId: string, didId: string): Promise<TenantDidOutput> {
  const row = await db.did.findFirst({ where: { id: didId, tenantId, status: "allocated" }, select: tenantDidSelect });
  if (!row) throw numbersNotFound("did_not_found");
  return toTenantDidOutput(row);
}

/**
 * The destination as DidRoute columns, after checking its target is the tenant's. The composite
 * foreign keys (tenantId, id) would refuse another tenant's row too; checking first gives the form
 * a field error instead of a database error.
 */
async function columnsFor(db: TenantDb, destination: DidDestination, field: string) {
  const { type, targetId } = destination;
  if (type === "extension" && !(await db.extension.findUnique({ where: { id: targetId! }, select: { id: true } }))) {
    throw invalidReference(field, "extension_not_found");
  }
  if (type === "ring_group" && !(await db.ringGroup.findUnique({ where: { id: targetId! }, select: { id: true } }))) {
    throw invalidReference(field, "ring_group_not_found");
  }
  if (type === "trunk" && !(await db.trunk.findUnique({ where: { id: targetId! }, select: { id: true } }))) {
    throw invalidReference(field, "trunk_not_found");
  }
  return {
    type,
    extensionId: type === "extension" ? targetId : null,
    ringGroupId: type === "ring_group" ? targetId : null,
    trunkId: type === "trunk" ? targetId : null,
  };
}

/** Routes a DID (creating or replacing its one route); returns it before and after. */
export async function setDidRoute(
  db: TenantDb,
  tenantId: string,
  input: RouteInput,
): Promise<{ before: TenantDidOutput; after: TenantDidOutput }> {
  const before = await getTenantDid(db, tenantId, input.didId);
  const open = await columnsFor(db, input.destination, "destination.targetId");
  const after = input.afterHours ? await columnsFor(db, input.afterHours, "afterHours.targetId") : null;
  if (input.businessHoursId && !(await db.businessHours.findUnique({ where: { id: input.businessHoursId }, select: { id: true } }))) {
    throw invalidReference("businessHoursId", "hours_not_found");
  }
  const data = {
    destType: open.type,
    extensionId: open.extensionId,
    ringGroupId: open.ringGroupId,
    trunkId: open.trunkId,
    businessHoursId: input.businessHoursId,
    afterType: after?.type ?? null,
    afterExtensionId: after?.extensionId ?? null,
    afterRingGroupId: after?.ringGroupId ?? null,
    afterTrunkId: after?.trunkId ?? null,
  };
  try {
    await db.didRoute.upsert({ where: { didId: input.didId }, create: { tenantId, didId: input.didId, ...data }, update: data });
  } catch (error) {
    // The operator released the number while this was being saved: (tenantId, didId) no longer exists.
    if (isForeignKeyViolation(error)) throw numbersNotFound("did_not_found");
    throw error;
  }
  return { before, after: await getTenantDid(db, tenantId, input.didId) };
}
