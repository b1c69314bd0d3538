import type { InvoiceView } from "@/lib/schemas/billing";
import { TENANT_INVOICE_STATUSES, type TenantInvoicePage } from "@/lib/schemas/billing-usage";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { getInvoiceView, listInvoiceSummaries } from "@/server/services/billing/invoices/invoice-view";

/**
 * The tenant's own invoices, newest month first, drafts never (they are the operator's work in
 * progress and change under its hands). The shared list filters one status at a time, so this reads
 * each visible status with the same keyset cursor and merges: the page's `limit` newest after the
 * cursor are always among each status's own `limit` newest after it.
 */
export async function listTenantInvoices(
  db: TenantDb,
  tenantId: string,
  input: { month?: string; cursor?: string | null; limit: number },
): Promise<TenantInvoicePage> {
  const pages = [];
  // One after the other: they share the request's transaction (one connection).
  for (const status of TENANT_INVOICE_STATUSES) {
    pages.push(
      await listInvoiceSummaries(db, { tenantId, status, month: input.month, cursor: input.cursor ?? undefined, limit: input.limit }),
    );
  }
  const merged = pages
    .flatMap((p) => p.items)
    .sort((a, b) => (a.month === b.month ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.month < b.month ? 1 : -1));
  const items = merged.slice(0, input.limit);
  const more = merged.length > input.limit || pages.some((p) => p.nextCursor !== null);
  return { items, nextCursor: more && items.length > 0 ? items[items.length - 1]!.id : null };
}

/** One of the tenant's invoices with its lines; a draft, or anything not the tenant's, is NOT_FOUND. */
export async function getTenantInvoice(db: TenantDb, tenantId: string, invoiceId: string): Promise<InvoiceView> {
  const invoice = await getInvoiceView(db, invoiceId);
  // RLS already hides other tenants' invoices from this role; the id check keeps that true even for
  // a handle that is not tenant-bound.
  if (invoice.status === "draft" || invoice.tenant.id !== tenantId) throw new AppError("NOT_FOUND", "billing.errors.invoice_not_found");
  return invoice;
}
