import { beforeAll, describe, expect, it } from "vitest";
import { microsToCents } from "@/lib/billing/micros";
import type { ReportMoney, ReportTraffic } from "@/lib/schemas/billing-reports";
import { callerFor } from "@/server/testing/callers";
import {
  insertCall,
  insertCharge,
  insertGateway,
  insertProvider,
  insertReportTenant,
  insertUnratableCharge,
  reportYear,
} from "@/server/services/billing/reports/reports.fixture";

// Every figure below is computed by hand from the calls and charges this file inserts, in a year of
// its own (reports read every tenant). São Paulo is UTC−3: 03:00Z is local midnight.

type Caller = Awaited<ReturnType<typeof callerFor>>;

const Y = reportYear();
const march = { preset: "custom" as const, from: `${Y}-03-01`, to: `${Y}-03-31` };

let root: Caller;
let A: { id: string; slug: string; name: string };
let B: { id: string; slug: string; name: string };
let P1: { id: string; name: string };
let P2: { id: string; name: string };
let g1a: string;
let g1b: string;
let g2: string;

function money(m: Partial<ReportMoney>): ReportMoney {
  return {
    calls: 0,
    answeredCalls: 0,
    answeredSec: 0,
    billedSecSell: 0,
    billedSecBuy: 0,
    revenueMicros: 0n,
    costMicros: 0n,
    marginMicros: 0n,
    marginBasisPoints: null,
    ...m,
  };
}

function traffic(attempts: number, answered: number, talkSec: number, acdSec: number | null): ReportTraffic {
  return { attempts, answered, talkSec, asr: attempts ? answered / attempts : null, acdSec };
}

beforeAll(async () => {
  root = await callerFor("root@linha.local", "admin.localhost:3000");
  [A, B] = [await insertReportTenant(), await insertReportTenant()];
  [P1, P2] = [await insertProvider(), await insertProvider()];
  [g1a, g1b, g2] = [(await insertGateway(P1.id)).name, (await insertGateway(P1.id)).name, (await insertGateway(P2.id)).name];
  const at = (day: string, time: string) => `${Y}-${day}T${time}Z`;
  const p1 = (gatewayName: string) => ({ providerId: P1.id, gatewayName });
  const p2 = { providerId: P2.id, gatewayName: g2 };

  // c1: local 03-01 00:00, the range's first instant.
  const c1 = await insertCall({ tenantId: A.id, gatewayName: g1a, startedAt: at("03-01", "03:00:00"), billsec: 65 });
  await insertCharge(c1, {
    ...p1(g1a),
    destination: "Brasil Móvel SP",
    answeredSec: 65,
    billedSecSell: 66,
    billedSecBuy: 120,
    priceMicros: 93_500n,
    costMicros: 40_000n,
  });
  // c2: 02:30Z on the 2nd is 23:30 on the 1st in São Paulo; sold below cost.
  const c2 = await insertCall({ tenantId: A.id, gatewayName: g1a, startedAt: at("03-02", "02:30:00"), billsec: 30 });
  await insertCharge(c2, {
    ...p1(g1a),
    destination: "Brasil Fixo",
    answeredSec: 30,
    billedSecSell: 30,
    billedSecBuy: 60,
    priceMicros: 15_000n,
    costMicros: 20_000n,
  });
  // c3: local 03-02 00:00.
  const c3 = await insertCall({ tenantId: A.id, gatewayName: g1b, startedAt: at("03-02", "03:00:00"), billsec: 125 });
  await insertCharge(c3, {
    ...p1(g1b),
    destination: "Brasil Móvel SP",
    answeredSec: 125,
    billedSecSell: 126,
    billedSecBuy: 180,
    priceMicros: 178_504n,
    costMicros: 60_001n,
  });
  const c4 = await insertCall({ tenantId: B.id, gatewayName: g2, startedAt: at("03-05", "15:00:00"), billsec: 600 });
  await insertCharge(c4, {
    ...p2,
    destination: "EUA",
    answeredSec: 600,
    billedSecSell: 600,
    billedSecBuy: 600,
    priceMicros: 1_000_000n,
    costMicros: 700_000n,
  });
  // c5: 23:00Z on the 31st is 20:00 local: still March.
  const c5 = await insertCall({ tenantId: B.id, gatewayName: g2, startedAt: at("03-31", "23:00:00"), billsec: 61 });
  await insertCharge(c5, {
    ...p2,
    destination: "Brasil Móvel SP",
    answeredSec: 61,
    billedSecSell: 90,
    billedSecBuy: 61,
    priceMicros: 135_000n,
    costMicros: 30_500n,
  });
  // c6 and c7: one second before local March and local April's first instant: outside.
  for (const startedAt of [at("03-01", "02:59:59"), at("04-01", "03:00:00")]) {
    const call = await insertCall({ tenantId: B.id, gatewayName: g2, startedAt, billsec: 100 });
    await insertCharge(call, {
      ...p2,
      destination: "EUA",
      answeredSec: 100,
      billedSecSell: 100,
      billedSecBuy: 100,
      priceMicros: 999_999n,
      costMicros: 1n,
    });
  }
  // c8: answered but unratable: counted apart, never as zero money.
  const c8 = await insertCall({ tenantId: A.id, gatewayName: g1a, startedAt: at("03-10", "12:00:00"), billsec: 40 });
  await insertUnratableCharge(c8, { answeredSec: 40, ...p1(g1a) });
  // c9: not answered, rated at zero without a sell rate (no destination).
  const c9 = await insertCall({ tenantId: A.id, gatewayName: g1a, startedAt: at("03-10", "13:00:00"), disposition: "no_answer" });
  await insertCharge(c9, {
    ...p1(g1a),
    destination: null,
    answeredSec: 0,
    billedSecSell: 0,
    billedSecBuy: 0,
    priceMicros: 0n,
    costMicros: 0n,
  });
  // Calls without charges: attempts (busy, failed), and what is not an attempt.
  await insertCall({ tenantId: A.id, gatewayName: g1a, startedAt: at("03-11", "12:00:00"), disposition: "busy" });
  await insertCall({ tenantId: A.id, gatewayName: g1a, startedAt: at("03-11", "12:01:00"), disposition: "failed" });
  await insertCall({ tenantId: A.id, gatewayName: g1a, startedAt: at("03-11", "12:02:00"), disposition: "agent_missed" });
  await insertCall({ tenantId: A.id, gatewayName: g1a, startedAt: at("03-11", "12:03:00"), direction: "inbound", billsec: 50 });
  await insertCall({ tenantId: A.id, gatewayName: g1a, startedAt: at("03-11", "12:04:00"), state: "answered", disposition: null });
  // c15: answered on g1b, not rated yet: traffic only.
  await insertCall({ tenantId: B.id, gatewayName: g1b, startedAt: at("03-12", "12:00:00"), billsec: 200 });
});

describe("admin.billingReports over a month of known calls", () => {
  const totals = money({
    calls: 6,
    answeredCalls: 5,
    answeredSec: 881,
    billedSecSell: 912,
    billedSecBuy: 1021,
    revenueMicros: 1_422_004n,
    costMicros: 850_501n,
    marginMicros: 571_503n,
    marginBasisPoints: 4019,
  });

  it("summary: money of rated charges, unratable apart, ASR/ACD of gateway attempts", async () => {
    const summary = await root.admin.billingReports.summary({ range: march });
    expect(summary.range).toEqual({ from: `${Y}-03-01`, to: `${Y}-03-31`, days: 31 });
    expect(summary.totals).toEqual(totals);
    expect(summary.unratableCalls).toBe(1);
    // Attempts: c1 c2 c3 c4 c5 c8 c9 busy failed c15; answered: c1 c2 c3 c4 c5 c8 c15.
    expect(summary.traffic).toEqual(traffic(10, 7, 1121, 160));
    // To the centavo: each sum is rounded once.
    expect([summary.totals.revenueMicros, summary.totals.costMicros, summary.totals.marginMicros].map(microsToCents)).toEqual([
      142n,
      85n,
      57n,
    ]);
  });

  it("byDay: every São Paulo day of the range, a 23:30 local call on its local day", async () => {
    const { days } = await root.admin.billingReports.byDay({ range: march });
    expect(days).toHaveLength(31);
    expect(days[0]).toEqual({
      day: `${Y}-03-01`,
      ...money({
        calls: 2,
        answeredCalls: 2,
        answeredSec: 95,
        billedSecSell: 96,
        billedSecBuy: 180,
        revenueMicros: 108_500n,
        costMicros: 60_000n,
        marginMicros: 48_500n,
        marginBasisPoints: 4470,
      }),
    });
    expect(days[1]).toMatchObject({ day: `${Y}-03-02`, calls: 1, revenueMicros: 178_504n, marginBasisPoints: 6639 });
    expect(days[4]).toMatchObject({ day: `${Y}-03-05`, calls: 1, revenueMicros: 1_000_000n });
    expect(days[9]).toMatchObject({ day: `${Y}-03-10`, calls: 1, answeredCalls: 0, revenueMicros: 0n, marginBasisPoints: null });
    expect(days[30]).toMatchObject({ day: `${Y}-03-31`, calls: 1, revenueMicros: 135_000n, costMicros: 30_500n });
    expect(days.filter((d) => d.calls > 0).map((d) => d.day.slice(5))).toEqual(["03-01", "03-02", "03-05", "03-10", "03-31"]);
    expect(days[2]).toEqual({ day: `${Y}-03-03`, ...money({}) });
    expect(days.reduce((sum, d) => sum + d.revenueMicros, 0n)).toBe(totals.revenueMicros);
  });

  it("a one-day range starts and ends at São Paulo midnights", async () => {
    const day = { preset: "custom" as const, from: `${Y}-03-02`, to: `${Y}-03-02` };
    const summary = await root.admin.billingReports.summary({ range: day });
    // c3 (00:00 local) is in; c2 (02:30Z the same UTC date, 23:30 local the day before) is not.
    expect(summary.totals).toMatchObject({ calls: 1, revenueMicros: 178_504n });
    expect(summary.traffic).toEqual(traffic(1, 1, 125, 125));
    const { days } = await root.admin.billingReports.byDay({ range: day });
    expect(days).toEqual([{ day: `${Y}-03-02`, ...summary.totals }]);
  });

  it("byTenant: largest revenue first, the rest as others", async () => {
    const a = money({
      calls: 4,
      answeredCalls: 3,
      answeredSec: 220,
      billedSecSell: 222,
      billedSecBuy: 360,
      revenueMicros: 287_004n,
      costMicros: 120_001n,
      marginMicros: 167_003n,
      marginBasisPoints: 5819,
    });
    const b = money({
      calls: 2,
      answeredCalls: 2,
      answeredSec: 661,
      billedSecSell: 690,
      billedSecBuy: 661,
      revenueMicros: 1_135_000n,
      costMicros: 730_500n,
      marginMicros: 404_500n,
      marginBasisPoints: 3564,
    });
    const all = await root.admin.billingReports.byTenant({ range: march });
    expect(all.rows).toEqual([
      { tenantId: B.id, slug: B.slug, name: B.name, ...b },
      { tenantId: A.id, slug: A.slug, name: A.name, ...a },
    ]);
    expect(all.others).toBeNull();
    const top1 = await root.admin.billingReports.byTenant({ range: march, limit: 1 });
    expect(top1.rows.map((r) => r.tenantId)).toEqual([B.id]);
    expect(top1.others).toEqual({ count: 1, ...a });
  });

  it("byProvider: the buy side's provider", async () => {
    const { rows } = await root.admin.billingReports.byProvider({ range: march });
    expect(rows).toEqual([
      {
        providerId: P2.id,
        name: P2.name,
        ...money({
          calls: 2,
          answeredCalls: 2,
          answeredSec: 661,
          billedSecSell: 690,
          billedSecBuy: 661,
          revenueMicros: 1_135_000n,
          costMicros: 730_500n,
          marginMicros: 404_500n,
          marginBasisPoints: 3564,
        }),
      },
      {
        providerId: P1.id,
        name: P1.name,
        ...money({
          calls: 4,
          answeredCalls: 3,
          answeredSec: 220,
          billedSecSell: 222,
          billedSecBuy: 360,
          revenueMicros: 287_004n,
          costMicros: 120_001n,
          marginMicros: 167_003n,
          marginBasisPoints: 5819,
        }),
      },
    ]);
  });

  it("byGateway: money of its charges beside ASR and ACD of its calls", async () => {
    const { rows } = await root.admin.billingReports.byGateway({ range: march });
    expect(rows).toEqual([
      {
        gatewayName: g2,
        providerName: P2.name,
        money: money({
          calls: 2,
          answeredCalls: 2,
          answeredSec: 661,
          billedSecSell: 690,
          billedSecBuy: 661,
          revenueMicros: 1_135_000n,
          costMicros: 730_500n,
          marginMicros: 404_500n,
          marginBasisPoints: 3564,
        }),
        // 661 / 2 = 330.5 → 331.
        traffic: traffic(2, 2, 661, 331),
      },
      {
        gatewayName: g1b,
        providerName: P1.name,
        money: money({
          calls: 1,
          answeredCalls: 1,
          answeredSec: 125,
          billedSecSell: 126,
          billedSecBuy: 180,
          revenueMicros: 178_504n,
          costMicros: 60_001n,
          marginMicros: 118_503n,
          marginBasisPoints: 6639,
        }),
        // c3 and the not-yet-rated c15: (125 + 200) / 2 = 162.5 → 163.
        traffic: traffic(2, 2, 325, 163),
      },
      {
        gatewayName: g1a,
        providerName: P1.name,
        money: money({
          calls: 3,
          answeredCalls: 2,
          answeredSec: 95,
          billedSecSell: 96,
          billedSecBuy: 180,
          revenueMicros: 108_500n,
          costMicros: 60_000n,
          marginMicros: 48_500n,
          marginBasisPoints: 4470,
        }),
        // c1 c2 c8 c9 busy failed; answered c1 c2 c8: ASR 50 %, ACD 135 / 3 = 45.
        traffic: traffic(6, 3, 135, 45),
      },
    ]);
    expect(rows[2]!.traffic.asr).toBe(0.5);
  });

  it("byDestination: top N by revenue and others", async () => {
    const movel = money({
      calls: 3,
      answeredCalls: 3,
      answeredSec: 251,
      billedSecSell: 282,
      billedSecBuy: 361,
      revenueMicros: 407_004n,
      costMicros: 130_501n,
      marginMicros: 276_503n,
      marginBasisPoints: 6794,
    });
    const fixo = money({
      calls: 1,
      answeredCalls: 1,
      answeredSec: 30,
      billedSecSell: 30,
      billedSecBuy: 60,
      revenueMicros: 15_000n,
      costMicros: 20_000n,
      marginMicros: -5_000n,
      marginBasisPoints: -3333,
    });
    const all = await root.admin.billingReports.byDestination({ range: march });
    expect(all.rows.map((r) => r.destination)).toEqual(["EUA", "Brasil Móvel SP", "Brasil Fixo", null]);
    expect(all.rows[1]).toEqual({ destination: "Brasil Móvel SP", ...movel });
    expect(all.rows[2]).toEqual({ destination: "Brasil Fixo", ...fixo });
    expect(all.rows[3]).toEqual({ destination: null, ...money({ calls: 1 }) });
    expect(all.others).toBeNull();
    const top2 = await root.admin.billingReports.byDestination({ range: march, limit: 2 });
    expect(top2.rows.map((r) => r.destination)).toEqual(["EUA", "Brasil Móvel SP"]);
    // Brasil Fixo and the unanswered call without a destination.
    expect(top2.others).toEqual({ count: 2, ...fixo, calls: 2 });
  });
});

describe("admin.billingReports filters", () => {
  it("by tenant: only that tenant's charges and calls", async () => {
    const summary = await root.admin.billingReports.summary({ range: march, tenantId: A.id });
    expect(summary.totals).toMatchObject({ calls: 4, revenueMicros: 287_004n, costMicros: 120_001n, marginMicros: 167_003n });
    expect(summary.unratableCalls).toBe(1);
    // c1 c2 c3 c8 c9 busy failed; answered c1 c2 c3 c8.
    expect(summary.traffic).toEqual(traffic(7, 4, 260, 65));
    const tenants = await root.admin.billingReports.byTenant({ range: march, tenantId: A.id });
    expect(tenants.rows.map((r) => r.tenantId)).toEqual([A.id]);
    const other = await root.admin.billingReports.summary({ range: march, tenantId: B.id });
    expect(other.totals).toMatchObject({ calls: 2, revenueMicros: 1_135_000n });
    expect(other.unratableCalls).toBe(0);
  });

  it("by provider: its charges, and the calls of its gateways", async () => {
    const summary = await root.admin.billingReports.summary({ range: march, providerId: P1.id });
    expect(summary.totals).toMatchObject({ calls: 4, revenueMicros: 287_004n });
    expect(summary.unratableCalls).toBe(1);
    // g1a and g1b: c1 c2 c3 c8 c9 busy failed c15; answered c1 c2 c3 c8 c15: 460 / 5 = 92.
    expect(summary.traffic).toEqual(traffic(8, 5, 460, 92));
    const gateways = await root.admin.billingReports.byGateway({ range: march, providerId: P1.id });
    expect(gateways.rows.map((r) => r.gatewayName)).toEqual([g1b, g1a]);
  });

  it("by gateway, and filters combined", async () => {
    const g = await root.admin.billingReports.summary({ range: march, gatewayName: g1b });
    expect(g.totals).toMatchObject({ calls: 1, revenueMicros: 178_504n });
    expect(g.traffic).toEqual(traffic(2, 2, 325, 163));
    expect(g.unratableCalls).toBe(0);
    // B on g1b: no charge, one attempt (c15) that was answered.
    const combined = await root.admin.billingReports.byGateway({ range: march, tenantId: B.id, gatewayName: g1b });
    expect(combined.rows).toEqual([{ gatewayName: g1b, providerName: P1.name, money: money({}), traffic: traffic(1, 1, 200, 200) }]);
    const none = await root.admin.billingReports.summary({ range: march, tenantId: B.id, providerId: P1.id });
    expect(none.totals).toEqual(money({}));
    const days = await root.admin.billingReports.byDay({ range: march, tenantId: B.id, providerId: P1.id });
    expect(days.days.every((d) => d.calls === 0)).toBe(true);
  });

  it("filter options list the tenants, providers and gateways", async () => {
    const options = await root.admin.billingReports.filterOptions();
    expect(options.tenants).toContainEqual({ id: A.id, name: A.name, slug: A.slug });
    expect(options.providers).toContainEqual({ id: P1.id, name: P1.name });
    expect(options.gateways).toContainEqual({ name: g2, providerId: P2.id });
  });
});
