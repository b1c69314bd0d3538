import type { InvoiceView } from "@/lib/schemas/billing";
import { TENANT_INVOICE_STATUSES, type TenantInvoicePage } from "@/lib/schemas/billing-usage";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { getInvoiceView, listInvoiceSummaries } from "@/server/services/billing/invoices/invoice-view";

/** The tenant's own invoices, newest month first, drafts never (they are the operator's work in progress). */
export async function listTenantInvoices(
  db: TenantDb,
  tenantId: string,
  input: { month?: string; cursor?: string | null; limit: number },
): Promise<TenantInvoicePage> {
  return listInvoiceSummaries(db, {
    tenantId,
    status: TENANT_INVOICE_STATUSES,
    month: input.month,
    cursor: input.cursor ?? undefined,
    limit: input.limit,
  });
}

/** One of the tenant's invoices with its lines; a draft, or anything not the tenant's, is NOT_FOUND. */
export async function getTenantInvoice(db: TenantDb, tenantId: string, invoiceId: string): Promise<InvoiceView> {
  const invoice = await getInvoiceView(db, invoiceId);
  // RLS already hides other tenants' invoices from this role; the id check keeps that true even for
  // a handle that is not tenant-bound.
  if (invoice.status === "draft" || invoice.tenant.id !== tenantId) throw new AppError("NOT_FOUND", "billing.errors.invoice_not_found");
  return invoice;
}
