import { platformDb, withAdmin, type TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { recordAudit, type AuditActor } from "@/server/services/audit/record-audit";
import type { AdminContext } from "@/server/trpc/admin-procedure";
import { authedProcedure, insideTransaction } from "@/server/trpc/init";

/**
 * adminProcedure's guard (console host, console session, still a super admin) with a longer
 * transaction, for the mutations that write a deck version. A version is a full copy of the deck:
 * up to 100,000 Rate rows, each of which maintains the Rate_no_overlap GiST index (exclusion
 * constraint) — about 80 µs a row on an idle 2-core machine, several times that on a busy one,
 * where a 50,000-rate import or a one-rate edit of a 50,000-rate deck outlasts the console's 10 s
 * transaction. Everything else about the request — one transaction, the audit entry in it — is
 * as adminProcedure does it.
 */
export const VERSION_TRANSACTION_MS = 120_000;

export const deckVersionProcedure = authedProcedure.use(async ({ ctx, next }) => {
  const { session } = ctx;
  if (ctx.target.kind !== "admin" || session.user.scope !== "admin") throw new AppError("FORBIDDEN", "errors.forbidden");
  const user = await platformDb().user.findUnique({ where: { id: session.user.id }, select: { isSuperAdmin: true, email: true } });
  if (!user?.isSuperAdmin) throw new AppError("FORBIDDEN", "errors.forbidden");

  const actor: AuditActor = { kind: "super_admin", userId: session.user.id, email: user.email, ip: ctx.ip };
  return insideTransaction(
    (fn) => withAdmin(fn, { timeoutMs: VERSION_TRANSACTION_MS }),
    async (db: TenantDb) => {
      const adminCtx: AdminContext = {
        db,
        admin: { userId: session.user.id, email: user.email },
        audit: (entry) => recordAudit(db, actor, { tenantId: null, ...entry }),
      };
      return next({ ctx: adminCtx });
    },
  );
});
