import type { TenantDb } from "@/server/db";
import { routeFieldError, routeTenantNotFound } from "./route-errors";
import { ROUTE_OVERRIDES_FEATURE } from "./route-output";

export type RouteScopeTenant = { id: string; name: string; slug: string; overridesAllowed: boolean };

/** The tenant of an override scope, or NOT_FOUND. */
export async function findScopeTenant(db: TenantDb, tenantId: string): Promise<RouteScopeTenant> {
  const tenant = await db.tenant.findUnique({
    where: { id: tenantId },
    select: { id: true, name: true, slug: true, plan: { select: { features: true } } },
  });
  if (!tenant) throw routeTenantNotFound();
  const { plan, ...rest } = tenant;
  return { ...rest, overridesAllowed: plan.features.includes(ROUTE_OVERRIDES_FEATURE) };
}

/** A new override needs a plan with the feature; the loader ignores overrides of other plans anyway. */
export async function assertOverridesAllowed(db: TenantDb, tenantId: string): Promise<RouteScopeTenant> {
  const tenant = await findScopeTenant(db, tenantId);
  if (!tenant.overridesAllowed) {
    throw routeFieldError("LIMIT_REACHED", "tenantId", "routes.errors.plan_without_overrides", { name: tenant.name });
  }
  return tenant;
}

/** The next priority after the last route of the scope. */
export async function nextPriority(db: TenantDb, tenantId: string | null): Promise<number> {
  const last = await db.outboundRoute.aggregate({ where: { tenantId }, _max: { priority: true } });
  return (last._max.priority ?? 0) + 10;
}
