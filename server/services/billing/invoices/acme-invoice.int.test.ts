import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invoiceFileResponse } from "@/app/api/invoices/invoice-file-response";
import { withAdmin } from "@/server/db";
import { buildRateIndex, rateCall } from "@/server/services/billing/rating/rate-call";
import { sessionFor } from "@/server/services/calls/history/history.fixture";
import { ownerQuery, tenantId } from "@/server/testing/owner-db";
import {
  ACME_CALLS,
  ACME_DIDS,
  ACME_EXPECTED_LINES,
  ACME_EXPECTED_TOTALS,
  ACME_MONTH,
  ACME_PLAN,
  ACME_SEED_DIDS,
  ACME_TAXES,
  BUY_RATES,
  SELL_RATES,
} from "./acme-invoice.fixture";
import { getInvoiceView } from "./invoice-view";
import { issueInvoice } from "./invoice-state";
import { adminSession, insertCallsWithCharges, insertHeldDid, sp, type FixtureCall } from "./invoice.fixture";
import { renderInvoiceCsv } from "./render-invoice-csv";
import { runInvoices } from "./run-invoices";

// Must show 2: the real invoice run for the real demo tenant acme, for a month with known calls,
// matches acme-invoice.fixture.ts (computed by hand) to the centavo; then it is issued and its PDF
// and CSV come out of the download route.

const PERIOD = `${ACME_MONTH}-01`;
let acme: string;

async function cleanUp() {
  await ownerQuery(`DELETE FROM "Invoice" WHERE "tenantId" = $1 AND period >= '2096-01-01' AND period < '2096-04-01'`, [acme]);
  await ownerQuery(`DELETE FROM "Call" WHERE "tenantId" = $1 AND "startedAt" >= '2096-01-01' AND "startedAt" < '2096-04-01'`, [acme]);
  const dids = await ownerQuery<{ id: string; providerId: string }>(`SELECT id, "providerId" FROM "Did" WHERE number = ANY($1)`, [
    ACME_DIDS.map((d) => d.number),
  ]);
  await ownerQuery(`DELETE FROM "Did" WHERE id = ANY($1::uuid[])`, [dids.map((d) => d.id)]);
  await ownerQuery(`DELETE FROM "Provider" WHERE id = ANY($1::uuid[])`, [dids.map((d) => d.providerId)]);
}

describe("acme's invoice for February 2096 (hand-computed fixture)", () => {
  beforeAll(async () => {
    acme = await tenantId("acme");
    await cleanUp();
  });
  afterAll(async () => {
    await cleanUp();
  });

  it("starts from the demo seed the fixture assumes", async () => {
    const [plan] = await ownerQuery(
      `SELECT p.name, p."monthlyPrice"::text AS price FROM "Tenant" t JOIN "Plan" p ON p.id = t."planId" WHERE t.id = $1`,
      [acme],
    );
    expect(plan, "acme's plan changed in prisma/seed.ts: update acme-invoice.fixture.ts").toEqual({
      name: ACME_PLAN.name,
      price: ACME_PLAN.monthlyPrice,
    });
    const held = await ownerQuery<{ number: string; price: string }>(
      `SELECT a.number, d."monthlyPrice"::text AS price FROM "DidAllocation" a JOIN "Did" d ON d.id = a."didId"
       WHERE a."tenantId" = $1 AND a."fromAt" < '2096-03-01T03:00:00Z' AND (a."toAt" IS NULL OR a."toAt" > '2096-02-01T03:00:00Z')
         AND NOT (d.number = ANY($2)) ORDER BY a.number`,
      [acme, ACME_DIDS.map((d) => d.number)],
    );
    const seeded = await ownerQuery<{ open: boolean }>(
      `SELECT bool_and(a."toAt" IS NULL AND a."fromAt" < '2096-02-01T03:00:00Z') AS open FROM "DidAllocation" a WHERE a."tenantId" = $1 AND a.number = ANY($2)`,
      [acme, ACME_SEED_DIDS.map((d) => d.number)],
    );
    expect(
      { held, open: seeded[0]!.open },
      "acme's seeded numbers changed in prisma/seed-data/telephony-network.ts: update acme-invoice.fixture.ts",
    ).toEqual({ held: ACME_SEED_DIDS.map((d) => ({ number: d.number, price: d.monthlyPrice })), open: true });
  });

  it("rates each call as the fixture says (the real rating rules)", () => {
    const sell = buildRateIndex(SELL_RATES);
    const buy = buildRateIndex(BUY_RATES);
    for (const call of ACME_CALLS.filter((c) => c.direction !== "internal")) {
      const charge = rateCall({ number: call.number, startedAt: call.startedAt.getTime(), answeredSec: call.billsec }, sell, buy);
      expect([call.label, charge.status, charge.billedSecSell, charge.priceMicros]).toEqual([
        call.label,
        "rated",
        call.billedSecSell,
        call.priceMicros,
      ]);
    }
  });

  it("comes out of the invoice run line by line and to the centavo, then issues and downloads as PDF and CSV", async () => {
    // The charges the rating engine writes for these calls (same transaction as the calls).
    const sell = buildRateIndex(SELL_RATES);
    const buy = buildRateIndex(BUY_RATES);
    const calls: FixtureCall[] = ACME_CALLS.map((call) => {
      if (call.direction === "internal")
        return { startedAt: call.startedAt, number: call.number, direction: "internal", billsec: call.billsec, charge: null };
      const charge = rateCall({ number: call.number, startedAt: call.startedAt.getTime(), answeredSec: call.billsec }, sell, buy);
      return {
        startedAt: call.startedAt,
        number: call.number,
        billsec: call.billsec,
        charge: {
          destination: charge.destination,
          billedSecSell: charge.billedSecSell,
          priceMicros: charge.priceMicros,
          costMicros: charge.costMicros,
        },
      };
    });
    await insertCallsWithCharges(acme, calls);
    for (const did of ACME_DIDS) await insertHeldDid(acme, did);

    const runId = await runInvoices(
      { month: ACME_MONTH, tenantId: acme, now: sp("2096-03-02T08:00:00") },
      { rateFirst: false, taxes: ACME_TAXES },
    );
    const [run] = await ownerQuery(`SELECT status::text, total, processed, rated, unratable, skipped FROM "BillingRun" WHERE id = $1`, [
      runId,
    ]);
    expect(run).toEqual({ status: "done", total: 1, processed: 1, rated: 1, unratable: 0, skipped: 0 });

    const [row] = await ownerQuery<{ id: string }>(`SELECT id FROM "Invoice" WHERE "tenantId" = $1 AND period = $2 AND status = 'draft'`, [
      acme,
      PERIOD,
    ]);
    const draft = await withAdmin((db) => getInvoiceView(db, row!.id));
    expect(draft.lines).toEqual(ACME_EXPECTED_LINES);
    expect({ subtotalCents: draft.subtotalCents, taxCents: draft.taxCents, totalCents: draft.totalCents }).toEqual(ACME_EXPECTED_TOTALS);
    expect(draft).toMatchObject({
      month: ACME_MONTH,
      status: "draft",
      unratableCalls: 0,
      tenant: { slug: "acme", name: "Acme Comércio e Serviços Ltda" },
    });

    const { after: issued } = await withAdmin((db) => issueInvoice(db, row!.id, sp("2096-03-05T12:00:00")));
    expect(issued).toMatchObject({ status: "issued", dueAt: "2096-03-15", totalCents: ACME_EXPECTED_TOTALS.totalCents });
    expect(issued.number).toMatch(/^LIN-2096-\d{6}$/);

    // The PDF, as the console downloads it and as acme's admin does on acme's host.
    const consolePdf = await invoiceFileResponse(
      new Request(`http://admin.localhost:3000/api/invoices/${row!.id}/pdf`, { headers: { host: "admin.localhost:3000" } }),
      await adminSession(),
      row!.id,
      "pdf",
    );
    expect(consolePdf.status).toBe(200);
    expect(consolePdf.headers.get("content-type")).toBe("application/pdf");
    expect(consolePdf.headers.get("content-disposition")).toBe(`attachment; filename="fatura-${issued.number}.pdf"`);
    const pdf = Buffer.from(await consolePdf.arrayBuffer());
    expect(pdf.length).toBeGreaterThan(1_000);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");

    const tenantCsv = await invoiceFileResponse(
      new Request(`http://acme.localhost:3000/api/invoices/${row!.id}/csv`, {
        headers: { host: "acme.localhost:3000", "accept-language": "pt-BR" },
      }),
      await sessionFor("ana@acme.test", "acme"),
      row!.id,
      "csv",
    );
    expect(tenantCsv.status).toBe(200);
    const csv = await tenantCsv.text();
    expect(csv).toContain(
      `${issued.number};Acme Comércio e Serviços Ltda;11.222.333/0001-81;2096-02;2096-03-05;2096-03-15;Total;;;;;890,56`,
    );
    expect(csv).toBe(renderInvoiceCsv(issued, "pt-BR").replace(/^\uFEFF/, ""));
  });
});
