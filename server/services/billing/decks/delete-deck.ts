import { tariffsError } from "@/lib/schemas/billing-tariffs";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Audit } from "./create-deck";
import { deckNotFound } from "./deck-errors";
import { deckOwner, deckSelect } from "./deck-view";

/**
 * Whether rated calls point at a rate of any of the deck's versions (CallCharge keeps the rate
 * ids it was priced with; they have no foreign key, so the database would not stop the delete).
 * Only the side the deck prices is looked at: a sell deck's rates are sellRateIds.
 */
export async function deckInUse(db: TenantDb, deckId: string): Promise<boolean> {
  const deck = await db.rateDeck.findUnique({ where: { id: deckId }, select: { kind: true } });
  if (!deck) throw deckNotFound();
  const [row] =
    deck.kind === "sell"
      ? await db.$queryRaw<[{ used: boolean }]>`
          SELECT EXISTS (SELECT 1 FROM "CallCharge" WHERE "sellRateId" IN (
            SELECT r.id FROM "Rate" r JOIN "RateDeckVersion" v ON v.id = r."versionId" WHERE v."deckId" = ${deckId}::uuid)) AS used`
      : await db.$queryRaw<[{ used: boolean }]>`
          SELECT EXISTS (SELECT 1 FROM "CallCharge" WHERE "buyRateId" IN (
            SELECT r.id FROM "Rate" r JOIN "RateDeckVersion" v ON v.id = r."versionId" WHERE v."deckId" = ${deckId}::uuid)) AS used`;
  return row.used;
}

/** Deletes a deck with all its versions, unless calls were rated with it (their history needs it). */
export async function deleteDeck(db: TenantDb, id: string, audit: Audit): Promise<{ id: string }> {
  // Locked first, so a change being saved finishes (or waits) before the versions go.
  await db.$queryRaw`SELECT id FROM "RateDeck" WHERE id = ${id}::uuid FOR UPDATE`;
  const deck = await db.rateDeck.findUnique({
    where: { id },
    select: { ...deckSelect, _count: { select: { versions: true } } },
  });
  if (!deck) throw deckNotFound();
  if (await deckInUse(db, id)) throw new AppError("CONFLICT", tariffsError("deck_in_use"));
  // The deck points at its current version and the versions at the deck: unhook, then delete.
  await db.rateDeck.update({ where: { id }, data: { currentVersionId: null } });
  await db.rateDeck.delete({ where: { id } });
  await audit({
    action: "rate_deck.delete",
    objectType: "rate_deck",
    objectId: id,
    before: {
      name: deck.name,
      kind: deck.kind,
      owner: deckOwner(deck),
      versions: deck._count.versions,
      rates: deck.currentVersion?.rateCount ?? 0,
    },
  });
  return { id };
}
