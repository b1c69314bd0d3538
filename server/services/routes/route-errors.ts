import { routesMessage } from "@/lib/schemas/outbound-route";
import { AppError, type AppErrorCode } from "@/server/errors";

type RoutesErrorKey = Parameters<typeof routesMessage>[0];

/** An error the form shows next to `field` (and as the message elsewhere). */
export function routeFieldError(code: AppErrorCode, field: string, key: RoutesErrorKey, params?: Record<string, string | number>) {
  const message = routesMessage(key, params);
  return new AppError(code, message, { fieldErrors: { [field]: [message] } });
}

export const routeNotFound = () => new AppError("NOT_FOUND", routesMessage("routes.errors.route_not_found"));
export const routeNameTaken = () => routeFieldError("CONFLICT", "name", "routes.errors.name_taken");
export const routeTenantNotFound = () => routeFieldError("NOT_FOUND", "tenantId", "routes.errors.tenant_not_found");
