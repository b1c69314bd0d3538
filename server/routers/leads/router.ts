import { z } from "zod";
import {
  LeadCount,
  LeadCreateInput,
  LeadFilter,
  LeadExportInput,
  LeadExportOutput,
  LeadId,
  LeadListInput,
  LeadOutput,
  LeadPage,
  LeadTagCount,
  LeadUpdateInput,
} from "@/lib/schemas/lead";
import { router } from "@/server/trpc/init";
import { roleProcedure, tenantProcedure, type TenantContext } from "@/server/trpc/tenant-procedure";
import { exportLeads } from "@/server/services/leads/export-leads";
import { topLeadTags } from "@/server/services/leads/lead-tags";
import { countLeads, listLeads } from "@/server/services/leads/list-leads";
import { createLead, deleteLead, getLead, updateLead, type LeadActor } from "@/server/services/leads/lead-mutations";
import { leadBulkRouter } from "./bulk-router";
import { leadDuplicatesRouter } from "./duplicates-router";
import { leadImportRouter } from "./import-router";
import { leadSavedFiltersRouter } from "./saved-filters-router";

const leadActor = (ctx: TenantContext): LeadActor => ({ viewer: ctx.crm, activity: { userId: ctx.actor.userId, name: ctx.actor.name } });

// Every procedure narrows to the leads the actor may see (ctx.crm): another rep's private lead is
// NOT_FOUND here exactly like another tenant's.
export const leadsRouter = router({
  list: tenantProcedure
    .input(LeadListInput)
    .output(LeadPage)
    .query(({ ctx, input }) => listLeads(ctx.db, input, ctx.crm)),
  count: tenantProcedure
    .input(LeadFilter)
    .output(LeadCount)
    .query(({ ctx, input }) => countLeads(ctx.db, input, ctx.crm)),
  get: tenantProcedure
    .input(LeadId)
    .output(LeadOutput)
    .query(({ ctx, input }) => getLead(ctx.db, ctx.crm, input.id)),
  create: tenantProcedure
    .input(LeadCreateInput)
    .output(LeadOutput)
    .mutation(({ ctx, input }) => createLead(ctx.db, leadActor(ctx), input)),
  update: tenantProcedure
    .input(LeadUpdateInput)
    .output(LeadOutput)
    .mutation(({ ctx, input }) => updateLead(ctx.db, leadActor(ctx), input.id, input.data)),
  delete: roleProcedure("manager")
    .input(LeadId)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteLead(ctx.db, ctx.crm, input.id)),
  tags: tenantProcedure.output(z.array(LeadTagCount)).query(({ ctx }) => topLeadTags(ctx.db, ctx.crm)),
  export: tenantProcedure
    .input(LeadExportInput)
    .output(LeadExportOutput)
    .query(({ ctx, input }) => exportLeads(ctx.db, ctx.crm, input, ctx.locale)),
  bulk: leadBulkRouter,
  savedFilters: leadSavedFiltersRouter,
  import: leadImportRouter,
  duplicates: leadDuplicatesRouter,
});
