import type { z } from "zod";
import { RATE_IMPORT_MAX_ERRORS, type RateImportInput, type RateImportResult } from "@/lib/schemas/billing-tariffs";
import type { TenantDb } from "@/server/db";
import type { Actor, Audit } from "./create-deck";
import { isOverlapViolation } from "./deck-errors";
import { finishVersion, insertRates, lockDeck, startVersion, type NewRate } from "./deck-version";
import { mergeRates } from "./merge-rates";
import { parseRateCsv } from "./parse-rate-csv";

type ImportInput = z.output<typeof RateImportInput>;

/** A version's rates as NewRate rows, for the merge (one query, no Prisma objects per row). */
async function loadRates(db: TenantDb, versionId: string): Promise<NewRate[]> {
  const rows = await db.$queryRaw<
    Array<Omit<NewRate, "effectiveFrom" | "effectiveTo"> & { effectiveFrom: Date; effectiveTo: Date | null }>
  >`
    SELECT prefix, description, "pricePerMinuteMicros", "connectionFeeMicros", "minSeconds", "incrementSeconds", "effectiveFrom", "effectiveTo"
    FROM "Rate" WHERE "versionId" = ${versionId}::uuid`;
  return rows.map((r) => ({ ...r, effectiveFrom: r.effectiveFrom.getTime(), effectiveTo: r.effectiveTo ? r.effectiveTo.getTime() : null }));
}

/**
 * All or nothing: every line is checked first and a file with any bad line imports nothing, its
 * problems listed by line (the first RATE_IMPORT_MAX_ERRORS, and how many lines are bad). A good
 * file becomes one new version ("imported") in the request's transaction — the whole file
 * (replace) or the file over the current rates (merge, see mergeRates) — written in bulk.
 * `reason`s are message keys; the caller translates them.
 */
export async function importRates(db: TenantDb, input: ImportInput, actor: Actor, audit: Audit): Promise<RateImportResult> {
  const parsed = parseRateCsv(input.csv);
  if (parsed.errors.length > 0) {
    return {
      ok: false,
      rows: parsed.records,
      errors: parsed.errors.slice(0, RATE_IMPORT_MAX_ERRORS),
      badLines: new Set(parsed.errors.map((e) => e.line)).size,
    };
  }
  const deck = await lockDeck(db, input.deckId);
  const rates: NewRate[] =
    input.mode === "merge" && deck.currentVersionId ? mergeRates(await loadRates(db, deck.currentVersionId), parsed.rows) : parsed.rows;
  const version = await startVersion(db, deck, "imported", input.note ?? null, actor.userId);
  try {
    await insertRates(db, version.id, rates);
  } catch (error) {
    // parseRateCsv and mergeRates leave no overlap; reaching this is a bug, not bad input.
    if (isOverlapViolation(error)) throw new Error("rate import produced overlapping periods", { cause: error });
    throw error;
  }
  const view = await finishVersion(db, deck, version);
  await audit({
    action: "rate_deck.import",
    objectType: "rate_deck",
    objectId: deck.id,
    after: {
      mode: input.mode,
      rows: parsed.rows.length,
      version: view.number,
      rates: view.rateCount,
      added: view.added,
      changed: view.changed,
      removed: view.removed,
    },
  });
  return { ok: true, rows: parsed.records, version: view };
}
