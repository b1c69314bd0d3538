import { exten, finishFile, type Step } from "./config-text";
import type { GatewayModel, PbxConfigModel, RouteModel, TenantModel } from "./model";
import {
  gatewayEndpoint,
  NO_ROUTE_CONTEXT,
  OUTBOUND_LEG_CONTEXT,
  operatorRouteContext,
  outboundContext,
  outboundRoutesContext,
  tenantRouteContext,
} from "./names";
import { recordSteps } from "./extensions-tenants";
import { orderedRoutes, renderedTenants } from "./rendered-rows";

// Outbound routing as FreePBX lays it out: one context per route, and each tenant's outbound
// context includes them in the order they must be tried. Inside ONE context Asterisk picks the most
// specific pattern, not the first written, so priority can only be expressed by include order.

export const ROUTE_DIAL_SECONDS = 60;
/** Dial results after which the next gateway is tried; BUSY or NOANSWER come from the called party. */
const FAILOVER_STATUSES = ["CHANUNAVAIL", "CONGESTION"];

/** The number a gateway receives: tech prefix, route prepend, then the dialled number minus `strip` digits. */
export function routeDialNumber(
  route: Pick<RouteModel, "stripDigits" | "prepend">,
  gateway: Pick<GatewayModel, "techPrefix">,
  number: string,
) {
  return `${gateway.techPrefix ?? ""}${route.prepend ?? ""}${number.slice(route.stripDigits)}`;
}

/** The Dial string the generated dialplan uses for `number` on this route and gateway (for the route tester). */
export function routeDialString(
  route: Pick<RouteModel, "stripDigits" | "prepend">,
  gateway: Pick<GatewayModel, "name" | "techPrefix">,
  number: string,
) {
  return `PJSIP/${routeDialNumber(route, gateway, number)}@${gatewayEndpoint(gateway.name)}`;
}

/** A tenant's routes in the order its outbound context tries them: its overrides, then the operator's. */
export function routesInOrder(
  tenant: Pick<TenantModel, "routes">,
  operatorRoutes: RouteModel[],
): { route: RouteModel; override: boolean }[] {
  return [
    ...orderedRoutes(tenant.routes).map((route) => ({ route, override: true })),
    ...orderedRoutes(operatorRoutes).map((route) => ({ route, override: false })),
  ].filter(({ route }) => route.gateways.length > 0);
}

/** extensions_routes.conf. Expects a validated model. */
export function writeExtensionsRoutes(model: PbxConfigModel): string {
  const gateways = new Map(model.gateways.map((g) => [g.name, g]));
  const lines: string[] = [`[${NO_ROUTE_CONTEXT}]`];
  // Heard by people (as early media, without answering) and read by machines as a 503.
  for (const pattern of ["_X.", "_+X."]) exten(lines, pattern, ["Progress()", "Playback(ss-noservice,noanswer)", "Congestion()"]);
  lines.push("", "; ================= operator routes =================");
  for (const route of orderedRoutes(model.routes)) writeRoute(lines, operatorRouteContext(route.name), route, gateways);
  for (const tenant of renderedTenants(model)) {
    lines.push(`; ================= tenant ${tenant.code} =================`);
    for (const route of orderedRoutes(tenant.routes)) writeRoute(lines, tenantRouteContext(tenant.code, route.name), route, gateways);
    lines.push(`[${outboundContext(tenant.code)}]`);
    if (tenant.recordCalls) {
      // Records before any route is tried, then continues in a context that holds the includes: an
      // exten of the outbound context itself would otherwise shadow every included route.
      for (const pattern of ["_X.", "_+X."])
        exten(lines, pattern, [...recordSteps(tenant), `Goto(${outboundRoutesContext(tenant.code)},\${EXTEN},1)`]);
      lines.push("", `[${outboundRoutesContext(tenant.code)}]`);
    }
    for (const { route, override } of routesInOrder(tenant, model.routes)) {
      lines.push(`include => ${override ? tenantRouteContext(tenant.code, route.name) : operatorRouteContext(route.name)}`);
    }
    lines.push(`include => ${NO_ROUTE_CONTEXT}`, "");
  }
  return finishFile("extensions_routes.conf", lines);
}

function writeRoute(lines: string[], context: string, route: RouteModel, gateways: Map<string, GatewayModel>): void {
  if (route.gateways.length === 0) {
    lines.push(`; route ${route.name} has no gateway: not included anywhere`, "");
    return;
  }
  lines.push(`[${context}]`);
  const steps: Step[] = [];
  if (route.callerIdNumber !== null) steps.push(`Set(CALLERID(num)=${route.callerIdNumber})`);
  // An extension's (or a trunk's) own outbound number wins over the route's.
  steps.push("ExecIf($[${LEN(${LINHA_OUTCID})} > 0]?Set(CALLERID(num)=${LINHA_OUTCID}))");
  const number = route.stripDigits > 0 ? `\${EXTEN:${route.stripDigits}}` : "${EXTEN}";
  const failed = FAILOVER_STATUSES.map((s) => `"\${DIALSTATUS}" = "${s}"`).join(" | ");
  route.gateways.forEach((name, index) => {
    const gateway = gateways.get(name)!;
    const dial = `Dial(PJSIP/${gateway.techPrefix ?? ""}${route.prepend ?? ""}${number}@${gatewayEndpoint(name)},${ROUTE_DIAL_SECONDS},b(${OUTBOUND_LEG_CONTEXT}^s^1(\${CHANNEL(tenantid)})))`;
    steps.push(index === 0 ? dial : { label: `gw${index + 1}`, app: dial });
    if (index < route.gateways.length - 1) steps.push(`GotoIf($[${failed}]?gw${index + 2})`);
    steps.push("Hangup()");
  });
  exten(lines, normalizePattern(route.pattern), steps);
  lines.push("");
}

/** `x`/`z`/`n` mean the same as `X`/`Z`/`N`; write them upper-case so the file reads like the docs. */
function normalizePattern(pattern: string): string {
  return pattern.startsWith("_") ? `_${pattern.slice(1).replace(/[xzn]/g, (c) => c.toUpperCase())}` : pattern;
}
