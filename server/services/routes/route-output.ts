import type { RouteOutput } from "@/lib/schemas/outbound-route";
import type { Prisma } from "@/prisma/generated/client";

export const ROUTE_OVERRIDES_FEATURE = "route_overrides";

export const routeSelect = {
  id: true,
  name: true,
  pattern: true,
  priority: true,
  stripDigits: true,
  prepend: true,
  callerIdNumber: true,
  enabled: true,
  createdAt: true,
  updatedAt: true,
  tenant: { select: { id: true, name: true, slug: true, plan: { select: { features: true } } } },
  gateways: { select: { position: true, gateway: { select: { id: true, name: true, techPrefix: true } } }, orderBy: { position: "asc" } },
} satisfies Prisma.OutboundRouteSelect;

export type RouteRow = Prisma.OutboundRouteGetPayload<{ select: typeof routeSelect }>;

/** Ties in priority are broken by name, the same order the config loader writes the includes in. */
export const routeOrder = [{ priority: "asc" }, { name: "asc" }] satisfies Prisma.OutboundRouteOrderByWithRelationInput[];

export function toRouteOutput({ tenant, gateways, ...row }: RouteRow): RouteOutput {
  return {
    ...row,
    tenant: tenant
      ? { id: tenant.id, name: tenant.name, slug: tenant.slug, overridesAllowed: tenant.plan.features.includes(ROUTE_OVERRIDES_FEATURE) }
      : null,
    gateways: gateways.map(({ position, gateway }) => ({ ...gateway, position })),
  };
}

/** What the audit log keeps of a route: its terms, by gateway name (ids say little to a reader). */
export function routeSnapshot(route: RouteOutput) {
  return {
    name: route.name,
    tenant: route.tenant?.slug ?? null,
    pattern: route.pattern,
    priority: route.priority,
    stripDigits: route.stripDigits,
    prepend: route.prepend,
    callerIdNumber: route.callerIdNumber,
    enabled: route.enabled,
    gateways: route.gateways.map((g) => g.name),
  };
}
