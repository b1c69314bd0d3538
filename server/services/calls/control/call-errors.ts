import type { MessageKey, Params } from "@/lib/i18n";
import { AmiError } from "@/asterisk/ami/types";
import { AppError } from "@/server/errors";

/** A calls message key ("calls.errors.<…>?param=…"), translated like messageKey's. */
export function callsMessage(key: Extract<MessageKey, `calls.${string}`>, params?: Params): string {
  const query = params ? `?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}` : "";
  return `${key}${query}`;
}

/**
 * What the member sees when Asterisk did not do what we asked: a refusal (Response: Error) names
 * Asterisk's own reason; a timeout or lost connection means the PBX is unavailable right now.
 */
export function amiFailure(error: unknown, refused: "calls.errors.originate_failed" | "calls.errors.action_failed"): AppError {
  if (error instanceof AmiError) {
    if (error.code === "action_failed") return new AppError("CONFLICT", callsMessage(refused, { reason: error.message.slice(0, 200) }));
    if (error.code === "timeout") return new AppError("PBX_UNAVAILABLE", callsMessage("calls.errors.pbx_no_answer"));
    return new AppError("PBX_UNAVAILABLE", callsMessage("calls.errors.pbx_unavailable"));
  }
  return error instanceof AppError ? error : new AppError("PBX_UNAVAILABLE", callsMessage("calls.errors.pbx_unavailable"));
}
