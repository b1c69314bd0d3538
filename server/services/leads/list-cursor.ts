import { z } from "zod";
import { leadMessage, LeadSort } from "@/lib/schemas/lead";
import { AppError } from "@/server/errors";

/**
 * The keyset cursor of the leads list: the last row's sort value and id, plus the sort it was made
 * for, base64url-encoded JSON. Opaque to clients; a cursor of another sort (an old tab after the
 * user changed the order) is refused instead of silently skipping rows.
 */
export type LeadCursor = { sort: LeadSort; value: string | number | null; id: string };

const Decoded = z.tuple([LeadSort.shape.by, LeadSort.shape.dir, z.union([z.string().max(400), z.number(), z.null()]), z.uuid()]);

export function encodeLeadCursor(cursor: LeadCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort.by, cursor.sort.dir, cursor.value, cursor.id]), "utf8").toString("base64url");
}

export function decodeLeadCursor(raw: string, sort: LeadSort): LeadCursor {
  const invalid = () => new AppError("INVALID_INPUT", leadMessage("bad_cursor"), { fieldErrors: { cursor: [leadMessage("bad_cursor")] } });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  const result = Decoded.safeParse(parsed);
  if (!result.success) throw invalid();
  const [by, dir, value, id] = result.data;
  if (by !== sort.by || dir !== sort.dir) throw invalid();
  const valueOk =
    by === "score"
      ? typeof value === "number"
      : by === "name"
        ? typeof value === "string"
        : value === null
          ? by === "lastContact"
          : !Number.isNaN(Date.parse(String(value)));
  if (!valueOk) throw invalid();
  return { sort: { by, dir }, value, id };
}
