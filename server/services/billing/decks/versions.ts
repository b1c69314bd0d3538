import type { z } from "zod";
import type { VersionChangeResult, VersionDiff, VersionDiffInput, VersionListInput, VersionPage } from "@/lib/schemas/billing-tariffs";
import { tariffsError } from "@/lib/schemas/billing-tariffs";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Actor, Audit } from "./create-deck";
import { deckNotFound, versionNotFound } from "./deck-errors";
import { copyRates, diffCounts, finishVersion, lockDeck, startVersion } from "./deck-version";
import { rateCursor } from "./list-rates";
import { toVersionViews, versionSelect } from "./version-view";

/** A deck's versions, newest first, keyset-paginated on the number. */
export async function listVersions(db: TenantDb, input: z.output<typeof VersionListInput>): Promise<VersionPage> {
  const deck = await db.rateDeck.findUnique({ where: { id: input.deckId }, select: { currentVersionId: true } });
  if (!deck) throw deckNotFound();
  const rows = await db.rateDeckVersion.findMany({
    where: { deckId: input.deckId, ...(input.cursor ? { number: { lt: input.cursor } } : {}) },
    select: versionSelect,
    orderBy: { number: "desc" },
    take: input.limit + 1,
  });
  const hasMore = rows.length > input.limit;
  const items = await toVersionViews(db, hasMore ? rows.slice(0, input.limit) : rows, deck.currentVersionId);
  return { items, nextCursor: hasMore ? (items.at(-1)?.number ?? null) : null };
}

type DiffRow = {
  kind: "added" | "removed" | "changed";
  k_prefix: string;
  k_from: Date;
  o_id: string | null;
  o_description: string | null;
  o_price: bigint | null;
  o_fee: bigint | null;
  o_min: number | null;
  o_inc: number | null;
  o_to: Date | null;
  n_id: string | null;
  n_description: string | null;
  n_price: bigint | null;
  n_fee: bigint | null;
  n_min: number | null;
  n_inc: number | null;
  n_to: Date | null;
};

function side(row: DiffRow, p: "o" | "n") {
  const id = row[`${p}_id`];
  if (!id) return null;
  return {
    id,
    prefix: row.k_prefix,
    description: row[`${p}_description`]!,
    pricePerMinuteMicros: row[`${p}_price`]!,
    connectionFeeMicros: row[`${p}_fee`]!,
    minSeconds: row[`${p}_min`]!,
    incrementSeconds: row[`${p}_inc`]!,
    effectiveFrom: row.k_from,
    effectiveTo: row[`${p}_to`],
  };
}

/**
 * What differs between two versions of a deck, rate by rate (same prefix and start = same rate),
 * in prefix order and keyset-paginated: a re-import of 50,000 rates can change most of them.
 */
export async function diffVersions(db: TenantDb, input: z.output<typeof VersionDiffInput>): Promise<VersionDiff> {
  const versions = await db.rateDeckVersion.findMany({
    where: { id: { in: [input.fromVersionId, input.toVersionId] }, deckId: input.deckId },
    select: { id: true, number: true },
  });
  const from = versions.find((v) => v.id === input.fromVersionId);
  const to = versions.find((v) => v.id === input.toVersionId);
  if (!from || !to) throw versionNotFound();
  const [cursorPrefix, cursorMs] = input.cursor ? (input.cursor.split(":") as [string, string]) : [null, null];
  const cursorFrom = cursorMs === null ? null : new Date(Number(cursorMs));
  const [counts, rows] = await Promise.all([
    diffCounts(db, from.id, to.id),
    db.$queryRaw<DiffRow[]>`
      SELECT * FROM (
        SELECT CASE WHEN o.id IS NULL THEN 'added' WHEN n.id IS NULL THEN 'removed' ELSE 'changed' END AS kind,
               coalesce(n.prefix, o.prefix) AS k_prefix, coalesce(n."effectiveFrom", o."effectiveFrom") AS k_from,
               o.id AS o_id, o.description AS o_description, o."pricePerMinuteMicros" AS o_price, o."connectionFeeMicros" AS o_fee,
               o."minSeconds" AS o_min, o."incrementSeconds" AS o_inc, o."effectiveTo" AS o_to,
               n.id AS n_id, n.description AS n_description, n."pricePerMinuteMicros" AS n_price, n."connectionFeeMicros" AS n_fee,
               n."minSeconds" AS n_min, n."incrementSeconds" AS n_inc, n."effectiveTo" AS n_to
        FROM (SELECT * FROM "Rate" WHERE "versionId" = ${from.id}::uuid) o
        FULL JOIN (SELECT * FROM "Rate" WHERE "versionId" = ${to.id}::uuid) n
          ON o.prefix = n.prefix AND o."effectiveFrom" = n."effectiveFrom"
        WHERE o.id IS NULL OR n.id IS NULL OR
          (o.description, o."pricePerMinuteMicros", o."connectionFeeMicros", o."minSeconds", o."incrementSeconds", o."effectiveTo")
          IS DISTINCT FROM
          (n.description, n."pricePerMinuteMicros", n."connectionFeeMicros", n."minSeconds", n."incrementSeconds", n."effectiveTo")
      ) d
      WHERE ${cursorPrefix}::text IS NULL OR (d.k_prefix, d.k_from) > (${cursorPrefix}::text, ${cursorFrom}::timestamptz)
      ORDER BY d.k_prefix, d.k_from
      LIMIT ${input.limit + 1}`,
  ]);
  const hasMore = rows.length > input.limit;
  const page = hasMore ? rows.slice(0, input.limit) : rows;
  const last = page.at(-1);
  return {
    from,
    to,
    counts: { added: counts.added, removed: counts.removed, changed: counts.changed },
    items: page.map((row) => ({ kind: row.kind, before: side(row, "o"), after: side(row, "n") })),
    nextCursor: hasMore && last ? rateCursor({ prefix: last.k_prefix, effectiveFrom: last.k_from }) : null,
  };
}

/** A new version with an earlier version's rates ("restored"): earlier versions are never edited. */
export async function restoreVersion(
  db: TenantDb,
  versionId: string,
  note: (number: number) => string,
  actor: Actor,
  audit: Audit,
): Promise<VersionChangeResult> {
  const source = await db.rateDeckVersion.findUnique({ where: { id: versionId }, select: { id: true, number: true, deckId: true } });
  if (!source) throw versionNotFound();
  const deck = await lockDeck(db, source.deckId);
  if (deck.currentVersionId === source.id) throw new AppError("CONFLICT", tariffsError("already_current"));
  const version = await startVersion(db, deck, "restored", note(source.number), actor.userId);
  await copyRates(db, source.id, version.id);
  const view = await finishVersion(db, deck, version);
  await audit({
    action: "rate_deck.restore",
    objectType: "rate_deck",
    objectId: deck.id,
    after: {
      restored: source.number,
      version: view.number,
      rates: view.rateCount,
      added: view.added,
      changed: view.changed,
      removed: view.removed,
    },
  });
  return { deckId: deck.id, version: view };
}
