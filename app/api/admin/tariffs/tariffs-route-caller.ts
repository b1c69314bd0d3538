import { TRPCError } from "@trpc/server";
import type { Session } from "next-auth";
import { getDictionary, translateMessage } from "@/lib/i18n";
import { createContext, localeFromHeaders } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";

/**
 * The tariffs' file routes answer through the console's own procedures (admin.tariffs.*): the
 * console host, a console session of a super admin and the audit are exactly adminProcedure's.
 */
export function tariffsRouteCaller(request: Request, session: Session | null) {
  return createCaller(createContext(request.headers, session));
}

const STATUS: Partial<Record<TRPCError["code"], number>> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_REQUEST: 400,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
};

/** A refused procedure as JSON `{ message }` in the operator's language; anything else rethrows. */
export function refusal(request: Request, error: unknown): Response {
  if (!(error instanceof TRPCError) || !STATUS[error.code]) throw error;
  // A server-side caller skips tRPC's error formatter: the message is still a dictionary key.
  const dict = getDictionary(localeFromHeaders(request.headers));
  const message = translateMessage(dict, error.cause instanceof Error && error.code === "BAD_REQUEST" ? firstIssue(error) : error.message);
  return Response.json({ message }, { status: STATUS[error.code] });
}

function firstIssue(error: TRPCError): string {
  const cause = error.cause as { issues?: Array<{ message: string }> } | undefined;
  return cause?.issues?.[0]?.message ?? error.message;
}
