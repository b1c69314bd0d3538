import type { InvoiceStatus, InvoiceView } from "@/lib/schemas/billing";
import { invoicesMessage } from "@/lib/schemas/billing-invoices";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { addDays, monthOfInstant, saoPauloDay } from "./billing-month";
import type { ComposedLine } from "./compose-invoice";
import { invoicePeriod } from "./invoice-period";
import { getInvoiceView, monthOf } from "./invoice-view";
import { composeTenantInvoice } from "./load-invoice-inputs";

// An invoice's life: draft → issued → paid, and draft or issued → void. Each change locks the row,
// checks the transition and says clearly why a wrong one is refused; the table's CHECK constraints
// back every rule up. The console's router records each change in the audit log.

/** Days from issue to due date. */
export const INVOICE_DUE_DAYS = 10;

type LockedInvoice = { id: string; tenantId: string; status: InvoiceStatus; period: Date; number: string | null; totalCents: bigint };

export type InvoiceSnapshot = { status: InvoiceStatus; number: string | null; month: string; totalCents: string };
export type InvoiceChange = { before: InvoiceSnapshot; after: InvoiceView };

async function lockInvoice(db: TenantDb, id: string): Promise<LockedInvoice> {
  const [row] = await db.$queryRaw<LockedInvoice[]>`
    SELECT id, "tenantId", status::text AS status, period, number, "totalCents" FROM "Invoice" WHERE id = ${id}::uuid FOR UPDATE`;
  if (!row) throw new AppError("NOT_FOUND", "billing.errors.invoice_not_found");
  return row;
}

function snapshot(row: { status: InvoiceStatus; number: string | null; period: Date; totalCents: bigint }): InvoiceSnapshot {
  return { status: row.status, number: row.number, month: monthOf(row.period), totalCents: row.totalCents.toString() };
}

/** Why an invoice in `status` cannot take this step. */
function refuse(status: InvoiceStatus, step: "issue" | "pay" | "void"): never {
  const key =
    status === "void"
      ? "invoices.errors.is_void"
      : status === "paid"
        ? step === "void"
          ? "invoices.errors.paid_cannot_void"
          : "invoices.errors.already_paid"
        : status === "issued"
          ? "invoices.errors.already_issued"
          : "invoices.errors.not_issued";
  throw new AppError("CONFLICT", invoicesMessage(key));
}

const sameLine = (a: Omit<ComposedLine, "position">, b: Omit<ComposedLine, "position">) =>
  a.kind === b.kind &&
  a.description === b.description &&
  a.quantity === b.quantity &&
  a.billedSeconds === b.billedSeconds &&
  a.basisPoints === b.basisPoints &&
  a.amountCents === b.amountCents;

/**
 * draft → issued: the next number of the sequence (LIN-<year>-<6 digits>, year of the issue in São
 * Paulo), issued now, due INVOICE_DUE_DAYS later. Refused while the month is not over, while any
 * call of the month is unratable or not rated yet, and when the draft no longer matches the
 * charges, numbers and plan it was made from (run the month again): an issued invoice bills exactly
 * what the data says. The draft's own tax lines are its taxes (a tax edited since does not count).
 */
export async function issueInvoice(db: TenantDb, id: string, now: Date = new Date()): Promise<InvoiceChange> {
  const row = await lockInvoice(db, id);
  if (row.status !== "draft") refuse(row.status, "issue");
  const month = monthOf(row.period);
  if (month >= monthOfInstant(now)) throw new AppError("CONFLICT", invoicesMessage("invoices.errors.month_not_over", { month }));

  const stored = await getInvoiceView(db, id);
  const taxes = stored.lines
    .filter((line) => line.kind === "tax")
    .map((line) => ({ name: line.description, basisPoints: line.basisPoints ?? 0, position: line.position }));
  const { composed, unratableCalls } = await composeTenantInvoice(db, row.tenantId, await invoicePeriod(db, month), taxes);
  if (unratableCalls > 0) throw new AppError("CONFLICT", invoicesMessage("invoices.errors.unratable_calls", { count: unratableCalls }));
  const current = composed.lines.length === stored.lines.length && composed.lines.every((line, i) => sameLine(line, stored.lines[i]!));
  if (!current || composed.totalCents !== stored.totalCents)
    throw new AppError("CONFLICT", invoicesMessage("invoices.errors.draft_outdated"));

  const [{ next }] = (await db.$queryRaw<{ next: bigint }[]>`SELECT nextval('invoice_number_seq') AS next`) as [{ next: bigint }];
  const today = saoPauloDay(now);
  const number = `LIN-${today.slice(0, 4)}-${String(next).padStart(6, "0")}`;
  await db.invoice.update({
    where: { id },
    data: { status: "issued", number, issuedAt: now, dueAt: new Date(`${addDays(today, INVOICE_DUE_DAYS)}T00:00:00Z`) },
  });
  return { before: snapshot(row), after: await getInvoiceView(db, id) };
}

/** issued → paid, now. */
export async function markInvoicePaid(db: TenantDb, id: string, now: Date = new Date()): Promise<InvoiceChange> {
  const row = await lockInvoice(db, id);
  if (row.status !== "issued") refuse(row.status, "pay");
  await db.invoice.update({ where: { id }, data: { status: "paid", paidAt: now } });
  return { before: snapshot(row), after: await getInvoiceView(db, id) };
}

/**
 * draft or issued → void, with the reason. A paid invoice is not voided (refund it outside and
 * keep the record). The number of a voided invoice stays used; the month can be run again.
 */
export async function voidInvoice(db: TenantDb, id: string, reason: string, now: Date = new Date()): Promise<InvoiceChange> {
  const row = await lockInvoice(db, id);
  if (row.status !== "draft" && row.status !== "issued") refuse(row.status, "void");
  await db.invoice.update({ where: { id }, data: { status: "void", voidedAt: now, voidReason: reason } });
  return { before: snapshot(row), after: await getInvoiceView(db, id) };
}
