import { inventoryError, type DidOutput } from "@/lib/schemas/inventory";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { assertWithinPlanLimit } from "@/server/services/limits/plan-limits";
import { requestTenantPbxSync } from "@/server/services/pbx/sync-requests";
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
  // The tenant's PBX now answers the number ("unavailable" until the tenant routes it).
  await requestTenantPbxSync(tenantId, "did.allocate");
  return after;
}

/**
 * The tenant's routing of the number goes first, in the same transaction: the route's foreign key
 * (tenantId, didId) → Did is ON UPDATE RESTRICT on purpose, so a number can never change hands
 * while still ringing the previous tenant's extension. Recorded under that tenant.
 */
async function dropTenantRoute(db: TenantDb, id: string, did: DidOutput, audit: RecordAuditFn): Promise<void> {
  // Raw SQL for the row lock: a route being saved meanwhile waits on it and then finds the number gone.
  await db.$queryRaw`SELECT 1 FROM "Did" WHERE id = ${id}::uuid FOR UPDATE`;
  const { count } = await db.didRoute.deleteMany({ where: { didId: id } });
  if (count === 0) return;
  await audit({ action: "did.route_clear", objectType: "did", objectId: id, tenantId: did.tenant!.id, before: { number: did.number } });
}

export async function releaseDid(db: TenantDb, id: string, audit: RecordAuditFn): Promise<DidOutput> {
  const before = await getDid(db, id);
  if (before.status !== "allocated" || !before.tenant) throw conflict("did_not_allocated");
  await dropTenantRoute(db, id, before, audit);
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
  await requestTenantPbxSync(before.tenant.id, "did.release");
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
