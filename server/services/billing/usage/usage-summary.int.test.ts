import { beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@/server/db";
import { AppError } from "@/server/errors";
import { ownerQuery } from "@/server/testing/owner-db";
import {
  allocateBillingDid,
  billingWorkspace,
  insertCharges,
  trpcError,
  type BillingWorkspace,
} from "@/server/routers/billing/billing.fixture";
import { usageSummary } from "./usage-summary";

// The usage figures a tenant admin reconciles against the invoice: São Paulo month and day
// boundaries, per-destination rounding, unratable calls, and the current month's estimate.

let ws: BillingWorkspace;
const NOW = new Date("2026-11-10T15:00:00Z");
const RATED = new Date("2026-04-01T04:00:00Z");
const usageAt = (month: string | undefined, now = NOW) => withTenant(ws.tenant.id, (db) => usageSummary(db, ws.tenant.id, { month }, now));

beforeAll(async () => {
  ws = await billingWorkspace();
  // The tenant signed up mid-September (São Paulo): its plan is billed whole from October on.
  await ownerQuery(`UPDATE "Tenant" SET "createdAt" = '2026-09-15T12:00:00Z' WHERE id = $1`, [ws.tenant.id]);
  await insertCharges(ws.tenant.id, [
    // 23:30 on Feb 28th in São Paulo: February's, though March in UTC.
    { startedAt: new Date("2026-03-01T02:30:00Z"), destination: "Brasil Fixo SP", priceMicros: 500_000n },
    { startedAt: new Date("2026-03-01T03:00:00Z"), destination: "Brasil Fixo SP", billedSecSell: 60, priceMicros: 15_000n, ratedAt: RATED },
    {
      startedAt: new Date("2026-03-10T12:00:00Z"),
      destination: "Brasil Móvel SP",
      billedSecSell: 90,
      priceMicros: 1_234_567n,
      ratedAt: RATED,
    },
    {
      startedAt: new Date("2026-03-10T18:00:00Z"),
      destination: "Brasil Móvel SP",
      billedSecSell: 30,
      priceMicros: 45_000n,
      ratedAt: RATED,
    },
    { startedAt: new Date("2026-03-20T12:00:00Z"), destination: "Brasil Móvel SP", billedSecSell: 6, priceMicros: 0n, ratedAt: RATED },
    { startedAt: new Date("2026-03-21T12:00:00Z"), status: "unratable", ratedAt: new Date("2026-04-01T10:00:00Z") },
    // Unanswered: rated at nothing, counted nowhere (as on the invoice).
    {
      startedAt: new Date("2026-03-22T12:00:00Z"),
      destination: "Brasil Móvel RJ",
      answeredSec: 0,
      billedSecSell: 0,
      priceMicros: 0n,
      costMicros: 0n,
      ratedAt: RATED,
    },
    // 23:30 on Mar 31st in São Paulo: March's, though April in UTC.
    { startedAt: new Date("2026-04-01T02:30:00Z"), destination: "Brasil Fixo SP", billedSecSell: 60, priceMicros: 20_000n, ratedAt: RATED },
    { startedAt: new Date("2026-04-01T03:00:00Z"), destination: "Brasil Fixo SP", priceMicros: 700_000n },
    // The month under way (NOW is Nov 10th).
    { startedAt: new Date("2026-11-02T13:00:00Z"), destination: "Brasil Fixo SP", billedSecSell: 120, priceMicros: 2_500_000n },
    { startedAt: new Date("2026-11-09T13:00:00Z"), destination: "Brasil Móvel SP", billedSecSell: 60, priceMicros: 1_005_000n },
  ]);
  await allocateBillingDid(ws.tenant.id, "10.00", new Date("2026-10-02T12:00:00Z"));
  // Priced at zero: no line on the invoice, none in the estimate.
  await allocateBillingDid(ws.tenant.id, "0.00", new Date("2026-10-02T12:00:00Z"));
  // Nov 16th in São Paulo: 15 of November's 30 days.
  await allocateBillingDid(ws.tenant.id, "30.00", new Date("2026-11-16T12:00:00Z"));
});

describe("usage of a past month", () => {
  it("counts calls by their São Paulo start day, and rounds each destination to centavos", async () => {
    const usage = await usageAt("2026-03");
    expect(usage).toMatchObject({
      month: "2026-03",
      currentMonth: "2026-11",
      calls: 5,
      billedSeconds: 246,
      unratableCalls: 1,
      estimate: null,
    });
    // Móvel: 1,234567 + 0,045 + 0 = 1,279567 → R$ 1,28; Fixo: 0,015 + 0,02 = 0,035 → R$ 0,04 (half away from zero).
    expect(usage.byDestination).toEqual([
      { destination: "Brasil Móvel SP", calls: 3, billedSeconds: 126, amountCents: 128n },
      { destination: "Brasil Fixo SP", calls: 2, billedSeconds: 120, amountCents: 4n },
    ]);
    expect(usage.amountCents).toBe(132n);
    expect(usage.lastRatedAt).toEqual(new Date("2026-04-01T10:00:00Z"));
  });

  it("gives every day of the month, zeros included, each call on its São Paulo day", async () => {
    const { byDay } = await usageAt("2026-03");
    expect(byDay).toHaveLength(31);
    expect(byDay[0]).toEqual({ date: "2026-03-01", calls: 1, amountCents: 2n });
    expect(byDay.find((d) => d.date === "2026-03-10")).toEqual({ date: "2026-03-10", calls: 2, amountCents: 128n });
    expect(byDay.at(-1)).toEqual({ date: "2026-03-31", calls: 1, amountCents: 2n });
    expect(byDay.filter((d) => d.calls > 0)).toHaveLength(4);
  });

  it("puts the edge calls in their neighbours' months", async () => {
    expect((await usageAt("2026-02")).byDestination).toEqual([
      { destination: "Brasil Fixo SP", calls: 1, billedSeconds: 60, amountCents: 50n },
    ]);
    expect((await usageAt("2026-04")).amountCents).toBe(70n);
  });

  it("answers an empty month with zeros, not an error", async () => {
    const usage = await usageAt("2026-06");
    expect(usage).toMatchObject({ calls: 0, billedSeconds: 0, amountCents: 0n, unratableCalls: 0, lastRatedAt: null, byDestination: [] });
    expect(usage.byDay).toHaveLength(30);
  });
});

describe("the month under way", () => {
  it("runs the day series up to today and offers the months back to the tenant's first", async () => {
    const usage = await usageAt(undefined);
    expect(usage.month).toBe("2026-11");
    expect(usage.months).toEqual(["2026-11", "2026-10", "2026-09"]);
    expect(usage.byDay.map((d) => d.date)).toEqual(Array.from({ length: 10 }, (_, i) => `2026-11-${String(i + 1).padStart(2, "0")}`));
    expect(usage).toMatchObject({ calls: 2, billedSeconds: 180, amountCents: 351n });
  });

  it("estimates plan + DIDs (pro rata from a start during the month) + usage so far, before taxes", async () => {
    const { estimate } = await usageAt("2026-11");
    expect(estimate).not.toBeNull();
    expect(estimate!.daysInMonth).toBe(30);
    expect(estimate!.plan).toMatchObject({ label: "Test plan", monthlyCents: 34_990n, days: 30, amountCents: 34_990n });
    expect(estimate!.dids.map((d) => [d.monthlyCents, d.days, d.amountCents]).sort()).toEqual([
      [1_000n, 30, 1_000n],
      [3_000n, 15, 1_500n],
    ]);
    expect(estimate).toMatchObject({ recurringCents: 37_490n, usageCents: 351n, totalCents: 37_841n });
  });

  it("prorates the plan of a tenant that signed up this month", async () => {
    const { estimate } = await usageAt("2026-09", new Date("2026-09-20T15:00:00Z"));
    // Sept 15th to 30th: 16 of 30 days of R$ 349,90 = R$ 186,61.
    expect(estimate!.plan).toMatchObject({ days: 16, amountCents: 18_661n });
  });
});

describe("bad months", () => {
  it("refuses a future month with a field error", async () => {
    const error = await usageAt("2026-12").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "INVALID_INPUT", details: { fieldErrors: { month: ["billing.errors.future_month"] } } });
  });

  it("refuses a malformed month at the router's edge", async () => {
    const error = await trpcError(ws.admin.caller.billing.usage({ month: "2026-13" }));
    expect(error.code).toBe("BAD_REQUEST");
  });
});
