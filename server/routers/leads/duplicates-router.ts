import {
  LeadDuplicateCheck,
  LeadDuplicateCheckInput,
  LeadMergeComparison,
  LeadMergeInput,
  LeadMergePair,
  LeadMergeResult,
} from "@/lib/schemas/lead-import";
import { checkLeadDuplicates } from "@/server/services/leads/duplicates";
import { compareLeadsForMerge, mergeLeads } from "@/server/services/leads/merge-leads";
import { router } from "@/server/trpc/init";
import { tenantProcedure } from "@/server/trpc/tenant-procedure";

export const leadDuplicatesRouter = router({
  check: tenantProcedure
    .input(LeadDuplicateCheckInput)
    .output(LeadDuplicateCheck)
    .query(({ ctx, input }) => checkLeadDuplicates(ctx.db, ctx.crm, input)),
  compare: tenantProcedure
    .input(LeadMergePair)
    .output(LeadMergeComparison)
    .query(({ ctx, input }) => compareLeadsForMerge(ctx.db, ctx.crm, input)),
  // Who may merge which leads is decided in the service (managers any two, reps their own or unassigned).
  merge: tenantProcedure
    .input(LeadMergeInput)
    .output(LeadMergeResult)
    .mutation(({ ctx, input }) =>
      mergeLeads(ctx.db, { viewer: ctx.crm, actor: { userId: ctx.actor.userId, name: ctx.actor.name }, audit: ctx.audit }, input),
    ),
});
