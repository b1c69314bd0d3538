import type { DeckDetail } from "@/lib/schemas/billing-tariffs";
import type { TenantDb } from "@/server/db";
import type { Audit } from "./create-deck";
import { assertDeckNameFree } from "./create-deck";
import { deckNameTaken, deckNotFound, uniqueTarget } from "./deck-errors";
import { getDeck } from "./list-decks";

/** Renames a deck; its owner and kind are what it is, and never change. */
export async function renameDeck(db: TenantDb, id: string, name: string, audit: Audit): Promise<DeckDetail> {
  const before = await db.rateDeck.findUnique({ where: { id }, select: { name: true } });
  if (!before) throw deckNotFound();
  if (before.name !== name) {
    await assertDeckNameFree(db, name, id);
    try {
      await db.rateDeck.update({ where: { id }, data: { name } });
    } catch (error) {
      if (uniqueTarget(error)) throw deckNameTaken();
      throw error;
    }
    await audit({ action: "rate_deck.rename", objectType: "rate_deck", objectId: id, before: { name: before.name }, after: { name } });
  }
  return getDeck(db, id);
}
