"use server";

import { headers } from "next/headers";
import { ZodError } from "zod";
import { rootDomain } from "@/lib/env";
import { parseHost } from "@/lib/host";
import { getDictionary, translateMessage } from "@/lib/i18n";
import { PlaceCallInput, type PlaceCallResult } from "@/lib/schemas/calls";
import { currentSession } from "@/server/auth/session";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { placeCallForRequest } from "@/server/services/calls/control/place-call";
import { clientIp, localeFromHeaders } from "@/server/trpc/context";

/**
 * Click-to-call: the Call buttons of the lead page, opportunities, call tasks and the history.
 * A server action rather than a tRPC mutation because the Call row must be committed before the
 * Originate leaves (the ingest binds the PBX's events to it), and the tRPC request runs inside one
 * transaction that only commits when the procedure returns. Authorised from the session and the
 * Host like the tRPC procedures; answers a translated error rather than throwing, so the button
 * can toast it.
 */
export async function placeCall(input: PlaceCallInput): Promise<PlaceCallResult> {
  const requestHeaders = await headers();
  const dict = getDictionary(localeFromHeaders(requestHeaders));
  try {
    const parsed = PlaceCallInput.parse(input ?? {});
    const request = {
      target: parseHost(requestHeaders.get("host"), rootDomain()),
      session: await currentSession(),
      ip: clientIp(requestHeaders),
    };
    const { callId } = await placeCallForRequest(request, parsed);
    return { ok: true, callId };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: translateMessage(dict, error.message), code: error.code };
    if (error instanceof ZodError) return { ok: false, error: translateMessage(dict, "errors.invalid_input"), code: "INVALID_INPUT" };
    logger.error({ err: error }, "placeCall failed");
    return { ok: false, error: translateMessage(dict, "common.unexpectedError") };
  }
}
