import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { ownerQuery } from "@/server/testing/owner-db";
import { insertPlan, insertTenant } from "@/server/services/plans/throwaway-tenant.fixture";
import { chargesOf, insertCall, insertDeck, insertGateway, insertProvider } from "@/server/services/billing/rating/rating.fixture";
import { RATING_LOCK_KEY } from "@/server/services/billing/rating/rating-lock";
import { queueRatingRun } from "@/server/services/billing/rating/rating-worker";
import { rateCallsTick } from "./rate-calls";

// The scheduled tick, narrowed to this file's tenants (a tick over every tenant would rate other
// test files' calls under their feet).

const runsOf = async (tenantId: string) =>
  (await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM "BillingRun" WHERE kind = 'rate' AND "tenantId" = $1`, [tenantId]))[0]!
    .n;

describe("rateCallsTick", () => {
  it("gives way to a run in progress elsewhere, then rates new calls, recording a run only when there are some", async () => {
    const plan = await insertPlan();
    const tenant = await insertTenant(plan.id);
    const provider = await insertProvider();
    const gateway = await insertGateway(provider.id);
    await insertDeck({ kind: "sell", planId: plan.id }, [{ prefix: "55", price: 60_000n }]);
    await insertDeck({ kind: "buy", providerId: provider.id }, [{ prefix: "55", price: 30_000n }]);
    const callId = await insertCall(tenant.id, {
      toNumber: "5511987654321",
      billsec: 61,
      gatewayName: gateway.name,
      startedAt: "2026-09-10T10:00:00-03:00",
    });

    // Another instance holds the rating lock: this one does not wait for it.
    const other = new pg.Client({ connectionString: inject("ownerUrl") });
    await other.connect();
    try {
      await other.query("SELECT pg_advisory_lock($1)", [RATING_LOCK_KEY]);
      expect(await rateCallsTick({ tenantIds: [tenant.id] })).toEqual({ ran: false });
    } finally {
      await other.query("SELECT pg_advisory_unlock($1)", [RATING_LOCK_KEY]);
      await other.end();
    }
    expect((await chargesOf([tenant.id])).size).toBe(0);
    expect(await runsOf(tenant.id)).toBe(0);

    expect(await rateCallsTick({ tenantIds: [tenant.id] })).toMatchObject({ ran: true, runs: 1, rated: 1, unratable: 0, failed: 0 });
    expect((await chargesOf([tenant.id])).get(callId)).toMatchObject({ status: "rated", priceMicros: "61000", costMicros: "30500" });
    expect(await runsOf(tenant.id)).toBe(1);

    // Nothing new: no empty run is recorded.
    expect(await rateCallsTick({ tenantIds: [tenant.id] })).toMatchObject({ ran: true, rated: 0 });
    expect(await runsOf(tenant.id)).toBe(1);
  });

  it("executes the console's queued runs", async () => {
    const plan = await insertPlan();
    const tenant = await insertTenant(plan.id);
    const runId = await queueRatingRun({
      kind: "rerate",
      periodStart: new Date("2026-09-01T03:00:00Z"),
      periodEnd: new Date("2026-10-01T03:00:00Z"),
      tenantId: tenant.id,
    });
    // This process's worker was woken too; whichever takes the lock first runs it, exactly once.
    await rateCallsTick({ tenantIds: [tenant.id] });
    let row: { status: string; total: number; error: string | null } | undefined;
    for (let waited = 0; waited < 20_000; waited += 100) {
      [row] = await ownerQuery<{ status: string; total: number; error: string | null }>(
        `SELECT status, total, error FROM "BillingRun" WHERE id = $1`,
        [runId],
      );
      if (row!.status === "done" || row!.status === "failed") break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(row).toEqual({ status: "done", total: 0, error: null });
  });
});
