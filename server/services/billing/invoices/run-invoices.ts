import { invoicesMessage } from "@/lib/schemas/billing-invoices";
import { withAdmin, type TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { rateNewCalls } from "@/server/services/billing/rating/run-rating";
import { monthOfInstant } from "./billing-month";
import type { ComposeTax } from "./compose-invoice";
import { draftInvoice } from "./draft-invoice";
import { invoicePeriod, type InvoicePeriod } from "./invoice-period";
import { isInterrupted } from "./invoice-run-staleness";
import { loadActiveTaxes } from "./tax-rates";

// The monthly invoice run: one BillingRun (kind invoice) with progress counters, then one
// transaction per tenant that writes its draft and moves the counters together, so the progress the
// console polls is always what is committed. Counters of an invoice run: total = companies,
// processed, rated = drafts written, unratable = drafts with calls that cannot be billed yet,
// skipped = companies whose invoice for the month is already issued or paid.

/** How long a worker waits for the request that queued a run to commit it. */
const CLAIM_WAIT_MS = 15_000;
const TENANT_TX_TIMEOUT_MS = 60_000;

export type InvoiceRunRequest = { month: string; tenantId?: string | null; requestedById?: string | null; now?: Date };

/**
 * Tenants invoiced for a period: active or suspended ones (archived ones are not) that were
 * customers before it ended — or that, by the allocation history or the calls, held a number or
 * made a call in it anyway (the plan is then not billed, what they used is).
 */
async function billableTenants(db: TenantDb, period: InvoicePeriod, tenantId: string | null) {
  const charged = await db.callCharge.groupBy({
    by: ["tenantId"],
    where: { callStartedAt: { gte: period.start, lt: period.end }, ...(tenantId ? { tenantId } : {}) },
  });
  return db.tenant.findMany({
    where: {
      status: { in: ["active", "suspended"] },
      ...(tenantId ? { id: tenantId } : {}),
      OR: [
        { createdAt: { lt: period.end } },
        { didAllocations: { some: { fromAt: { lt: period.end }, OR: [{ toAt: null }, { toAt: { gt: period.start } }] } } },
        { id: { in: charged.map((row) => row.tenantId) } },
      ],
    },
    select: { id: true, slug: true },
    orderBy: { name: "asc" },
  });
}

/**
 * Queues an invoice run in the caller's transaction and returns its id; `created` is false when a
 * run for the same month and scope is already queued or running (a double click, two operators),
 * whose id is returned instead. The run itself is processInvoiceRun, after the caller commits.
 */
export async function queueInvoiceRun(db: TenantDb, request: InvoiceRunRequest): Promise<{ runId: string; created: boolean }> {
  const now = request.now ?? new Date();
  if (request.month > monthOfInstant(now))
    throw new AppError("INVALID_INPUT", invoicesMessage("invoices.errors.month_in_future"), {
      fieldErrors: { month: [invoicesMessage("invoices.errors.month_in_future")] },
    });
  const period = await invoicePeriod(db, request.month);
  const tenantId = request.tenantId ?? null;
  if (tenantId) {
    if (!(await db.tenant.findUnique({ where: { id: tenantId }, select: { id: true } })))
      throw new AppError("NOT_FOUND", invoicesMessage("invoices.errors.tenant_not_found"));
    if ((await billableTenants(db, period, tenantId)).length === 0)
      throw new AppError("INVALID_INPUT", invoicesMessage("invoices.errors.tenant_not_billable"), {
        fieldErrors: { tenantId: [invoicesMessage("invoices.errors.tenant_not_billable")] },
      });
  }
  const running = await db.billingRun.findFirst({
    where: { kind: "invoice", status: { in: ["queued", "running"] }, periodStart: period.start, tenantId },
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true, createdAt: true, startedAt: true },
  });
  if (running && !isInterrupted(running)) return { runId: running.id, created: false };
  const run = await db.billingRun.create({
    data: {
      kind: "invoice",
      status: "queued",
      periodStart: period.start,
      periodEnd: period.end,
      tenantId,
      requestedById: request.requestedById ?? null,
    },
    select: { id: true },
  });
  return { runId: run.id, created: true };
}

type ClaimedRun = { periodStart: Date; periodEnd: Date; tenantId: string | null };

/** queued → running, once: false when another worker has it or the run never got committed. */
async function claimRun(runId: string): Promise<ClaimedRun | null> {
  const deadline = Date.now() + CLAIM_WAIT_MS;
  for (let wait = 50; ; wait = Math.min(wait * 2, 1_000)) {
    const outcome = await withAdmin(async (db) => {
      const claimed = await db.billingRun.updateMany({
        where: { id: runId, kind: "invoice", status: "queued" },
        data: { status: "running", startedAt: new Date() },
      });
      if (claimed.count === 1)
        return db.billingRun.findUniqueOrThrow({ where: { id: runId }, select: { periodStart: true, periodEnd: true, tenantId: true } });
      return (await db.billingRun.count({ where: { id: runId } })) > 0 ? "taken" : "unseen";
    });
    if (outcome === "taken") return null;
    if (outcome !== "unseen") return outcome as ClaimedRun;
    // The request that queued it has not committed yet (or rolled back: then it never will).
    if (Date.now() > deadline) return null;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

export type ProcessInvoiceRunOptions = {
  /** The taxes to apply; the active TaxRates when absent (tests pass their own: TaxRate is global). */
  taxes?: ComposeTax[];
  /**
   * Rate the scope's calls that have no charge yet before drafting (default true). Tests that
   * write the charges themselves turn it off, so the run never rates other data of the tenant.
   */
  rateFirst?: boolean;
};

/**
 * Works a queued invoice run to its end: every billable tenant of its scope gets its draft created
 * or replaced, one transaction each; a tenant that fails is named on the run (the others go on).
 * Safe to call twice for one run: only one call claims it.
 */
export async function processInvoiceRun(runId: string, options: ProcessInvoiceRunOptions = {}): Promise<void> {
  const claimed = await claimRun(runId);
  if (!claimed) return;
  const finish = (status: "done" | "failed", error: string | null) =>
    withAdmin((db) => db.billingRun.update({ where: { id: runId }, data: { status, error, finishedAt: new Date() } }));
  try {
    if (options.rateFirst !== false) await rateWhatIsNew(runId, claimed.tenantId);
    const month = monthOfInstant(claimed.periodStart);
    const { period, tenants, taxes } = await withAdmin(async (db) => {
      const period = await invoicePeriod(db, month);
      const tenants = await billableTenants(db, period, claimed.tenantId);
      await db.billingRun.update({ where: { id: runId }, data: { total: tenants.length } });
      return { period, tenants, taxes: options.taxes ?? (await loadActiveTaxes(db)) };
    });
    const failed: string[] = [];
    for (const tenant of tenants) {
      try {
        await withAdmin(
          async (db) => {
            const result = await draftInvoice(db, tenant.id, period, taxes);
            const counters =
              result.outcome === "drafted"
                ? { rated: { increment: 1 }, ...(result.unratableCalls > 0 ? { unratable: { increment: 1 } } : {}) }
                : { skipped: { increment: 1 } };
            await db.billingRun.update({ where: { id: runId }, data: { processed: { increment: 1 }, ...counters } });
          },
          { timeoutMs: TENANT_TX_TIMEOUT_MS },
        );
      } catch (error) {
        logger.error({ err: error, runId, tenant: tenant.slug }, "invoice draft failed");
        failed.push(tenant.slug);
        await withAdmin((db) => db.billingRun.update({ where: { id: runId }, data: { processed: { increment: 1 } } }));
      }
    }
    if (failed.length === 0) await finish("done", null);
    else
      await finish(
        "failed",
        invoicesMessage("invoices.errors.run_tenants_failed", { count: failed.length, slugs: failed.slice(0, 10).join(", ") }).slice(
          0,
          500,
        ),
      );
  } catch (error) {
    logger.error({ err: error, runId }, "invoice run failed");
    await finish("failed", invoicesMessage("invoices.errors.run_failed")).catch((finishError: unknown) =>
      logger.error({ err: finishError, runId }, "invoice run could not be marked failed"),
    );
  }
}

/**
 * The rating job runs every minute, but an invoice should not wait for it: calls still without a
 * charge are rated first (the whole scope's, whatever their month; it is the same work the job
 * would do). A rating failure does not stop the run: those calls stay counted as not rated on the
 * drafts, which then cannot be issued.
 */
async function rateWhatIsNew(runId: string, tenantId: string | null): Promise<void> {
  try {
    const result = await rateNewCalls(tenantId ? { tenantIds: [tenantId] } : {});
    if (result.status === "failed")
      logger.warn({ runId, ratingRunId: result.runId, error: result.error }, "rating before invoicing failed");
  } catch (error) {
    logger.warn({ err: error, runId }, "rating before invoicing failed");
  }
}

/** Starts processing after the request that queued the run has committed (the claim waits for it). */
export function processInvoiceRunInBackground(runId: string): void {
  setImmediate(() => {
    processInvoiceRun(runId).catch((error: unknown) => logger.error({ err: error, runId }, "invoice run crashed"));
  });
}

/**
 * Queues and works a run to its end, here and now (tests, scripts, a job worker): the same run the
 * console starts, with its BillingRun row. Returns the run's id.
 */
export async function runInvoices(request: InvoiceRunRequest, options: ProcessInvoiceRunOptions = {}): Promise<string> {
  const { runId } = await withAdmin((db) => queueInvoiceRun(db, request));
  await processInvoiceRun(runId, options);
  return runId;
}
