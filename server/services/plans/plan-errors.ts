import { plansMessage } from "@/lib/schemas/plan";
import { AppError } from "@/server/errors";

export const planNotFound = () => new AppError("NOT_FOUND", plansMessage("plans.errors.plan_not_found"));

export const planCodeTaken = () =>
  new AppError("CONFLICT", plansMessage("plans.errors.code_taken"), { fieldErrors: { code: [plansMessage("plans.errors.code_taken")] } });
