import { tariffsError } from "@/lib/schemas/billing-tariffs";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";

/**
 * Refuses to delete a plan, provider or gateway that owns a price list: its decks (and the calls
 * rated with them) would otherwise surface as a foreign-key failure. Names the deck to move or delete.
 */
export async function assertNoRateDeck(
  db: TenantDb,
  owner: { planId: string } | { providerId: string } | { gatewayId: string },
): Promise<void> {
  const deck = await db.rateDeck.findFirst({ where: owner, select: { name: true }, orderBy: { name: "asc" } });
  if (deck) throw new AppError("CONFLICT", tariffsError("owner_deck_blocks_delete", { name: deck.name }));
}
