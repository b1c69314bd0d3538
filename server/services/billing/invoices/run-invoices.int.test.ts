import { describe, expect, it } from "vitest";
import { withAdmin } from "@/server/db";
import { AppError } from "@/server/errors";
import { ownerQuery } from "@/server/testing/owner-db";
import { getInvoiceView } from "./invoice-view";
import { getInvoiceRunStatus } from "./invoice-run-status";
import { invoicePeriod } from "./invoice-period";
import { issueInvoice, voidInvoice } from "./invoice-state";
import { billableTenant, insertCallsWithCharges, insertHeldDid, sp } from "./invoice.fixture";
import { processInvoiceRun, queueInvoiceRun, runInvoices } from "./run-invoices";

// Every test has its own tenant (the run is scoped to it) and passes its own taxes: TaxRate rows
// are global and other test files may be editing them.
const TAXES = [{ name: "ISS", basisPoints: 500, position: 1 }];
const MONTH = "2025-06";
const AFTER = new Date("2025-07-05T12:00:00Z");

async function invoicesOf(tenantId: string) {
  return ownerQuery<{ id: string; status: string; totalCents: string; unratableCalls: number }>(
    `SELECT id, status::text, "totalCents"::text, "unratableCalls" FROM "Invoice" WHERE "tenantId" = $1 ORDER BY "createdAt"`,
    [tenantId],
  );
}

const view = (id: string) => withAdmin((db) => getInvoiceView(db, id));
const status = (runId: string) => withAdmin((db) => getInvoiceRunStatus(db, runId));

describe("runInvoices", () => {
  it("drafts the month's invoice: plan, numbers, usage by destination, taxes; the run counts it", async () => {
    const tenant = await billableTenant({ monthlyPrice: "300.00" });
    await insertHeldDid(tenant.id, {
      number: `+55113${String(Date.now()).slice(-7)}`,
      monthlyPrice: "30.00",
      periods: [{ fromAt: sp("2025-06-16T10:00:00"), toAt: null }],
    });
    await insertCallsWithCharges(tenant.id, [
      {
        startedAt: sp("2025-06-02T10:00:00"),
        billsec: 50,
        charge: { destination: "Brasil Fixo", billedSecSell: 60, priceMicros: 100_000n },
      },
      {
        startedAt: sp("2025-06-30T23:59:59"),
        billsec: 10,
        charge: { destination: "Brasil Fixo", billedSecSell: 30, priceMicros: 50_000n },
      },
      { startedAt: sp("2025-06-03T10:00:00"), billsec: 0, charge: { destination: "Brasil Móvel", billedSecSell: 0, priceMicros: 0n } },
      // Outside the month (São Paulo): ignored.
      {
        startedAt: sp("2025-07-01T00:00:00"),
        billsec: 100,
        charge: { destination: "Brasil Fixo", billedSecSell: 100, priceMicros: 999_999n },
      },
      {
        startedAt: sp("2025-05-31T23:59:59"),
        billsec: 100,
        charge: { destination: "Brasil Fixo", billedSecSell: 100, priceMicros: 999_999n },
      },
    ]);

    const runId = await runInvoices({ month: MONTH, tenantId: tenant.id, now: AFTER }, { rateFirst: false, taxes: TAXES });
    const run = await status(runId);
    expect(run).toMatchObject({
      status: "done",
      month: MONTH,
      total: 1,
      processed: 1,
      drafted: 1,
      withUnratable: 0,
      skipped: 0,
      error: null,
    });
    expect(run.tenant).toEqual({ id: tenant.id, name: tenant.name });

    const [invoice] = await invoicesOf(tenant.id);
    const drafted = await view(invoice!.id);
    expect(drafted).toMatchObject({ status: "draft", month: MONTH, number: null, unratableCalls: 0 });
    expect(drafted.lines.map((l) => [l.kind, l.quantity, l.billedSeconds, l.amountCents])).toEqual([
      ["plan", 30, null, 30_000n],
      // 16 to 30 June: 15 of 30 days of R$ 30,00
      ["did", 15, null, 1_500n],
      // 150,000 µBRL = 15 centavos; the unanswered mobile call bills nothing and has no line
      ["usage", 2, 90n, 15n],
      // 31,515 × 5 % = 1,575.75 → 1,576
      ["tax", null, null, 1_576n],
    ]);
    expect([drafted.subtotalCents, drafted.taxCents, drafted.totalCents]).toEqual([31_515n, 1_576n, 33_091n]);
  });

  it("replaces a draft in place (same id, new lines) and leaves an issued invoice alone, naming it", async () => {
    const tenant = await billableTenant();
    await insertCallsWithCharges(tenant.id, [
      {
        startedAt: sp("2025-06-10T10:00:00"),
        billsec: 60,
        charge: { destination: "Brasil Fixo", billedSecSell: 60, priceMicros: 100_000n },
      },
    ]);
    await runInvoices({ month: MONTH, tenantId: tenant.id, now: AFTER }, { rateFirst: false, taxes: TAXES });
    const [first] = await invoicesOf(tenant.id);
    const before = await view(first!.id);

    await insertCallsWithCharges(tenant.id, [
      {
        startedAt: sp("2025-06-11T10:00:00"),
        billsec: 60,
        charge: { destination: "Brasil Móvel", billedSecSell: 60, priceMicros: 400_000n },
      },
    ]);
    await runInvoices({ month: MONTH, tenantId: tenant.id, now: AFTER }, { rateFirst: false, taxes: [] });
    const after = await invoicesOf(tenant.id);
    expect(after.map((i) => i.id)).toEqual([first!.id]);
    const replaced = await view(first!.id);
    expect(replaced.generatedAt.getTime()).toBeGreaterThan(before.generatedAt.getTime());
    expect(replaced.lines.map((l) => [l.position, l.kind, l.description, l.amountCents])).toEqual([
      [1, "plan", tenant.planName, 9_990n],
      [2, "usage", "Brasil Fixo", 10n],
      [3, "usage", "Brasil Móvel", 40n],
    ]);
    expect(replaced.totalCents).toBe(10_040n);

    await withAdmin((db) => issueInvoice(db, first!.id, AFTER));
    const issued = await view(first!.id);
    await insertCallsWithCharges(tenant.id, [
      {
        startedAt: sp("2025-06-12T10:00:00"),
        billsec: 60,
        charge: { destination: "Brasil Móvel", billedSecSell: 60, priceMicros: 400_000n },
      },
    ]);
    const runId = await runInvoices({ month: MONTH, tenantId: tenant.id, now: AFTER }, { rateFirst: false, taxes: TAXES });
    expect(await view(first!.id)).toEqual(issued);
    expect(await invoicesOf(tenant.id)).toHaveLength(1);
    const run = await status(runId);
    expect(run).toMatchObject({ status: "done", total: 1, processed: 1, drafted: 0, skipped: 1 });
    expect(run.skippedInvoices).toEqual([{ id: first!.id, number: issued.number, status: "issued", tenantName: tenant.name }]);
  });

  it("gives a voided month a new draft beside the void one", async () => {
    const tenant = await billableTenant();
    await runInvoices({ month: MONTH, tenantId: tenant.id, now: AFTER }, { rateFirst: false, taxes: TAXES });
    const [first] = await invoicesOf(tenant.id);
    await withAdmin((db) => issueInvoice(db, first!.id, AFTER));
    await withAdmin((db) => voidInvoice(db, first!.id, "plano errado", AFTER));
    await runInvoices({ month: MONTH, tenantId: tenant.id, now: AFTER }, { rateFirst: false, taxes: TAXES });
    const all = await invoicesOf(tenant.id);
    expect(all.map((i) => i.status)).toEqual(["void", "draft"]);
    expect(all[1]!.id).not.toBe(first!.id);
  });

  it("counts unratable charges and calls the rating job would rate still without a charge, not internal, other inbound or unfinished ones", async () => {
    const tenant = await billableTenant();
    const priced = await insertHeldDid(tenant.id, { monthlyPrice: "0.00", periods: [{ fromAt: sp("2025-01-01T00:00:00"), toAt: null }] });
    await ownerQuery(`UPDATE "Did" SET "inboundPricePerMinuteMicros" = 100000 WHERE id = $1`, [priced.didId]);
    await insertCallsWithCharges(tenant.id, [
      {
        startedAt: sp("2025-06-05T10:00:00"),
        billsec: 30,
        charge: { status: "unratable", unratableReason: "no_sell_rate", priceMicros: null },
      },
      { startedAt: sp("2025-06-05T11:00:00"), billsec: 30, charge: null },
      { startedAt: sp("2025-06-05T12:00:00"), billsec: 30, direction: "internal", number: "1002", charge: null },
      { startedAt: sp("2025-06-05T13:00:00"), billsec: 30, direction: "inbound", charge: null },
      { startedAt: sp("2025-06-05T14:00:00"), billsec: 30, state: "answered", charge: null },
      {
        startedAt: sp("2025-06-05T15:00:00"),
        billsec: 30,
        charge: { destination: "Brasil Fixo", billedSecSell: 30, priceMicros: 50_000n },
      },
      // Inbound to a number of the tenant's with a per-minute price: the rating job would rate it.
      { startedAt: sp("2025-06-05T16:00:00"), billsec: 30, direction: "inbound", number: priced.number.slice(1), charge: null },
    ]);
    const runId = await runInvoices({ month: MONTH, tenantId: tenant.id, now: AFTER }, { rateFirst: false, taxes: TAXES });
    expect(await status(runId)).toMatchObject({ drafted: 1, withUnratable: 1 });
    const [invoice] = await invoicesOf(tenant.id);
    expect(invoice!.unratableCalls).toBe(3);
    // The unratable call is flagged, not billed: only the rated one is on the invoice.
    const drafted = await view(invoice!.id);
    expect(drafted.lines.filter((l) => l.kind === "usage").map((l) => [l.quantity, l.amountCents])).toEqual([[1, 5n]]);
  });

  it("pro-rates the plan of a tenant that became a customer during the month", async () => {
    const tenant = await billableTenant({ createdAt: sp("2025-06-21T09:00:00"), monthlyPrice: "300.00" });
    await runInvoices({ month: MONTH, tenantId: tenant.id, now: AFTER }, { rateFirst: false, taxes: [] });
    const [invoice] = await invoicesOf(tenant.id);
    // 21 to 30 June: 10 of 30 days of R$ 300,00
    expect((await view(invoice!.id)).lines).toEqual([expect.objectContaining({ kind: "plan", quantity: 10, amountCents: 10_000n })]);
  });
});

describe("runInvoices and rating", () => {
  it("rates the tenant's calls that have no charge yet before drafting (here: no deck, so unratable)", async () => {
    const tenant = await billableTenant();
    const [callId] = await insertCallsWithCharges(tenant.id, [
      // Ended well before now: settled, as the rating job requires.
      { startedAt: sp("2025-06-05T11:00:00"), billsec: 30, number: "5511988887777", charge: null },
    ]);
    await runInvoices({ month: MONTH, tenantId: tenant.id, now: AFTER }, { taxes: TAXES });
    const charges = await ownerQuery<{ status: string; unratableReason: string }>(
      `SELECT status::text, "unratableReason" FROM "CallCharge" WHERE "callId" = $1`,
      [callId],
    );
    expect(charges).toEqual([{ status: "unratable", unratableReason: "no_sell_deck" }]);
    const [invoice] = await invoicesOf(tenant.id);
    expect(invoice!.unratableCalls).toBe(1);
  });
});

describe("queueInvoiceRun", () => {
  const refusal = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    return { code: (error as AppError).code, message: (error as AppError).message };
  };

  it("refuses a month not started, an unknown tenant, an archived one and one that was not a customer yet", async () => {
    const tenant = await billableTenant({ createdAt: sp("2025-07-02T10:00:00") });
    const archived = await billableTenant();
    await ownerQuery(`UPDATE "Tenant" SET status = 'archived' WHERE id = $1`, [archived.id]);
    await withAdmin(async (db) => {
      expect(await refusal(queueInvoiceRun(db, { month: "2025-08", now: AFTER }))).toEqual({
        code: "INVALID_INPUT",
        message: "invoices.errors.month_in_future",
      });
      expect(await refusal(queueInvoiceRun(db, { month: MONTH, tenantId: "0190a6f0-0000-7000-8000-00000000abcd", now: AFTER }))).toEqual({
        code: "NOT_FOUND",
        message: "invoices.errors.tenant_not_found",
      });
      for (const id of [archived.id, tenant.id])
        expect(await refusal(queueInvoiceRun(db, { month: MONTH, tenantId: id, now: AFTER }))).toEqual({
          code: "INVALID_INPUT",
          message: "invoices.errors.tenant_not_billable",
        });
    });
    expect(await ownerQuery(`SELECT 1 FROM "BillingRun" WHERE "tenantId" = ANY($1::uuid[])`, [[tenant.id, archived.id]])).toEqual([]);
  });

  it("answers a second request for a queued run with the same run, and works a run only once", async () => {
    const tenant = await billableTenant();
    const first = await withAdmin((db) => queueInvoiceRun(db, { month: MONTH, tenantId: tenant.id, now: AFTER }));
    const second = await withAdmin((db) => queueInvoiceRun(db, { month: MONTH, tenantId: tenant.id, now: AFTER }));
    expect(first.created).toBe(true);
    expect(second).toEqual({ runId: first.runId, created: false });
    await Promise.all([
      processInvoiceRun(first.runId, { rateFirst: false, taxes: TAXES }),
      processInvoiceRun(first.runId, { rateFirst: false, taxes: TAXES }),
    ]);
    expect(await status(first.runId)).toMatchObject({ status: "done", total: 1, processed: 1, drafted: 1 });
    expect(await invoicesOf(tenant.id)).toHaveLength(1);
  });

  it("does not let a run left behind by a stopped process block the month: it shows as interrupted", async () => {
    const tenant = await billableTenant();
    const period = await withAdmin((db) => invoicePeriod(db, MONTH));
    const [stuck] = await ownerQuery<{ id: string }>(
      `INSERT INTO "BillingRun" (id, kind, status, "periodStart", "periodEnd", "tenantId", "createdAt", "startedAt")
       VALUES (gen_random_uuid(), 'invoice', 'running', $1, $2, $3, now() - interval '2 hours', now() - interval '2 hours') RETURNING id`,
      [period.start, period.end, tenant.id],
    );
    expect(await status(stuck!.id)).toMatchObject({ status: "failed", error: "invoices.errors.run_interrupted" });
    const next = await withAdmin((db) => queueInvoiceRun(db, { month: MONTH, tenantId: tenant.id, now: AFTER }));
    expect(next.created).toBe(true);
    expect(next.runId).not.toBe(stuck!.id);
  });

  it("waits for the request that queued a run to commit before working it", async () => {
    const tenant = await billableTenant();
    let runId = "";
    const { worker } = await withAdmin(async (db) => {
      runId = (await queueInvoiceRun(db, { month: MONTH, tenantId: tenant.id, now: AFTER })).runId;
      // Started before this transaction commits, as the router does (wrapped: returning the promise
      // itself would make the transaction wait for it).
      const worker = processInvoiceRun(runId, { rateFirst: false, taxes: TAXES });
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { worker };
    });
    await worker;
    expect(await status(runId)).toMatchObject({ status: "done", drafted: 1 });
  });
});
