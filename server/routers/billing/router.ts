import { InvoiceView } from "@/lib/schemas/billing";
import { TenantInvoiceInput, TenantInvoiceListInput, TenantInvoicePage, UsageInput, UsageSummary } from "@/lib/schemas/billing-usage";
import { router } from "@/server/trpc/init";
import { roleProcedure } from "@/server/trpc/tenant-procedure";
import { getTenantInvoice, listTenantInvoices } from "@/server/services/billing/usage/tenant-invoices";
import { usageSummary } from "@/server/services/billing/usage/usage-summary";

// Admins and owners (and a read-only support session, which acts as an admin); managers and reps
// are refused by the base procedure. The tenant is always ctx.tenant, never an input. Every output
// schema lacks cost, margin and the buy side, and strips any key it does not name.
const billingProcedure = roleProcedure("admin");

/** A tenant's own billing: usage of a month (the current one to date) and its invoices. Never cost or margin. */
export const billingRouter = router({
  usage: billingProcedure
    .input(UsageInput)
    .output(UsageSummary)
    .query(({ ctx, input }) => usageSummary(ctx.db, ctx.tenant.id, input)),
  invoices: billingProcedure
    .input(TenantInvoiceListInput)
    .output(TenantInvoicePage)
    .query(({ ctx, input }) => listTenantInvoices(ctx.db, ctx.tenant.id, input)),
  invoice: billingProcedure
    .input(TenantInvoiceInput)
    .output(InvoiceView)
    .query(({ ctx, input }) => getTenantInvoice(ctx.db, ctx.tenant.id, input.id)),
});
