import { InvoiceView } from "@/lib/schemas/billing";
import {
  InvoiceId,
  InvoiceListInput,
  InvoiceListOutput,
  InvoiceRunId,
  InvoiceRunInput,
  InvoiceRunLatestInput,
  InvoiceRunStarted,
  InvoiceRunStatus,
  InvoiceTenantOption,
  InvoiceTenantOptionsInput,
  InvoiceVoidInput,
} from "@/lib/schemas/billing-invoices";
import { adminProcedure } from "@/server/trpc/admin-procedure";
import { router } from "@/server/trpc/init";
import { getInvoiceView, listInvoiceSummaries } from "@/server/services/billing/invoices/invoice-view";
import { getInvoiceRunStatus, latestInvoiceRun } from "@/server/services/billing/invoices/invoice-run-status";
import { listInvoiceTenantOptions } from "@/server/services/billing/invoices/invoice-tenant-options";
import { issueInvoice, markInvoicePaid, voidInvoice, type InvoiceChange } from "@/server/services/billing/invoices/invoice-state";
import { processInvoiceRunInBackground, queueInvoiceRun } from "@/server/services/billing/invoices/run-invoices";
import { adminInvoiceTaxesRouter } from "./taxes-router";

const OBJECT_TYPE = "invoice";

/** The audit entry of a state change: before/after status, number and total (bigint as text). */
function changeEntry(action: string, change: InvoiceChange, extra: Record<string, unknown> = {}) {
  const { after } = change;
  return {
    action,
    objectType: OBJECT_TYPE,
    objectId: after.id,
    tenantId: after.tenant.id,
    before: change.before,
    after: { status: after.status, number: after.number, month: after.month, totalCents: after.totalCents.toString(), ...extra },
  };
}

/** Monthly invoices of every tenant: the invoice run, issue, payment, void, and the tax rates. */
export const adminInvoicesRouter = router({
  list: adminProcedure
    .input(InvoiceListInput)
    .output(InvoiceListOutput)
    .query(({ ctx, input }) => listInvoiceSummaries(ctx.db, { ...input, cursor: input.cursor ?? undefined })),

  get: adminProcedure
    .input(InvoiceId)
    .output(InvoiceView)
    .query(({ ctx, input }) => getInvoiceView(ctx.db, input.id)),

  tenantOptions: adminProcedure
    .input(InvoiceTenantOptionsInput)
    .output(InvoiceTenantOption.array())
    .query(({ ctx, input }) => listInvoiceTenantOptions(ctx.db, input.search || undefined, input.selectedId)),

  /** Queues the month's run (all billable tenants, or one) and starts it once this request commits. */
  run: adminProcedure
    .input(InvoiceRunInput)
    .output(InvoiceRunStarted)
    .mutation(async ({ ctx, input }) => {
      const started = await queueInvoiceRun(ctx.db, { month: input.month, tenantId: input.tenantId, requestedById: ctx.admin.userId });
      if (started.created) {
        await ctx.audit({
          action: "invoice_run.start",
          objectType: "billing_run",
          objectId: started.runId,
          tenantId: input.tenantId ?? null,
          after: { month: input.month, tenantId: input.tenantId ?? null },
        });
        processInvoiceRunInBackground(started.runId);
      }
      return started;
    }),

  runStatus: adminProcedure
    .input(InvoiceRunId)
    .output(InvoiceRunStatus)
    .query(({ ctx, input }) => getInvoiceRunStatus(ctx.db, input.runId)),

  latestRun: adminProcedure
    .input(InvoiceRunLatestInput)
    .output(InvoiceRunStatus.nullable())
    .query(({ ctx, input }) => latestInvoiceRun(ctx.db, input.month)),

  issue: adminProcedure
    .input(InvoiceId)
    .output(InvoiceView)
    .mutation(async ({ ctx, input }) => {
      const change = await issueInvoice(ctx.db, input.id);
      await ctx.audit(changeEntry("invoice.issue", change, { dueAt: change.after.dueAt }));
      return change.after;
    }),

  markPaid: adminProcedure
    .input(InvoiceId)
    .output(InvoiceView)
    .mutation(async ({ ctx, input }) => {
      const change = await markInvoicePaid(ctx.db, input.id);
      await ctx.audit(changeEntry("invoice.mark_paid", change));
      return change.after;
    }),

  void: adminProcedure
    .input(InvoiceVoidInput)
    .output(InvoiceView)
    .mutation(async ({ ctx, input }) => {
      const change = await voidInvoice(ctx.db, input.id, input.reason);
      await ctx.audit(changeEntry("invoice.void", change, { reason: input.reason }));
      return change.after;
    }),

  taxes: adminInvoiceTaxesRouter,
});
