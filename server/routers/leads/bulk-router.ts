import { LeadBulkAssignInput, LeadBulkDeleteInput, LeadBulkResult, LeadBulkTagsInput } from "@/lib/schemas/lead";
import { router } from "@/server/trpc/init";
import { roleProcedure, tenantProcedure, type TenantContext } from "@/server/trpc/tenant-procedure";
import { bulkAssignLeads, bulkDeleteLeads, bulkTagLeads } from "@/server/services/leads/bulk-leads";
import type { LeadActor } from "@/server/services/leads/lead-mutations";
import { resolveSelection } from "@/server/services/leads/resolve-selection";

const leadActor = (ctx: TenantContext): LeadActor => ({ viewer: ctx.crm, activity: { userId: ctx.actor.userId, name: ctx.actor.name } });

/** Actions on many leads at once: one transaction each, on visible leads only, one audit entry with the count. */
export const leadBulkRouter = router({
  assign: tenantProcedure
    .input(LeadBulkAssignInput)
    .output(LeadBulkResult)
    .mutation(async ({ ctx, input }) => {
      const ids = await resolveSelection(ctx.db, ctx.crm, input.selection);
      const count = await bulkAssignLeads(ctx.db, leadActor(ctx), ids, input.ownerId);
      await ctx.audit({ action: "lead.bulk_assign", objectType: "lead", after: { count, ownerId: input.ownerId } });
      return { count };
    }),
  tags: tenantProcedure
    .input(LeadBulkTagsInput)
    .output(LeadBulkResult)
    .mutation(async ({ ctx, input }) => {
      const ids = await resolveSelection(ctx.db, ctx.crm, input.selection);
      const count = await bulkTagLeads(ctx.db, leadActor(ctx), ids, input.add, input.remove);
      await ctx.audit({ action: "lead.bulk_tags", objectType: "lead", after: { count, add: input.add, remove: input.remove } });
      return { count };
    }),
  delete: roleProcedure("manager")
    .input(LeadBulkDeleteInput)
    .output(LeadBulkResult)
    .mutation(async ({ ctx, input }) => {
      const ids = await resolveSelection(ctx.db, ctx.crm, input.selection);
      const count = await bulkDeleteLeads(ctx.db, ids);
      await ctx.audit({ action: "lead.bulk_delete", objectType: "lead", after: { count } });
      return { count };
    }),
});
