import type { Dictionary } from "@/lib/i18n";

// The closed set of domain errors. Services throw these; server/trpc/init.ts maps them to tRPC
// codes in one place. Another tenant's object is NOT_FOUND, never FORBIDDEN.
export const APP_ERROR_CODES = [
  "NOT_FOUND",
  "FORBIDDEN",
  "UNAUTHORIZED",
  "CONFLICT",
  "INVALID_INPUT",
  "LIMIT_REACHED",
  "PBX_UNAVAILABLE",
  "TOO_MANY_REQUESTS",
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    /** An "errors.<code>" message key (see lib/i18n messageKey) or plain text. */
    message: string,
    readonly details?: { fieldErrors?: Record<string, string[]> } & Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export type ErrorKey = keyof Dictionary["errors"];
