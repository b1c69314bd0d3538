import { describe, expect, it } from "vitest";
import { getDictionary, translateMessage } from "@/lib/i18n";
import { AppError } from "@/server/errors";
import { resolveOutboundRoute, type CandidateRoute } from "@/server/services/routes/resolve-outbound-route";
import { assertRouteSelected } from "./routability";

// Click-to-call refuses what the route tester would not route. The resolution is the tester's own
// (resolveOutboundRoute, the same order and gateways as the rendered dialplan).

const route = (name: string, pattern: string, gateways: string[], extra: Partial<CandidateRoute> = {}): CandidateRoute => ({
  id: name,
  name,
  pattern,
  priority: 10,
  stripDigits: 0,
  prepend: null,
  callerIdNumber: null,
  enabled: true,
  gateways: gateways.map((g, position) => ({ id: g, name: g, techPrefix: null, position })),
  ...extra,
});

function refusal(fn: () => void): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

const resolve = (number: string, operatorRoutes: CandidateRoute[], tenantRoutes: CandidateRoute[] = []) =>
  resolveOutboundRoute(number, { tenantRoutes, operatorRoutes, overridesAllowed: true });

describe("assertRouteSelected", () => {
  const brazil = route("brasil-e164", "_+55X.", ["vivo-sp1"]);

  it("lets a number some route carries through", () => {
    expect(() => assertRouteSelected(resolve("+5511987654321", [brazil]), "+5511987654321")).not.toThrow();
  });

  it("refuses a number no route matches, naming it", () => {
    const error = refusal(() => assertRouteSelected(resolve("+12025550143", [brazil]), "+12025550143"));
    expect(error.code).toBe("CONFLICT");
    expect(translateMessage(getDictionary("en"), error.message)).toBe(
      "There is no outbound route for +12025550143. Ask an admin to set one up.",
    );
    expect(translateMessage(getDictionary("pt-BR"), error.message)).toBe(
      "Não há rota de saída para +12025550143. Peça a um administrador para configurar uma rota.",
    );
  });

  it("refuses when the only matching routes are disabled or have no gateway", () => {
    const disabled = route("eua", "_+1X.", ["algar-sp1"], { enabled: false });
    const empty = route("eua-vazia", "_+1X.", []);
    expect(refusal(() => assertRouteSelected(resolve("+12025550143", [brazil, disabled, empty]), "+12025550143")).code).toBe("CONFLICT");
  });
});
