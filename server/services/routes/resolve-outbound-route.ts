import { routeDialNumber, routeDialString, routesInOrder } from "@/asterisk/config";
import type { RouteLossReason, RouteTestOutput } from "@/lib/schemas/outbound-route";
import { matchesDialPattern } from "@/lib/telephony/dial-pattern";

export type CandidateGateway = { id: string; name: string; techPrefix: string | null; position: number };

export type CandidateRoute = {
  id: string;
  name: string;
  pattern: string;
  priority: number;
  stripDigits: number;
  prepend: string | null;
  callerIdNumber: string | null;
  enabled: boolean;
  gateways: CandidateGateway[];
};

type Resolution = Pick<RouteTestOutput, "selected" | "others">;

/**
 * The route Asterisk would use for `number` from the tenant's outbound context, and why every
 * other matching route lost. The order comes from the renderer itself (routesInOrder: overrides,
 * then the operator's, each by priority then name), and so do the dial strings (routeDialString),
 * so the tester can never disagree with the generated dialplan. Disabled routes and overrides of a
 * plan without the feature are not rendered at all: here they are listed with that reason.
 */
export function resolveOutboundRoute(
  number: string,
  scope: { tenantRoutes: CandidateRoute[]; operatorRoutes: CandidateRoute[]; overridesAllowed: boolean },
): Resolution {
  const toModel = (route: CandidateRoute) => ({ ...route, gateways: route.gateways.map((g) => g.name) });
  const byId = new Map([...scope.tenantRoutes, ...scope.operatorRoutes].map((route) => [route.id, route]));
  const ordered = routesInOrder({ routes: scope.tenantRoutes.map(toModel) }, scope.operatorRoutes.map(toModel));

  let selected: Resolution["selected"] = null;
  const others: Resolution["others"] = [];
  for (const { route: model, override } of ordered) {
    const route = byId.get(model.id)!;
    if (!matchesDialPattern(route.pattern, number)) continue;
    const summary = {
      id: route.id,
      name: route.name,
      pattern: route.pattern,
      priority: route.priority,
      scope: override ? "tenant" : "operator",
    } as const;
    const reason: RouteLossReason | null =
      override && !scope.overridesAllowed ? "plan_without_overrides" : !route.enabled ? "disabled" : selected ? "lower_priority" : null;
    if (reason) {
      others.push({ ...summary, reason });
      continue;
    }
    const gateways = [...route.gateways].sort((a, b) => a.position - b.position);
    selected = {
      route: summary,
      stripDigits: route.stripDigits,
      prepend: route.prepend,
      callerIdNumber: route.callerIdNumber,
      dialled: routeDialNumber(route, { techPrefix: null }, number),
      gateways: gateways.map((gateway) => ({
        id: gateway.id,
        name: gateway.name,
        position: gateway.position,
        dialString: routeDialString(route, gateway, number),
      })),
    };
  }
  return { selected, others };
}
