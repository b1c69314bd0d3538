import { AppError } from "@/server/errors";
import { memberOnlyProcedure, roleProcedure } from "@/server/trpc/tenant-procedure";

/** Settings that manage people, keys and the audit trail: owners and admins. */
export const settingsAdminProcedure = roleProcedure("admin");

/**
 * For procedures that hand out a secret (a new API key): a signed-in owner or admin member; never
 * a support session or an API key, whatever role they act with.
 */
export const secretIssuingProcedure = memberOnlyProcedure.use(({ ctx, next }) => {
  if (ctx.actor.role !== "owner" && ctx.actor.role !== "admin") throw new AppError("FORBIDDEN", "errors.forbidden");
  return next();
});
