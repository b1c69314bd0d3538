import { z } from "zod";
import { getDictionary, translate } from "@/lib/i18n";
import {
  DeckCreateInput,
  DeckDetail,
  DeckId,
  DeckListInput,
  DeckPage,
  DeckUpdateInput,
  DeckUsage,
  OwnerOption,
  OwnerOptionsInput,
} from "@/lib/schemas/billing-tariffs";
import { createDeck } from "@/server/services/billing/decks/create-deck";
import { deckInUse, deleteDeck } from "@/server/services/billing/decks/delete-deck";
import { listOwnerOptions } from "@/server/services/billing/decks/deck-owners";
import { getDeck, listDecks } from "@/server/services/billing/decks/list-decks";
import { renameDeck } from "@/server/services/billing/decks/update-deck";
import { adminProcedure } from "@/server/trpc/admin-procedure";
import { router } from "@/server/trpc/init";
import { deckVersionProcedure } from "./deck-version-procedure";

export const decksRouter = router({
  list: adminProcedure
    .input(DeckListInput)
    .output(DeckPage)
    .query(({ ctx, input }) => listDecks(ctx.db, input)),
  get: adminProcedure
    .input(DeckId)
    .output(DeckDetail)
    .query(({ ctx, input }) => getDeck(ctx.db, input.id)),
  /** Whether calls were rated with the deck (asked when the operator opens the delete dialog). */
  usage: adminProcedure
    .input(DeckId)
    .output(DeckUsage)
    .query(async ({ ctx, input }) => ({ inUse: await deckInUse(ctx.db, input.id) })),
  /** Providers, gateways, plans or tenants, each with the deck it already has. */
  owners: adminProcedure
    .input(OwnerOptionsInput)
    .output(z.array(OwnerOption))
    .query(({ ctx, input }) => listOwnerOptions(ctx.db, input.type, input.search)),
  /** A deck may start as a copy of another: a version write like any other. */
  create: deckVersionProcedure
    .input(DeckCreateInput)
    .output(DeckDetail)
    .mutation(({ ctx, input }) => {
      const dict = getDictionary(ctx.locale);
      const copyNote = (source: { name: string; version: number }) =>
        translate(dict, "tariffs.versions.copiedNote", { name: source.name, number: source.version });
      return createDeck(ctx.db, input, copyNote, { userId: ctx.admin.userId }, ctx.audit);
    }),
  update: adminProcedure
    .input(DeckUpdateInput)
    .output(DeckDetail)
    .mutation(({ ctx, input }) => renameDeck(ctx.db, input.id, input.data.name, ctx.audit)),
  /** Deletes every version's rates with it. */
  delete: deckVersionProcedure
    .input(DeckId)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteDeck(ctx.db, input.id, ctx.audit)),
});
