import type { TenantDb } from "@/server/db";
import { periodDate } from "./billing-month";
import type { ComposedLine, ComposeTax } from "./compose-invoice";
import type { InvoicePeriod } from "./invoice-period";
import { composeTenantInvoice } from "./load-invoice-inputs";

export type DraftOutcome =
  | { outcome: "drafted"; invoiceId: string; replaced: boolean; unratableCalls: number }
  | { outcome: "skipped"; invoiceId: string; status: "issued" | "paid" };

/**
 * Writes the tenant's draft for the period, in the caller's transaction: creates it, or replaces
 * the lines and totals of the draft already there (same id, so links to it keep working). An
 * issued or paid invoice for the month is left alone; a voided one does not count (the month gets
 * a new draft beside it). A transaction-scoped advisory lock per tenant and month keeps two runs
 * from racing to create the same draft; the row lock keeps an issue from racing a replacement.
 */
export async function draftInvoice(db: TenantDb, tenantId: string, period: InvoicePeriod, taxes: ComposeTax[]): Promise<DraftOutcome> {
  await db.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtextextended(${`invoice:${tenantId}:${period.month}`}, 0))`;
  const [existing] = await db.$queryRaw<{ id: string; status: "draft" | "issued" | "paid" }[]>`
    SELECT id, status::text AS status FROM "Invoice"
    WHERE "tenantId" = ${tenantId}::uuid AND period = ${`${period.month}-01`}::date AND status <> 'void'
    FOR UPDATE`;
  if (existing && existing.status !== "draft") return { outcome: "skipped", invoiceId: existing.id, status: existing.status };

  const { composed, unratableCalls } = await composeTenantInvoice(db, tenantId, period, taxes);
  const totals = {
    subtotalCents: composed.subtotalCents,
    taxCents: composed.taxCents,
    totalCents: composed.totalCents,
    unratableCalls,
    generatedAt: new Date(),
  };
  const lines = (invoiceId: string) => composed.lines.map((line: ComposedLine) => ({ ...line, tenantId, invoiceId }));

  if (existing) {
    await db.invoiceLine.deleteMany({ where: { invoiceId: existing.id } });
    await db.invoice.update({ where: { id: existing.id }, data: totals });
    await db.invoiceLine.createMany({ data: lines(existing.id) });
    return { outcome: "drafted", invoiceId: existing.id, replaced: true, unratableCalls };
  }
  const invoice = await db.invoice.create({
    data: { tenantId, period: periodDate(period.month), status: "draft", ...totals },
    select: { id: true },
  });
  await db.invoiceLine.createMany({ data: lines(invoice.id) });
  return { outcome: "drafted", invoiceId: invoice.id, replaced: false, unratableCalls };
}
