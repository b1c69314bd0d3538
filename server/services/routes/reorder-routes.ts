import { ROUTE_PRIORITY_STEP, routesMessage, type RouteOutput } from "@/lib/schemas/outbound-route";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import type { RecordAuditFn } from "@/server/services/inventory/inventory-audit";
import { listRoutes } from "./list-routes";
import { requestRouteSync } from "./request-route-sync";
import { findScopeTenant } from "./route-scope";

/**
 * Gives the scope's routes the priorities 10, 20, 30… in the order given, in the request's
 * transaction. The scope's rows are locked first, so a route created or deleted meanwhile makes
 * the list stale (refused) instead of half-applied.
 */
export async function reorderRoutes(db: TenantDb, tenantId: string | null, ids: string[], audit: RecordAuditFn): Promise<RouteOutput[]> {
  if (tenantId) await findScopeTenant(db, tenantId);
  // Raw SQL because Prisma has no SELECT … FOR UPDATE; IS NOT DISTINCT FROM matches the NULL scope.
  const locked = await db.$queryRaw<{ id: string; name: string; priority: number }[]>`
    SELECT id::text, name, priority FROM "OutboundRoute"
    WHERE "tenantId" IS NOT DISTINCT FROM ${tenantId}::uuid
    ORDER BY priority, name
    FOR UPDATE`;
  const current = new Set(locked.map((r) => r.id));
  if (ids.length !== current.size || new Set(ids).size !== ids.length || ids.some((id) => !current.has(id))) {
    throw new AppError("CONFLICT", routesMessage("routes.errors.reorder_stale"));
  }
  await db.$executeRaw`
    UPDATE "OutboundRoute" AS r SET priority = o.n * ${ROUTE_PRIORITY_STEP}, "updatedAt" = now()
    FROM unnest(${ids}::uuid[]) WITH ORDINALITY AS o(id, n)
    WHERE r.id = o.id AND r.priority IS DISTINCT FROM o.n * ${ROUTE_PRIORITY_STEP}`;
  const after = await listRoutes(db, tenantId);
  await audit({
    action: "route.reorder",
    objectType: "outbound_route_scope",
    objectId: tenantId,
    tenantId,
    before: locked.map((r) => ({ name: r.name, priority: r.priority })),
    after: after.map((r) => ({ name: r.name, priority: r.priority })),
  });
  await requestRouteSync(db, tenantId, "route.reorder");
  return after;
}
