import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import type { InvoiceSummary, InvoiceView } from "@/lib/schemas/billing";

// One reading of an invoice for every surface (tenant page, console, PDF, CSV). It selects no
// cost or margin: there are none on invoices, and the tenant's role reads these same rows.

const summarySelect = {
  id: true,
  period: true,
  number: true,
  status: true,
  currency: true,
  subtotalCents: true,
  taxCents: true,
  totalCents: true,
  unratableCalls: true,
  generatedAt: true,
  issuedAt: true,
  dueAt: true,
  paidAt: true,
  voidedAt: true,
  voidReason: true,
  tenant: { select: { id: true, slug: true, name: true, cnpj: true } },
} as const;

type SummaryRow = {
  id: string;
  period: Date;
  number: string | null;
  status: InvoiceSummary["status"];
  currency: string;
  subtotalCents: bigint;
  taxCents: bigint;
  totalCents: bigint;
  unratableCalls: number;
  generatedAt: Date;
  issuedAt: Date | null;
  dueAt: Date | null;
  paidAt: Date | null;
  voidedAt: Date | null;
  voidReason: string | null;
  tenant: InvoiceSummary["tenant"];
};

/** A DATE column's first day of month → "2026-10" (Prisma gives DATE as UTC midnight). */
export function monthOf(period: Date): string {
  return period.toISOString().slice(0, 7);
}

export function toInvoiceSummary(row: SummaryRow): InvoiceSummary {
  const { period, dueAt, ...rest } = row;
  return { ...rest, month: monthOf(period), dueAt: dueAt ? dueAt.toISOString().slice(0, 10) : null };
}

/** The invoice with its lines; NOT_FOUND when it does not exist or (tenant role) is another tenant's. */
export async function getInvoiceView(db: TenantDb, invoiceId: string): Promise<InvoiceView> {
  const row = await db.invoice.findUnique({
    where: { id: invoiceId },
    select: {
      ...summarySelect,
      lines: {
        orderBy: { position: "asc" },
        select: {
          position: true,
          kind: true,
          description: true,
          quantity: true,
          billedSeconds: true,
          basisPoints: true,
          amountCents: true,
        },
      },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", "billing.errors.invoice_not_found");
  const { lines, ...summary } = row;
  return { ...toInvoiceSummary(summary), lines };
}

export type InvoiceListFilter = {
  tenantId?: string;
  /** One status, or any of several (the tenant's list: everything but drafts). */
  status?: InvoiceSummary["status"] | readonly InvoiceSummary["status"][];
  month?: string;
  cursor?: string;
  limit: number;
};

/** Newest month first, then newest invoice; keyset over (period, id). */
export async function listInvoiceSummaries(
  db: TenantDb,
  filter: InvoiceListFilter,
): Promise<{ items: InvoiceSummary[]; nextCursor: string | null }> {
  const after = filter.cursor ? await db.invoice.findUnique({ where: { id: filter.cursor }, select: { id: true, period: true } }) : null;
  const rows = await db.invoice.findMany({
    where: {
      ...(filter.tenantId ? { tenantId: filter.tenantId } : {}),
      ...(typeof filter.status === "string" ? { status: filter.status } : filter.status ? { status: { in: [...filter.status] } } : {}),
      ...(filter.month ? { period: new Date(`${filter.month}-01T00:00:00Z`) } : {}),
      ...(after ? { OR: [{ period: { lt: after.period } }, { period: after.period, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ period: "desc" }, { id: "desc" }],
    take: filter.limit + 1,
    select: summarySelect,
  });
  const page = rows.slice(0, filter.limit);
  return { items: page.map(toInvoiceSummary), nextCursor: rows.length > filter.limit ? page[page.length - 1]!.id : null };
}
