import { inventoryError, type DidOutput } from "@/lib/schemas/inventory";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { assertWithinPlanLimit } from "@/server/services/limits/plan-limits";
import { getDid } from "./dids";
import type { RecordAuditFn } from "./inventory-audit";

// A DID moves free → allocated (to one tenant) → quarantined (rests, so a former tenant's callers
// do not reach the next one) → free. Each step is a conditional UPDATE on the expected status, so
// of two concurrent requests for the same number exactly one wins.

const conflict = (key: "did_not_free" | "did_not_allocated" | "did_not_quarantined") => new AppError("CONFLICT", inventoryError(key));

const snapshot = (did: DidOutput) => ({ number: did.number, status: did.status, tenantId: did.tenant?.id ?? null });

export async function allocateDid(db: TenantDb, id: string, tenantId: string, audit: RecordAuditFn): Promise<DidOutput> {
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { status: true } });
  if (!tenant) {
    throw new AppError("NOT_FOUND", inventoryError("tenant_not_found"), {
      fieldErrors: { tenantId: [inventoryError("tenant_not_found")] },
    });
  }
  if (tenant.status === "archived") throw new AppError("CONFLICT", inventoryError("tenant_archived"));
  const before = await getDid(db, id);
  if (before.status !== "free") throw conflict("did_not_free");
  // Locks the tenant row: two allocations to one tenant cannot both take its last slot.
  await assertWithinPlanLimit(db, tenantId, "dids");
  const { count } = await db.did.updateMany({
    where: { id, status: "free" },
    data: { status: "allocated", tenantId, allocatedAt: new Date() },
  });
  if (count === 0) throw conflict("did_not_free");
  const after = await getDid(db, id);
  // Recorded under the tenant, so its admins see the number arrive in their own audit log.
  await audit({ action: "did.allocate", objectType: "did", objectId: id, tenantId, before: snapshot(before), after: snapshot(after) });
  return after;
}

export async function releaseDid(db: TenantDb, id: string, audit: RecordAuditFn): Promise<DidOutput> {
  const before = await getDid(db, id);
  if (before.status !== "allocated" || !before.tenant) throw conflict("did_not_allocated");
  const { count } = await db.did.updateMany({
    where: { id, status: "allocated", tenantId: before.tenant.id },
    data: { status: "quarantined", tenantId: null, allocatedAt: null },
  });
  if (count === 0) throw conflict("did_not_allocated");
  const after = await getDid(db, id);
  await audit({
    action: "did.release",
    objectType: "did",
    objectId: id,
    tenantId: before.tenant.id,
    before: snapshot(before),
    after: snapshot(after),
  });
  return after;
}

export async function returnDidToPool(db: TenantDb, id: string, audit: RecordAuditFn): Promise<DidOutput> {
  const before = await getDid(db, id);
  if (before.status !== "quarantined") throw conflict("did_not_quarantined");
  const { count } = await db.did.updateMany({ where: { id, status: "quarantined" }, data: { status: "free" } });
  if (count === 0) throw conflict("did_not_quarantined");
  const after = await getDid(db, id);
  await audit({ action: "did.return_to_pool", objectType: "did", objectId: id, before: snapshot(before), after: snapshot(after) });
  return after;
}
