"use server";

import { headers } from "next/headers";
import { ZodError } from "zod";
import { rootDomain } from "@/lib/env";
import { parseHost } from "@/lib/host";
import { getDictionary, translateMessage } from "@/lib/i18n";
import { SyncPbxInput, type SyncPbxResult } from "@/lib/schemas/pbx";
import { currentSession } from "@/server/auth/session";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { forcePbxSync } from "@/server/services/pbx/force-pbx-sync";
import { clientIp, localeFromHeaders } from "@/server/trpc/context";

/**
 * Forces a sync of a PBX node now: the console's "sync" button (any node) and the tenant's
 * "Sincronizar agora" (its own node). Authorised from the session and the Host like the tRPC
 * procedures; answers a translated error rather than throwing, so the button can toast it.
 */
export async function syncPbx(input: SyncPbxInput): Promise<SyncPbxResult> {
  const requestHeaders = await headers();
  const dict = getDictionary(localeFromHeaders(requestHeaders));
  try {
    const parsed = SyncPbxInput.parse(input ?? {});
    const request = {
      target: parseHost(requestHeaders.get("host"), rootDomain()),
      session: await currentSession(),
      ip: clientIp(requestHeaders),
    };
    const { syncId } = await forcePbxSync(request, parsed);
    return { ok: true, syncId };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: translateMessage(dict, error.message) };
    if (error instanceof ZodError) return { ok: false, error: translateMessage(dict, "errors.invalid_input") };
    logger.error({ err: error }, "syncPbx failed");
    return { ok: false, error: translateMessage(dict, "common.unexpectedError") };
  }
}
