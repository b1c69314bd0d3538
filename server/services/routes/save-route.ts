import type { RouteCreateInput, RouteFieldsOutput, RouteOutput } from "@/lib/schemas/outbound-route";
import { ROUTE_MAX_PRIORITY } from "@/lib/schemas/outbound-route";
import type { z } from "zod";
import type { TenantDb } from "@/server/db";
import type { RecordAuditFn } from "@/server/services/inventory/inventory-audit";
import { isUniqueViolation } from "@/server/services/inventory/unique-violation";
import { routeFieldError, routeNameTaken, routeNotFound } from "./route-errors";
import { routeSelect, routeSnapshot, toRouteOutput } from "./route-output";
import { requestRouteSync } from "./request-route-sync";
import { assertOverridesAllowed, nextPriority } from "./route-scope";

type CreateData = z.output<typeof RouteCreateInput>;

async function assertGatewaysExist(db: TenantDb, gatewayIds: string[]): Promise<void> {
  const found = await db.gateway.count({ where: { id: { in: gatewayIds } } });
  if (found !== gatewayIds.length) throw routeFieldError("INVALID_INPUT", "gatewayIds", "routes.errors.gateway_not_found");
}

async function assertNameFree(db: TenantDb, tenantId: string | null, name: string, exceptId?: string): Promise<void> {
  const clash = await db.outboundRoute.findFirst({ where: { tenantId, name }, select: { id: true } });
  if (clash && clash.id !== exceptId) throw routeNameTaken();
}

/** Two operators saving the same name at once: the NULLS NOT DISTINCT index settles it. */
async function saving<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw routeNameTaken();
    throw error;
  }
}

function columns(data: RouteFieldsOutput) {
  return {
    name: data.name,
    pattern: data.pattern,
    stripDigits: data.stripDigits,
    prepend: data.prepend,
    callerIdNumber: data.callerIdNumber,
    enabled: data.enabled,
  };
}

const gatewayRows = (gatewayIds: string[]) => gatewayIds.map((gatewayId, position) => ({ gatewayId, position }));

export async function createRoute(db: TenantDb, data: CreateData, audit: RecordAuditFn): Promise<RouteOutput> {
  if (data.tenantId) await assertOverridesAllowed(db, data.tenantId);
  await assertGatewaysExist(db, data.gatewayIds);
  await assertNameFree(db, data.tenantId, data.name);
  const priority = data.priority ?? Math.min(await nextPriority(db, data.tenantId), ROUTE_MAX_PRIORITY);
  const created = toRouteOutput(
    await saving(() =>
      db.outboundRoute.create({
        data: { ...columns(data), tenantId: data.tenantId, priority, gateways: { create: gatewayRows(data.gatewayIds) } },
        select: routeSelect,
      }),
    ),
  );
  await audit({
    action: "route.create",
    objectType: "outbound_route",
    objectId: created.id,
    tenantId: data.tenantId,
    after: routeSnapshot(created),
  });
  await requestRouteSync(db, data.tenantId, "route.create");
  return created;
}

/** The scope (operator or a tenant) is fixed; everything else, gateways included, is replaced. */
export async function updateRoute(db: TenantDb, id: string, data: RouteFieldsOutput, audit: RecordAuditFn): Promise<RouteOutput> {
  const existing = await db.outboundRoute.findUnique({ where: { id }, select: routeSelect });
  if (!existing) throw routeNotFound();
  const before = toRouteOutput(existing);
  const tenantId = before.tenant?.id ?? null;
  await assertGatewaysExist(db, data.gatewayIds);
  await assertNameFree(db, tenantId, data.name, id);
  const after = toRouteOutput(
    await saving(() =>
      db.outboundRoute.update({
        where: { id },
        data: {
          ...columns(data),
          ...(data.priority !== undefined ? { priority: data.priority } : {}),
          gateways: { deleteMany: {}, create: gatewayRows(data.gatewayIds) },
        },
        select: routeSelect,
      }),
    ),
  );
  await audit({
    action: "route.update",
    objectType: "outbound_route",
    objectId: id,
    tenantId,
    before: routeSnapshot(before),
    after: routeSnapshot(after),
  });
  await requestRouteSync(db, tenantId, "route.update");
  return after;
}

export async function setRouteEnabled(db: TenantDb, id: string, enabled: boolean, audit: RecordAuditFn): Promise<RouteOutput> {
  const existing = await db.outboundRoute.findUnique({ where: { id }, select: routeSelect });
  if (!existing) throw routeNotFound();
  const before = toRouteOutput(existing);
  if (before.enabled === enabled) return before;
  const after = toRouteOutput(await db.outboundRoute.update({ where: { id }, data: { enabled }, select: routeSelect }));
  const tenantId = before.tenant?.id ?? null;
  await audit({
    action: enabled ? "route.enable" : "route.disable",
    objectType: "outbound_route",
    objectId: id,
    tenantId,
    before: { name: before.name, enabled: before.enabled },
    after: { name: after.name, enabled: after.enabled },
  });
  await requestRouteSync(db, tenantId, enabled ? "route.enable" : "route.disable");
  return after;
}

export async function deleteRoute(db: TenantDb, id: string, audit: RecordAuditFn): Promise<{ id: string }> {
  const existing = await db.outboundRoute.findUnique({ where: { id }, select: routeSelect });
  if (!existing) throw routeNotFound();
  const before = toRouteOutput(existing);
  const tenantId = before.tenant?.id ?? null;
  await db.outboundRoute.delete({ where: { id } });
  await audit({ action: "route.delete", objectType: "outbound_route", objectId: id, tenantId, before: routeSnapshot(before) });
  await requestRouteSync(db, tenantId, "route.delete");
  return { id };
}
