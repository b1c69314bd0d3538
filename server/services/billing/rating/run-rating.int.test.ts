import { beforeAll, describe, expect, it } from "vitest";
import { ownerQuery } from "@/server/testing/owner-db";
import { insertPlan, insertTenant } from "@/server/services/plans/throwaway-tenant.fixture";
import {
  chargesOf,
  insertCall,
  insertDeck,
  insertDeckVersion,
  insertDid,
  insertGateway,
  insertProvider,
  type RateSpec,
} from "./rating.fixture";
import { rateNewCalls, reratePeriod } from "./run-rating";

// The rating run against the real database, on tenants, decks and gateways of this file's own
// (every run is narrowed to them: other test files rate their own calls in parallel).

const SELL_RATES: RateSpec[] = [
  { prefix: "55", description: "Brasil Fixo", price: 60_000n, minSeconds: 30, incrementSeconds: 6 },
  { prefix: "55119", description: "Brasil Móvel SP", price: 90_000n, fee: 10_000n, minSeconds: 30, incrementSeconds: 6 },
  // Argentina only from 2030: calls today find no sell rate for it.
  { prefix: "54", description: "Argentina", price: 300_000n, from: "2030-01-01T00:00:00-03:00" },
];
const BUY_RATES: RateSpec[] = [
  { prefix: "55", price: 30_000n, minSeconds: 60, incrementSeconds: 60 },
  { prefix: "55119", price: 45_000n, minSeconds: 1, incrementSeconds: 1 },
  { prefix: "54", price: 150_000n },
];

type Network = {
  provider: { id: string };
  gateway: { id: string; name: string };
  sellDeck: { deckId: string; rateIds: Map<string, string> };
  buyRateIds: Map<string, string>;
};

async function arrangeNetwork(planId: string): Promise<Network> {
  const provider = await insertProvider();
  const gateway = await insertGateway(provider.id);
  const sellDeck = await insertDeck({ kind: "sell", planId }, SELL_RATES);
  const buy = await insertDeck({ kind: "buy", providerId: provider.id }, BUY_RATES);
  return { provider, gateway, sellDeck, buyRateIds: buy.rateIds };
}

describe("rateNewCalls", () => {
  let plan: { id: string };
  let tenantA: { id: string };
  let tenantB: { id: string };
  let net: Network;
  let overrideGateway: { id: string; name: string };
  let overrideRateIds: Map<string, string>;
  let orphanGateway: { id: string; name: string };
  let tenantDeckRateIds: Map<string, string>;
  const calls: Record<string, string> = {};
  const at = "2026-09-10T10:00:00-03:00";

  beforeAll(async () => {
    plan = await insertPlan();
    tenantA = await insertTenant(plan.id);
    tenantB = await insertTenant(plan.id);
    net = await arrangeNetwork(plan.id);
    // A gateway with its own deck (it overrides its provider's); one whose provider has no deck.
    overrideGateway = await insertGateway(net.provider.id);
    overrideRateIds = (
      await insertDeck({ kind: "buy", providerId: net.provider.id, gatewayId: overrideGateway.id }, [{ prefix: "55", price: 20_000n }])
    ).rateIds;
    orphanGateway = await insertGateway((await insertProvider()).id);
    // Tenant B has a deck of its own, which wins over its plan's.
    tenantDeckRateIds = (
      await insertDeck({ kind: "sell", tenantId: tenantB.id }, [{ prefix: "55", description: "Brasil (B)", price: 50_000n }])
    ).rateIds;
    const did = await insertDid({ providerId: net.provider.id, tenantId: tenantA.id, inboundCost: 30_000n, inboundPrice: 120_000n });
    const g = net.gateway.name;
    calls.mobile = await insertCall(tenantA.id, { toNumber: "5511987654321", billsec: 31, gatewayName: g, startedAt: at });
    calls.fixedOverride = await insertCall(tenantA.id, {
      toNumber: "+55 11 3333-4444",
      billsec: 61,
      gatewayName: overrideGateway.name,
      startedAt: at,
    });
    calls.argentina = await insertCall(tenantA.id, { toNumber: "0054911555544", billsec: 100, gatewayName: g, startedAt: at });
    calls.unanswered = await insertCall(tenantA.id, { toNumber: "5491155554444", billsec: 0, gatewayName: g, startedAt: at });
    calls.noBuyDeck = await insertCall(tenantA.id, {
      toNumber: "551133334444",
      billsec: 20,
      gatewayName: orphanGateway.name,
      startedAt: at,
    });
    calls.unknownGateway = await insertCall(tenantA.id, {
      toNumber: "551133334444",
      billsec: 20,
      gatewayName: "gw_carrier",
      startedAt: at,
    });
    calls.noNumber = await insertCall(tenantA.id, { toNumber: null, billsec: 15, gatewayName: g, startedAt: at });
    calls.internal = await insertCall(tenantA.id, { direction: "internal", toNumber: "1002", billsec: 50, startedAt: at });
    calls.inboundPlain = await insertCall(tenantA.id, {
      direction: "inbound",
      toNumber: "1001",
      billsec: 50,
      gatewayName: g,
      startedAt: at,
    });
    calls.inboundDid = await insertCall(tenantA.id, {
      direction: "inbound",
      toNumber: did.number.slice(1),
      billsec: 61,
      gatewayName: g,
      startedAt: at,
    });
    // The same DID called on tenant B's side: B never held it, so B is not charged for it.
    calls.inboundOtherTenant = await insertCall(tenantB.id, {
      direction: "inbound",
      toNumber: did.number,
      billsec: 61,
      gatewayName: g,
      startedAt: at,
    });
    calls.live = await insertCall(tenantA.id, {
      state: "answered",
      toNumber: "5511987654321",
      billsec: null,
      gatewayName: g,
      startedAt: at,
    });
    const justNow = new Date(Date.now() - 20_000).toISOString();
    calls.unsettled = await insertCall(tenantA.id, {
      toNumber: "5511987654321",
      billsec: 10,
      durationSec: 15,
      gatewayName: g,
      startedAt: justNow,
    });
    calls.tenantB = await insertCall(tenantB.id, { toNumber: "551133334444", billsec: 10, gatewayName: g, startedAt: at });
  });

  it("writes one charge per billable call with price, cost, margin and the rates used", async () => {
    const run = await rateNewCalls({ tenantIds: [tenantA.id, tenantB.id] });
    expect(run).toMatchObject({ status: "done", error: null, total: 9, processed: 9, rated: 5, unratable: 4, skipped: 0 });
    const charges = await chargesOf([tenantA.id, tenantB.id]);
    expect(charges.size).toBe(9);

    expect(charges.get(calls.mobile!)).toMatchObject({
      tenantId: tenantA.id,
      direction: "outbound",
      number: "5511987654321",
      status: "rated",
      unratableReason: null,
      destination: "Brasil Móvel SP",
      answeredSec: 31,
      billedSecSell: 36,
      billedSecBuy: 31,
      // R$ 0,01 + 36 s × R$ 0,09/min; 31 s × R$ 0,045/min.
      priceMicros: "64000",
      costMicros: "23250",
      marginMicros: "40750",
      sellRateId: net.sellDeck.rateIds.get("55119"),
      buyRateId: net.buyRateIds.get("55119"),
      gatewayName: net.gateway.name,
      providerId: net.provider.id,
      ratingRunId: run.runId,
    });
    expect(charges.get(calls.mobile!)!.callStartedAt.toISOString()).toBe(new Date(at).toISOString());
    // The gateway's own deck wins over its provider's; "+55 11 3333-4444" is rated as 551133334444.
    expect(charges.get(calls.fixedOverride!)).toMatchObject({
      number: "551133334444",
      destination: "Brasil Fixo",
      billedSecSell: 66,
      billedSecBuy: 61,
      priceMicros: "66000",
      costMicros: "20333",
      buyRateId: overrideRateIds.get("55"),
      providerId: net.provider.id,
    });
    // "00" is the international access code, not part of the number; no Argentina rate yet.
    expect(charges.get(calls.argentina!)).toMatchObject({
      number: "54911555544",
      status: "unratable",
      unratableReason: "no_sell_rate",
      priceMicros: null,
      costMicros: null,
      marginMicros: null,
    });
    expect(charges.get(calls.unanswered!)).toMatchObject({
      status: "rated",
      billedSecSell: 0,
      billedSecBuy: 0,
      priceMicros: "0",
      costMicros: "0",
      marginMicros: "0",
    });
    expect(charges.get(calls.noBuyDeck!)).toMatchObject({
      status: "unratable",
      unratableReason: "no_buy_deck",
      priceMicros: "30000",
      costMicros: null,
      gatewayName: orphanGateway.name,
    });
    expect(charges.get(calls.unknownGateway!)).toMatchObject({ status: "unratable", unratableReason: "no_buy_deck", providerId: null });
    expect(charges.get(calls.noNumber!)).toMatchObject({ number: "0", status: "unratable", unratableReason: "no_sell_rate" });
    // 61 s on an 0800: R$ 1,20/min to the tenant, R$ 0,30/min from the provider, per second.
    const inbound = charges.get(calls.inboundDid!)!;
    expect(inbound).toMatchObject({
      direction: "inbound",
      status: "rated",
      billedSecSell: 61,
      billedSecBuy: 61,
      priceMicros: "122000",
      costMicros: "30500",
      marginMicros: "91500",
      sellRateId: null,
      buyRateId: null,
      providerId: net.provider.id,
    });
    expect(inbound.destination).toMatch(/^Chamadas recebidas \+55 /);
    expect(charges.get(calls.tenantB!)).toMatchObject({
      destination: "Brasil (B)",
      priceMicros: "8333",
      sellRateId: tenantDeckRateIds.get("55"),
    });
    for (const skipped of ["internal", "inboundPlain", "inboundOtherTenant", "live", "unsettled"]) {
      expect(charges.has(calls[skipped]!), skipped).toBe(false);
    }

    const [row] = await ownerQuery(`SELECT * FROM "BillingRun" WHERE id = $1`, [run.runId]);
    expect(row).toMatchObject({ kind: "rate", status: "done", total: 9, processed: 9, rated: 5, unratable: 4, skipped: 0, error: null });
    expect(row!.startedAt).toBeInstanceOf(Date);
    expect(row!.finishedAt).toBeInstanceOf(Date);
  });

  it("finds nothing new the second time, and rates a call once it has settled", async () => {
    const again = await rateNewCalls({ tenantIds: [tenantA.id, tenantB.id] });
    expect(again).toMatchObject({ status: "done", total: 0, processed: 0, rated: 0, unratable: 0 });
    await ownerQuery(
      `UPDATE "Call" SET "startedAt" = now() - interval '2 minutes', "answeredAt" = now() - interval '110 seconds', "endedAt" = now() - interval '1 minute'
       WHERE id = $1`,
      [calls.unsettled],
    );
    const settled = await rateNewCalls({ tenantIds: [tenantA.id] });
    expect(settled).toMatchObject({ total: 1, rated: 1 });
    expect((await chargesOf([tenantA.id])).get(calls.unsettled!)).toMatchObject({ billedSecSell: 30, priceMicros: "55000" });
  });
});

describe("reratePeriod", () => {
  const sep = { start: new Date("2026-09-01T00:00:00-03:00"), end: new Date("2026-10-01T00:00:00-03:00") };
  const sepOct = { start: sep.start, end: new Date("2026-11-01T00:00:00-03:00") };
  let tenant: { id: string };
  let net: Network;
  const comparable = async () =>
    [...(await chargesOf([tenant.id])).values()].map(({ ratingRunId: _run, ...row }) => row).sort((a, b) => (a.callId < b.callId ? -1 : 1));

  beforeAll(async () => {
    const plan = await insertPlan();
    tenant = await insertTenant(plan.id);
    net = await arrangeNetwork(plan.id);
    const g = net.gateway.name;
    // 23:59:50 on 31 August is August (São Paulo), whatever UTC says: outside every period below.
    await insertCall(tenant.id, { toNumber: "5511987654321", billsec: 45, gatewayName: g, startedAt: "2026-08-31T23:59:50-03:00" });
    await insertCall(tenant.id, { toNumber: "5511987654321", billsec: 45, gatewayName: g, startedAt: "2026-09-01T00:00:00-03:00" });
    await insertCall(tenant.id, { toNumber: "551133334444", billsec: 125, gatewayName: g, startedAt: "2026-09-20T15:00:00-03:00" });
    await insertCall(tenant.id, { toNumber: "5491155554444", billsec: 30, gatewayName: g, startedAt: "2026-09-21T15:00:00-03:00" });
    await insertCall(tenant.id, { toNumber: "5511987654321", billsec: 300, gatewayName: g, startedAt: "2026-10-05T09:00:00-03:00" });
    await insertCall(tenant.id, { toNumber: "551133334444", billsec: 0, gatewayName: g, startedAt: "2026-10-31T23:59:59-03:00" });
  });

  it("is idempotent: rating a period twice gives the same charges as rating it once", async () => {
    expect(await rateNewCalls({ tenantIds: [tenant.id] })).toMatchObject({ total: 6, rated: 5, unratable: 1 });
    const first = await comparable();
    const once = await reratePeriod({ ...sepOct, tenantIds: [tenant.id] });
    expect(once).toMatchObject({ status: "done", total: 5, processed: 5, rated: 4, unratable: 1, skipped: 0 });
    const afterOnce = await comparable();
    const twice = await reratePeriod({ ...sepOct, tenantIds: [tenant.id] });
    expect(twice).toMatchObject({ status: "done", total: 5, rated: 4, unratable: 1 });
    expect(afterOnce).toEqual(first);
    expect(await comparable()).toEqual(afterOnce);
    // The charges are the rerun's (same content, new rows).
    const runs = new Set([...(await chargesOf([tenant.id])).values()].map((row) => row.ratingRunId));
    expect(runs).toEqual(
      new Set([
        twice.runId,
        (
          await ownerQuery(`SELECT "ratingRunId" FROM "CallCharge" WHERE "tenantId" = $1 AND "callStartedAt" < $2`, [tenant.id, sep.start])
        )[0]!.ratingRunId,
      ]),
    );
  });

  it("applies a fixed deck to the period, except months an issued invoice already bills", async () => {
    const before = await chargesOf([tenant.id]);
    // The tariff fix: mobiles now cost the tenant R$ 0,12/min, and Argentina gets a price.
    const fixed = await insertDeckVersion(net.sellDeck.deckId, [
      ...SELL_RATES.filter((r) => r.prefix !== "55119" && r.prefix !== "54"),
      { prefix: "55119", description: "Brasil Móvel SP", price: 120_000n, minSeconds: 30, incrementSeconds: 6 },
      { prefix: "54", description: "Argentina", price: 300_000n },
    ]);
    // September is invoiced and issued: its charges must stay what the invoice says.
    await ownerQuery(
      `INSERT INTO "Invoice" (id, "tenantId", period, number, status, "subtotalCents", "taxCents", "totalCents", "issuedAt", "updatedAt")
       VALUES (gen_random_uuid(), $1, '2026-09-01', $2, 'issued', 0, 0, 0, now(), now())`,
      [tenant.id, `T-${tenant.id.slice(0, 12)}`],
    );
    const run = await reratePeriod({ ...sepOct, tenantIds: [tenant.id] });
    expect(run).toMatchObject({ status: "done", total: 5, processed: 5, skipped: 3, rated: 2, unratable: 0 });
    const after = await chargesOf([tenant.id]);
    expect(after.size).toBe(before.size);
    for (const [callId, row] of after) {
      const month = row.callStartedAt.getTime() < sep.end.getTime() ? "before-oct" : "oct";
      if (month === "before-oct") expect(row, callId).toEqual(before.get(callId));
    }
    const october = [...after.values()].filter((row) => row.callStartedAt.getTime() >= sep.end.getTime());
    const mobile = october.find((row) => row.number === "5511987654321")!;
    // 300 s at R$ 0,12/min, no connection fee in the fixed version.
    expect(mobile).toMatchObject({ priceMicros: "600000", sellRateId: fixed.rateIds.get("55119"), ratingRunId: run.runId });
  });
});

describe("a run that fails", () => {
  /** A trigger that refuses this tenant's charge of a 12 s call (other files write charges in parallel). */
  async function withRefusal<T>(tenantId: string, fn: () => Promise<T>): Promise<T> {
    const name = `rating_test_refuse_${tenantId.replace(/-/g, "")}`;
    await ownerQuery(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW."tenantId" = '${tenantId}' AND NEW."answeredSec" = 12 THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$`);
    await ownerQuery(`CREATE TRIGGER ${name} BEFORE INSERT ON "CallCharge" FOR EACH ROW EXECUTE FUNCTION ${name}()`);
    try {
      return await fn();
    } finally {
      await ownerQuery(`DROP TRIGGER ${name} ON "CallCharge"`);
      await ownerQuery(`DROP FUNCTION ${name}()`);
    }
  }

  async function arrangeFive() {
    const plan = await insertPlan();
    const tenant = await insertTenant(plan.id);
    const net = await arrangeNetwork(plan.id);
    for (let i = 0; i < 5; i++) {
      await insertCall(tenant.id, {
        toNumber: "5511987654321",
        billsec: 10 + i,
        gatewayName: net.gateway.name,
        startedAt: "2026-09-10T10:00:00-03:00",
      });
    }
    return tenant;
  }

  it("a rate run keeps the batches it committed, records the error, and the next run rates the rest", async () => {
    const tenant = await arrangeFive();
    const run = await withRefusal(tenant.id, () => rateNewCalls({ tenantIds: [tenant.id], batchRows: 2 }));
    expect(run).toMatchObject({ status: "failed", total: 5 });
    expect(run.error).toMatch(/refused by the test/);
    const kept = await chargesOf([tenant.id]);
    // Whatever was committed is whole and counted: never the refused call, never half a batch.
    expect(kept.size).toBeLessThan(5);
    expect(kept.size % 2).toBe(0);
    expect(run.rated + run.unratable).toBe(kept.size);
    expect([...kept.values()].some((row) => row.answeredSec === 12)).toBe(false);
    const [row] = await ownerQuery(`SELECT status, error, rated FROM "BillingRun" WHERE id = $1`, [run.runId]);
    expect(row).toMatchObject({ status: "failed", rated: kept.size });
    expect(row!.error).toMatch(/refused by the test/);
    expect(await rateNewCalls({ tenantIds: [tenant.id] })).toMatchObject({ status: "done", total: 5 - kept.size, rated: 5 - kept.size });
    expect((await chargesOf([tenant.id])).size).toBe(5);
  });

  it("a re-rating that fails changes nothing: the period keeps its charges", async () => {
    const tenant = await arrangeFive();
    expect(await rateNewCalls({ tenantIds: [tenant.id] })).toMatchObject({ status: "done", rated: 5 });
    const before = await chargesOf([tenant.id]);
    const run = await withRefusal(tenant.id, () =>
      reratePeriod({
        start: new Date("2026-09-01T00:00:00-03:00"),
        end: new Date("2026-10-01T00:00:00-03:00"),
        tenantIds: [tenant.id],
        batchRows: 2,
      }),
    );
    expect(run).toMatchObject({ status: "failed", total: 5, rated: 0, unratable: 0 });
    expect(await chargesOf([tenant.id])).toEqual(before);
  });

  it("marks runs a dead process left running as failed", async () => {
    const [orphan] = await ownerQuery<{ id: string }>(
      `INSERT INTO "BillingRun" (id, kind, status, "startedAt") VALUES (gen_random_uuid(), 'rate', 'running', now() - interval '1 hour') RETURNING id`,
    );
    const plan = await insertPlan();
    const tenant = await insertTenant(plan.id);
    await rateNewCalls({ tenantIds: [tenant.id] });
    const [row] = await ownerQuery(`SELECT status, error FROM "BillingRun" WHERE id = $1`, [orphan!.id]);
    expect(row).toMatchObject({ status: "failed" });
    expect(row!.error).toMatch(/interrupted/);
  });
});
