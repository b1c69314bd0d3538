import type { RouteTestOutput } from "@/lib/schemas/outbound-route";
import type { TenantDb } from "@/server/db";
import { resolveOutboundRoute, type CandidateRoute } from "./resolve-outbound-route";
import { findScopeTenant } from "./route-scope";

const candidateSelect = {
  id: true,
  name: true,
  pattern: true,
  priority: true,
  stripDigits: true,
  prepend: true,
  callerIdNumber: true,
  enabled: true,
  gateways: { select: { position: true, gateway: { select: { id: true, name: true, techPrefix: true } } } },
} as const;

async function candidates(db: TenantDb, tenantId: string | null): Promise<CandidateRoute[]> {
  const rows = await db.outboundRoute.findMany({ where: { tenantId }, select: candidateSelect });
  return rows.map(({ gateways, ...route }) => ({
    ...route,
    gateways: gateways.map(({ position, gateway }) => ({ ...gateway, position })),
  }));
}

/** The route tester: which route, gateways and dial strings a call to `number` would use. */
export async function testRoute(db: TenantDb, number: string, tenantId: string | null): Promise<RouteTestOutput> {
  const tenant = tenantId ? await findScopeTenant(db, tenantId) : null;
  // One after the other: the queries share the request's transaction.
  const tenantRoutes = tenant ? await candidates(db, tenant.id) : [];
  const operatorRoutes = await candidates(db, null);
  const resolution = resolveOutboundRoute(number, { tenantRoutes, operatorRoutes, overridesAllowed: tenant?.overridesAllowed ?? false });
  return { number, tenant, ...resolution };
}
