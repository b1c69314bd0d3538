import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { getDictionary, translateMessage } from "@/lib/i18n";
import { AppError, type AppErrorCode } from "@/server/errors";
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
export const middleware = t.middleware;

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

class RollbackWith {
  constructor(readonly result: unknown) {}
}

/**
 * Runs the rest of a procedure inside a database transaction (withTenant / withAdmin). tRPC hands
 * failures back as values, so a failed result is thrown to roll the transaction back, then
 * returned as it was.
 */
export async function insideTransaction<D, R extends { ok: boolean }>(
  open: (fn: (db: D) => Promise<R>) => Promise<R>,
  body: (db: D) => Promise<R>,
): Promise<R> {
  try {
    return await open(async (db) => {
      const result = await body(db);
      if (!result.ok) throw new RollbackWith(result);
      return result;
    });
  } catch (error) {
    if (error instanceof RollbackWith) return error.result as R;
    throw error;
  }
}
