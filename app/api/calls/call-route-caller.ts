import { TRPCError } from "@trpc/server";
import type { Session } from "next-auth";
import { getDictionary, translateMessage } from "@/lib/i18n";
import { createContext, localeFromHeaders } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";

/**
 * The calls routes answer through the same tRPC procedures the pages use (calls.history.*), so the
 * tenant comes from the Host and the session, visibility and plan rules are exactly the router's.
 */
export function callRouteCaller(request: Request, session: Session | null) {
  return createCaller(createContext(request.headers, session));
}

const STATUS: Partial<Record<TRPCError["code"], number>> = { UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_REQUEST: 400 };

/** A refused procedure as a plain-text HTTP answer in the user's language; anything else rethrows. */
export function refusal(request: Request, error: unknown): Response {
  if (!(error instanceof TRPCError) || !STATUS[error.code]) throw error;
  // A server-side caller skips tRPC's error formatter: the message is still a dictionary key.
  const message = translateMessage(getDictionary(localeFromHeaders(request.headers)), error.message);
  return new Response(message, { status: STATUS[error.code], headers: { "content-type": "text/plain; charset=utf-8" } });
}
