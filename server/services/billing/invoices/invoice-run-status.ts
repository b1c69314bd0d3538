import type { InvoiceRunStatus } from "@/lib/schemas/billing-invoices";
import { invoicesMessage } from "@/lib/schemas/billing-invoices";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { monthOfInstant, periodDate } from "./billing-month";
import { invoicePeriod } from "./invoice-period";
import { isInterrupted } from "./invoice-run-staleness";

const select = {
  id: true,
  status: true,
  periodStart: true,
  tenantId: true,
  tenant: { select: { id: true, name: true } },
  total: true,
  processed: true,
  rated: true,
  unratable: true,
  skipped: true,
  error: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} as const;

type RunRow = {
  id: string;
  status: InvoiceRunStatus["status"];
  periodStart: Date | null;
  tenantId: string | null;
  tenant: { id: string; name: string } | null;
  total: number;
  processed: number;
  rated: number;
  unratable: number;
  skipped: number;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

async function toStatus(db: TenantDb, run: RunRow): Promise<InvoiceRunStatus> {
  const month = monthOfInstant(run.periodStart!);
  // The invoices that made the run leave companies alone: the month's issued and paid ones.
  const skippedInvoices =
    run.skipped === 0
      ? []
      : await db.invoice.findMany({
          where: { period: periodDate(month), status: { in: ["issued", "paid"] }, ...(run.tenantId ? { tenantId: run.tenantId } : {}) },
          orderBy: { tenant: { name: "asc" } },
          take: 20,
          select: { id: true, number: true, status: true, tenant: { select: { name: true } } },
        });
  // Left behind by a process that stopped: reported as failed (invoice-run-staleness.ts).
  const interrupted = isInterrupted(run);
  return {
    id: run.id,
    status: interrupted ? "failed" : run.status,
    month,
    tenant: run.tenant,
    total: run.total,
    processed: run.processed,
    drafted: run.rated,
    withUnratable: run.unratable,
    skipped: run.skipped,
    skippedInvoices: skippedInvoices.map((i) => ({ id: i.id, number: i.number, status: i.status, tenantName: i.tenant.name })),
    error: interrupted ? invoicesMessage("invoices.errors.run_interrupted") : run.error,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
  };
}

export async function getInvoiceRunStatus(db: TenantDb, runId: string): Promise<InvoiceRunStatus> {
  const run = await db.billingRun.findFirst({ where: { id: runId, kind: "invoice" }, select });
  if (!run) throw new AppError("NOT_FOUND", invoicesMessage("invoices.errors.run_not_found"));
  return toStatus(db, run);
}

/** The newest invoice run of a month (any scope), so the console shows a run under way after a reload. */
export async function latestInvoiceRun(db: TenantDb, month: string): Promise<InvoiceRunStatus | null> {
  const period = await invoicePeriod(db, month);
  const run = await db.billingRun.findFirst({
    where: { kind: "invoice", periodStart: period.start },
    orderBy: { createdAt: "desc" },
    select,
  });
  return run ? toStatus(db, run) : null;
}
