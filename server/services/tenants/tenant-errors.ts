import { AppError } from "@/server/errors";

export const tenantNotFound = () => new AppError("NOT_FOUND", "console.errors.tenant_not_found");
