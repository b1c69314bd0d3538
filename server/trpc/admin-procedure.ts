import { platformDb, withAdmin, type TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { recordAudit, type AuditActor, type AuditEntry } from "@/server/services/audit/record-audit";
import { authedProcedure, insideTransaction } from "./init";

export type AdminContext = {
  /** A client in the console's role: every tenant's rows, in the request's transaction. */
  db: TenantDb;
  admin: { userId: string; email: string };
  /** Records an audit entry (platform-level unless `tenantId` is given) in the same transaction. */
  audit: (entry: AuditEntry) => Promise<void>;
};

/**
 * The operator console: a session issued on the admin host to a user who is still a super admin.
 * Every mutation in the console goes through here and records what it did with ctx.audit().
 */
export const adminProcedure = authedProcedure.use(async ({ ctx, next }) => {
  const { session } = ctx;
  if (ctx.target.kind !== "admin" || session.user.scope !== "admin") throw new AppError("FORBIDDEN", "errors.forbidden");
  const user = await platformDb().user.findUnique({ where: { id: session.user.id }, select: { isSuperAdmin: true, email: true } });
  if (!user?.isSuperAdmin) throw new AppError("FORBIDDEN", "errors.forbidden");

  const actor: AuditActor = { kind: "super_admin", userId: session.user.id, email: user.email, ip: ctx.ip };
  return insideTransaction(
    (fn) => withAdmin(fn),
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
