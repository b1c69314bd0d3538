import { z } from "zod";
import { SavedFilterCreateInput, SavedFilterId, SavedFilterOutput, SavedFilterUpdateInput } from "@/lib/schemas/lead-view";
import { router } from "@/server/trpc/init";
import { tenantProcedure } from "@/server/trpc/tenant-procedure";
import { createSavedFilter, deleteSavedFilter, listSavedFilters, updateSavedFilter } from "@/server/services/leads/saved-filters";

/** The caller's own named views of the leads list. */
export const leadSavedFiltersRouter = router({
  list: tenantProcedure.output(z.array(SavedFilterOutput)).query(({ ctx }) => listSavedFilters(ctx.db, ctx.actor.membershipId)),
  create: tenantProcedure
    .input(SavedFilterCreateInput)
    .output(SavedFilterOutput)
    .mutation(({ ctx, input }) => createSavedFilter(ctx.db, ctx.actor.membershipId, input)),
  update: tenantProcedure
    .input(SavedFilterUpdateInput)
    .output(SavedFilterOutput)
    .mutation(({ ctx, input }) => updateSavedFilter(ctx.db, ctx.actor.membershipId, input)),
  delete: tenantProcedure
    .input(SavedFilterId)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteSavedFilter(ctx.db, ctx.actor.membershipId, input.id)),
});
