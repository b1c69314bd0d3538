import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { getDictionary, translateMessage } from "@/lib/i18n";
import { platformDb, withTenant, type TenantDb } from "@/server/db";
import { AppError, type AppErrorCode } from "@/server/errors";
import type { MemberRole, Tenant } from "@/prisma/generated/client";
import type { Context } from "./context";

// ---------------------------------------------------------------- init

const TRPC_CODE: Record<AppErrorCode, TRPCError["code"]> = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHORIZED: "UNAUTHORIZED",
  CONFLICT: "CONFLICT",
  INVALID_INPUT: "BAD_REQUEST",
  LIMIT_REACHED: "FORBIDDEN",
  PBX_UNAVAILABLE: "SERVICE_UNAVAILABLE",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
};

function fieldErrorsOf(error: ZodError, translate: (m: string) => string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    // Update inputs are shaped { id, data: {...} }: report fields by their own name.
    const path = (issue.path[0] === "data" ? issue.path.slice(1) : issue.path).join(".") || "_";
    (out[path] ??= []).push(translate(issue.message));
  }
  return out;
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx }) {
    const dict = getDictionary(ctx?.locale ?? "pt-BR");
    const translate = (m: string) => translateMessage(dict, m);
    const cause = error.cause;
    let message = translate(shape.message);
    let appCode: string | undefined;
    let fieldErrors: Record<string, string[]> | undefined;
    if (cause instanceof ZodError && shape.data.code === "BAD_REQUEST") {
      fieldErrors = fieldErrorsOf(cause, translate);
      appCode = "INVALID_INPUT";
      message = Object.values(fieldErrors)[0]?.[0] ?? translate("errors.invalid_input");
    } else if (cause instanceof AppError) {
      appCode = cause.code;
      message = translate(cause.message);
      const raw = cause.details?.fieldErrors;
      if (raw) fieldErrors = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v.map(translate)]));
    } else if (shape.data.code === "INTERNAL_SERVER_ERROR") {
      // Never leak internals (SQL, stack) to the browser; the server log has them.
      message = translate("common.unexpectedError");
    }
    return { ...shape, message, data: { ...shape.data, stack: undefined, appCode, fieldErrors } };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;

// ---------------------------------------------------------------- procedures

const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    result.error = new TRPCError({
      code: TRPC_CODE[result.error.cause.code],
      message: result.error.cause.message,
      cause: result.error.cause,
    });
  }
  return result;
});

export const publicProcedure = t.procedure.use(appErrors);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session?.user?.id) throw new AppError("UNAUTHORIZED", "errors.unauthorized");
  return next({ ctx: { session: ctx.session } });
});

const ROLE_RANK: Record<MemberRole, number> = { rep: 1, manager: 2, admin: 3, owner: 4 };

export type TenantContext = {
  tenant: Pick<Tenant, "id" | "slug" | "name" | "planId">;
  membership: { id: string; role: MemberRole; userId: string };
  db: TenantDb;
};

/**
 * Resolves the tenant from the Host (never from input), checks the session was issued for it and
 * that the user is still a member, then runs the handler inside withTenant(): `ctx.db` only ever
 * sees this tenant's rows.
 */
export const tenantProcedure = authedProcedure.use(async ({ ctx, next }) => {
  const { target, session } = ctx;
  if (target.kind !== "tenant" || session.user.scope !== `tenant:${target.slug}`) {
    throw new AppError("UNAUTHORIZED", "errors.unauthorized");
  }
  const tenant = await platformDb().tenant.findUnique({
    where: { slug: target.slug },
    select: { id: true, slug: true, name: true, planId: true, status: true },
  });
  if (!tenant || tenant.status !== "active") throw new AppError("FORBIDDEN", "errors.forbidden");
  try {
    return await withTenant(tenant.id, async (db) => {
      const membership = await db.membership.findFirst({
        where: { userId: session.user.id },
        select: { id: true, role: true, userId: true },
      });
      if (!membership) throw new AppError("UNAUTHORIZED", "errors.unauthorized");
      const tenantCtx: TenantContext = { tenant, membership, db };
      const result = await next({ ctx: tenantCtx });
      // tRPC hands failures back as values; throw so the transaction rolls back, then return it.
      if (!result.ok) throw new RollbackWith(result);
      return result;
    });
  } catch (error) {
    if (error instanceof RollbackWith) return error.result as never;
    throw error;
  }
});

class RollbackWith {
  constructor(readonly result: unknown) {}
}

export function roleProcedure(minimum: MemberRole) {
  return tenantProcedure.use(({ ctx, next }) => {
    if (ROLE_RANK[ctx.membership.role] < ROLE_RANK[minimum]) throw new AppError("FORBIDDEN", "errors.forbidden");
    return next();
  });
}

export const adminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.target.kind !== "admin" || ctx.session.user.scope !== "admin") throw new AppError("FORBIDDEN", "errors.forbidden");
  return next();
});
