import { tariffsError } from "@/lib/schemas/billing-tariffs";
import { Prisma } from "@/prisma/generated/client";
import { AppError } from "@/server/errors";

// The decks' refusals, each with the message an operator can act on.

export const deckNotFound = () => new AppError("NOT_FOUND", tariffsError("deck_not_found"));
export const versionNotFound = () => new AppError("NOT_FOUND", tariffsError("version_not_found"));
export const rateNotFound = () => new AppError("NOT_FOUND", tariffsError("rate_not_found"));

export const deckNameTaken = () =>
  new AppError("CONFLICT", tariffsError("name_taken"), { fieldErrors: { name: [tariffsError("name_taken")] } });

export const ownerHasDeck = (deckName: string) =>
  new AppError("CONFLICT", tariffsError("owner_has_deck", { name: deckName }), {
    fieldErrors: { ownerId: [tariffsError("owner_has_deck", { name: deckName })] },
  });

/** A raw statement refused by a constraint: the PostgreSQL SQLSTATE, wherever the driver put it. */
function sqlState(error: unknown): string | null {
  let node: unknown = error;
  for (let depth = 0; depth < 5 && node && typeof node === "object"; depth++) {
    const record = node as { code?: unknown; originalCode?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
    if (typeof record.originalCode === "string") return record.originalCode;
    if (typeof record.code === "string" && /^[0-9A-Z]{5}$/.test(record.code) && !record.code.startsWith("P")) return record.code;
    node = record.meta?.driverAdapterError ?? record.cause;
  }
  return null;
}

/** The Rate_no_overlap EXCLUDE constraint (23P01): two periods of one prefix meet in a version. */
export function isOverlapViolation(error: unknown): boolean {
  return sqlState(error) === "23P01";
}

/** A unique index refused a deck: which one decides the message. */
export function uniqueTarget(error: unknown): "name" | "owner" | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return null;
  const text = JSON.stringify(error.meta ?? {}) + error.message;
  return /name/i.test(text) && !/(provider|gateway|plan|tenant)_key/i.test(text) ? "name" : "owner";
}
