import { z } from "zod";
import { AppError } from "@/server/errors";

/** The history's keyset cursor: the last row's startedAt and id, base64url JSON, opaque to clients. */
export type HistoryCursor = { startedAt: Date; id: string };

const Decoded = z.tuple([z.iso.datetime(), z.uuid()]);

export function encodeHistoryCursor(cursor: HistoryCursor): string {
  return Buffer.from(JSON.stringify([cursor.startedAt.toISOString(), cursor.id]), "utf8").toString("base64url");
}

export function decodeHistoryCursor(raw: string): HistoryCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    parsed = null;
  }
  const result = Decoded.safeParse(parsed);
  if (!result.success) {
    throw new AppError("INVALID_INPUT", "callHistory.errors.bad_cursor", { fieldErrors: { cursor: ["callHistory.errors.bad_cursor"] } });
  }
  return { startedAt: new Date(result.data[0]), id: result.data[1] };
}
