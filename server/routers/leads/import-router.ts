import { LeadImportCommitInput, LeadImportCommitResult, LeadImportPreview, LeadImportPreviewInput } from "@/lib/schemas/lead-import";
import { commitLeadImport } from "@/server/services/leads/import/commit-lead-import";
import { previewLeadImport } from "@/server/services/leads/import/preview-lead-import";
import { router } from "@/server/trpc/init";
import { tenantProcedure } from "@/server/trpc/tenant-procedure";

// Any member imports (reps own what they import); support sessions are read-only. The preview is
// a mutation only because its input is a whole file: a query would put 5 MB in the URL.
export const leadImportRouter = router({
  preview: tenantProcedure
    .input(LeadImportPreviewInput)
    .output(LeadImportPreview)
    .mutation(({ ctx, input }) => previewLeadImport(ctx.db, ctx.crm, input)),
  commit: tenantProcedure
    .input(LeadImportCommitInput)
    .output(LeadImportCommitResult)
    .mutation(({ ctx, input }) =>
      commitLeadImport(ctx.db, { viewer: ctx.crm, actor: { userId: ctx.actor.userId, name: ctx.actor.name }, audit: ctx.audit }, input),
    ),
});
