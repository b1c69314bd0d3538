import type { RouteTestOutput } from "@/lib/schemas/outbound-route";
import { AppError } from "@/server/errors";
import { callsMessage } from "./call-errors";

/**
 * The route tester's answer as a refusal: no route (of the tenant or the operator) would carry
 * the number, so Asterisk would only play "no service". Refused before anything is written.
 */
export function assertRouteSelected(result: Pick<RouteTestOutput, "selected">, number: string): void {
  if (!result.selected || result.selected.gateways.length === 0) {
    throw new AppError("CONFLICT", callsMessage("calls.errors.not_routable", { number }));
  }
}
