import type { RateDeckChange, VersionView } from "@/lib/schemas/billing-tariffs";
import type { TenantDb } from "@/server/db";
import { deckNotFound } from "./deck-errors";
import { versionView } from "./version-view";

// Every change to a deck is a new immutable version, written in the caller's transaction:
//   lockDeck → startVersion → (copyRates / insertRates) → finishVersion.
// finishVersion counts what changed against the version that was current and makes the new one
// current; rating reads RateDeck.currentVersionId, so it switches in one committed step.

export type LockedDeck = { id: string; name: string; kind: "buy" | "sell"; currentVersionId: string | null; lastNumber: number };

/** The deck, locked until the transaction ends: two changes at once build one version each, in turn. */
export async function lockDeck(db: TenantDb, deckId: string): Promise<LockedDeck> {
  const [deck] = await db.$queryRaw<Array<Omit<LockedDeck, "lastNumber">>>`
    SELECT id, name, kind::text AS kind, "currentVersionId" FROM "RateDeck" WHERE id = ${deckId}::uuid FOR UPDATE`;
  if (!deck) throw deckNotFound();
  const [{ last }] = await db.$queryRaw<[{ last: number }]>`
    SELECT coalesce(max(number), 0)::int AS last FROM "RateDeckVersion" WHERE "deckId" = ${deckId}::uuid`;
  return { ...deck, lastNumber: last };
}

export type StartedVersion = { id: string; number: number };

export async function startVersion(
  db: TenantDb,
  deck: LockedDeck,
  change: RateDeckChange,
  note: string | null,
  userId: string | null,
): Promise<StartedVersion> {
  return db.rateDeckVersion.create({
    data: { deckId: deck.id, number: deck.lastNumber + 1, change, note, createdById: userId },
    select: { id: true, number: true },
  });
}

/** One INSERT … SELECT: a version's rates into another, less the rates named in `except`. */
export async function copyRates(db: TenantDb, fromVersionId: string, toVersionId: string, except: string[] = []): Promise<number> {
  return db.$executeRaw`
    INSERT INTO "Rate" (id, "versionId", prefix, description, "pricePerMinuteMicros", "connectionFeeMicros", "minSeconds",
                        "incrementSeconds", "effectiveFrom", "effectiveTo")
    SELECT uuidv7(), ${toVersionId}::uuid, prefix, description, "pricePerMinuteMicros", "connectionFeeMicros", "minSeconds",
           "incrementSeconds", "effectiveFrom", "effectiveTo"
    FROM "Rate" WHERE "versionId" = ${fromVersionId}::uuid AND NOT (id = ANY(${except}::uuid[]))`;
}

/** A rate to write; instants as epoch milliseconds (effectiveTo null = open). */
export type NewRate = {
  prefix: string;
  description: string;
  pricePerMinuteMicros: bigint;
  connectionFeeMicros: bigint;
  minSeconds: number;
  incrementSeconds: number;
  effectiveFrom: number;
  effectiveTo: number | null;
};

const CHUNK = 25_000;

/**
 * Rows in bulk: INSERT … SELECT FROM unnest(arrays), a handful of parameters per 25,000 rows
 * instead of ten per row (50,000 rates go in well under a second; row-by-row took minutes).
 */
export async function insertRates(db: TenantDb, versionId: string, rates: readonly NewRate[]): Promise<void> {
  for (let start = 0; start < rates.length; start += CHUNK) {
    const rows = rates.slice(start, start + CHUNK);
    const iso = (ms: number) => new Date(ms).toISOString();
    await db.$executeRaw`
      INSERT INTO "Rate" (id, "versionId", prefix, description, "pricePerMinuteMicros", "connectionFeeMicros", "minSeconds",
                          "incrementSeconds", "effectiveFrom", "effectiveTo")
      SELECT uuidv7(), ${versionId}::uuid, t.prefix, t.description, t.price, t.fee, t.min, t.inc, t."from", t."to"
      FROM unnest(
        ${rows.map((r) => r.prefix)}::text[], ${rows.map((r) => r.description)}::text[],
        ${rows.map((r) => r.pricePerMinuteMicros.toString())}::bigint[], ${rows.map((r) => r.connectionFeeMicros.toString())}::bigint[],
        ${rows.map((r) => r.minSeconds)}::int[], ${rows.map((r) => r.incrementSeconds)}::int[],
        ${rows.map((r) => iso(r.effectiveFrom))}::timestamptz[], ${rows.map((r) => (r.effectiveTo === null ? null : iso(r.effectiveTo)))}::timestamptz[]
      ) AS t(prefix, description, price, fee, min, inc, "from", "to")`;
  }
}

export type DiffCounts = { added: number; changed: number; removed: number; rateCount: number };

/**
 * What changed from one version to another. A rate is the same rate in both when its prefix and
 * start are; it changed when anything else differs. `from` null: everything in `to` is new.
 */
export async function diffCounts(db: TenantDb, fromVersionId: string | null, toVersionId: string): Promise<DiffCounts> {
  const [row] = await db.$queryRaw<[DiffCounts]>`
    SELECT count(*) FILTER (WHERE o.id IS NULL)::int AS added,
           count(*) FILTER (WHERE n.id IS NULL)::int AS removed,
           count(*) FILTER (WHERE o.id IS NOT NULL AND n.id IS NOT NULL AND
             (o.description, o."pricePerMinuteMicros", o."connectionFeeMicros", o."minSeconds", o."incrementSeconds", o."effectiveTo")
             IS DISTINCT FROM
             (n.description, n."pricePerMinuteMicros", n."connectionFeeMicros", n."minSeconds", n."incrementSeconds", n."effectiveTo"))::int AS changed,
           count(n.id)::int AS "rateCount"
    FROM (SELECT * FROM "Rate" WHERE "versionId" = ${fromVersionId}::uuid) o
    FULL JOIN (SELECT * FROM "Rate" WHERE "versionId" = ${toVersionId}::uuid) n
      ON o.prefix = n.prefix AND o."effectiveFrom" = n."effectiveFrom"`;
  return row;
}

/** Records the new version's counts and makes it the deck's current version. */
export async function finishVersion(db: TenantDb, deck: LockedDeck, version: StartedVersion): Promise<VersionView> {
  const counts = await diffCounts(db, deck.currentVersionId, version.id);
  await db.rateDeckVersion.update({ where: { id: version.id }, data: counts });
  await db.rateDeck.update({ where: { id: deck.id }, data: { currentVersionId: version.id } });
  deck.currentVersionId = version.id;
  deck.lastNumber = version.number;
  return versionView(db, version.id, version.id);
}
