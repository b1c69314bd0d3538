import { z } from "zod";
import { LeadCreateInput, LeadId, LeadListInput, LeadOutput, LeadPage, LeadUpdateInput } from "@/lib/schemas/lead";
import { router } from "@/server/trpc/init";
import { roleProcedure, tenantProcedure } from "@/server/trpc/tenant-procedure";
import { listLeads } from "@/server/services/leads/list-leads";
import { createLead, deleteLead, getLead, updateLead } from "@/server/services/leads/lead-mutations";

export const leadsRouter = router({
  list: tenantProcedure
    .input(LeadListInput)
    .output(LeadPage)
    .query(({ ctx, input }) => listLeads(ctx.db, input, ctx.actor.membershipId)),
  get: tenantProcedure
    .input(LeadId)
    .output(LeadOutput)
    .query(({ ctx, input }) => getLead(ctx.db, input.id)),
  create: tenantProcedure
    .input(LeadCreateInput)
    .output(LeadOutput)
    .mutation(({ ctx, input }) => createLead(ctx.db, input, ctx.actor.membershipId)),
  update: tenantProcedure
    .input(LeadUpdateInput)
    .output(LeadOutput)
    .mutation(({ ctx, input }) => updateLead(ctx.db, input.id, input.data)),
  delete: roleProcedure("manager")
    .input(LeadId)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteLead(ctx.db, input.id)),
});
