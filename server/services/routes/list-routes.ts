import { orderedRoutes } from "@/asterisk/config/rendered-rows";
import type { RouteOutput, RouteTenantOption } from "@/lib/schemas/outbound-route";
import type { TenantDb } from "@/server/db";
import { routeNotFound } from "./route-errors";
import { ROUTE_OVERRIDES_FEATURE, routeOrder, routeSelect, toRouteOutput } from "./route-output";

/** undefined = every route (operator's first, then each tenant's), null = the operator's, an id = that tenant's. */
export async function listRoutes(db: TenantDb, tenantId: string | null | undefined): Promise<RouteOutput[]> {
  const rows = await db.outboundRoute.findMany({
    where: tenantId === undefined ? {} : { tenantId },
    select: routeSelect,
    orderBy: routeOrder,
  });
  // The order Asterisk tries them in (the renderer's own sort, not the database's collation),
  // the operator's first, then each tenant's by tenant name.
  const routes = orderedRoutes(rows.map(toRouteOutput));
  const scopeName = (r: RouteOutput) => r.tenant?.name ?? "";
  return [...routes].sort((a, b) => Number(a.tenant !== null) - Number(b.tenant !== null) || scopeName(a).localeCompare(scopeName(b)));
}

export async function getRoute(db: TenantDb, id: string): Promise<RouteOutput> {
  const row = await db.outboundRoute.findUnique({ where: { id }, select: routeSelect });
  if (!row) throw routeNotFound();
  return toRouteOutput(row);
}

/** Companies for the scope picker, those with overrides or a plan allowing them first. */
export async function listRouteTenants(db: TenantDb): Promise<RouteTenantOption[]> {
  const tenants = await db.tenant.findMany({
    where: { status: { not: "archived" } },
    select: { id: true, name: true, slug: true, plan: { select: { features: true } }, _count: { select: { outboundRoutes: true } } },
    orderBy: { name: "asc" },
  });
  return tenants
    .map(({ plan, _count, ...tenant }) => ({
      ...tenant,
      overridesAllowed: plan.features.includes(ROUTE_OVERRIDES_FEATURE),
      overrides: _count.outboundRoutes,
    }))
    .sort((a, b) => Number(b.overrides > 0 || b.overridesAllowed) - Number(a.overrides > 0 || a.overridesAllowed));
}
