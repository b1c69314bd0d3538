import {
  RateCreateInput,
  RateDeleteInput,
  RateListInput,
  RatePage,
  RateUpdateInput,
  VersionChangeResult,
} from "@/lib/schemas/billing-tariffs";
import { listRates } from "@/server/services/billing/decks/list-rates";
import { addRate, deleteRate, updateRate } from "@/server/services/billing/decks/rate-changes";
import { adminProcedure } from "@/server/trpc/admin-procedure";
import { router } from "@/server/trpc/init";
import { deckVersionProcedure } from "./deck-version-procedure";

/** A deck's rates; every change makes a new version of the deck and answers with it. */
export const ratesRouter = router({
  list: adminProcedure
    .input(RateListInput)
    .output(RatePage)
    .query(({ ctx, input }) => listRates(ctx.db, input)),
  create: deckVersionProcedure
    .input(RateCreateInput)
    .output(VersionChangeResult)
    .mutation(({ ctx, input }) => addRate(ctx.db, input.deckId, input.data, input.note ?? null, { userId: ctx.admin.userId }, ctx.audit)),
  update: deckVersionProcedure
    .input(RateUpdateInput)
    .output(VersionChangeResult)
    .mutation(({ ctx, input }) => updateRate(ctx.db, input.id, input.data, input.note ?? null, { userId: ctx.admin.userId }, ctx.audit)),
  delete: deckVersionProcedure
    .input(RateDeleteInput)
    .output(VersionChangeResult)
    .mutation(({ ctx, input }) => deleteRate(ctx.db, input.id, input.note ?? null, { userId: ctx.admin.userId }, ctx.audit)),
});
