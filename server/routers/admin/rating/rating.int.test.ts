import { getTRPCErrorShape, TRPCError } from "@trpc/server";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { RatingRunView } from "@/lib/schemas/billing-rating";
import { anonymousCaller, callerFor } from "@/server/testing/callers";
import { ownerQuery } from "@/server/testing/owner-db";
import { appRouter } from "@/server/trpc/root";
import { insertMember, insertPlan, insertTenant } from "@/server/services/plans/throwaway-tenant.fixture";
import { chargesOf, insertCall, insertDeck, insertGateway, insertProvider } from "@/server/services/billing/rating/rating.fixture";

// admin.rating as the console calls it: runs are queued, executed by this process's worker and
// polled. Every run here names one of this file's tenants, so other files' calls are left alone.

type Caller = Awaited<ReturnType<typeof callerFor>>;

async function trpcError(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

/** The error as the HTTP handler formats it (English). */
async function formatted(promise: Promise<unknown>) {
  const error = await trpcError(promise);
  return getTRPCErrorShape({
    config: appRouter._def._config,
    error,
    type: "mutation",
    path: undefined,
    input: undefined,
    ctx: { locale: "en" } as never,
  });
}

async function finished(root: Caller, id: string): Promise<RatingRunView> {
  for (let waited = 0; waited < 30_000; waited += 100) {
    const run = await root.admin.rating.run({ id });
    if (run.status === "done" || run.status === "failed") return run;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`run ${id} did not finish`);
}

const SEPT = "2026-09-15T10:00:00-03:00";

describe("admin.rating", () => {
  let root: Caller;
  let tenantA: { id: string; slug: string; name: string };
  let tenantB: { id: string; slug: string; name: string };

  beforeAll(async () => {
    root = await callerFor("root@linha.local", "admin.localhost:3000");
    const plan = await insertPlan();
    tenantA = await insertTenant(plan.id);
    tenantB = await insertTenant(plan.id);
    const provider = await insertProvider();
    const gateway = await insertGateway(provider.id);
    await insertDeck({ kind: "sell", planId: plan.id }, [{ prefix: "55", description: "Brasil", price: 60_000n }]);
    await insertDeck({ kind: "buy", providerId: provider.id }, [{ prefix: "55", price: 30_000n }]);
    const orphan = await insertGateway((await insertProvider()).id);
    await insertCall(tenantA.id, { toNumber: "5511987654321", billsec: 60, gatewayName: gateway.name, startedAt: SEPT });
    await insertCall(tenantA.id, { toNumber: "5491155554444", billsec: 60, gatewayName: gateway.name, startedAt: SEPT });
    await insertCall(tenantA.id, {
      toNumber: "4930123456",
      billsec: 30,
      gatewayName: gateway.name,
      startedAt: "2026-09-16T10:00:00-03:00",
    });
    await insertCall(tenantB.id, { toNumber: "5511987654321", billsec: 60, gatewayName: orphan.name, startedAt: SEPT });
  });

  describe("who may call it", () => {
    it("refuses tenant users, on their host or the console's, and anonymous callers", async () => {
      const ana = await callerFor("ana@acme.test", "acme.localhost:3000");
      const member = await insertMember(tenantA.id, "owner");
      const ownerOnConsole = await callerFor(member.email, "admin.localhost:3000", "admin");
      for (const caller of [ana, ownerOnConsole]) {
        expect((await trpcError(caller.admin.rating.runs({}))).code).toBe("FORBIDDEN");
        expect((await trpcError(caller.admin.rating.run({ id: randomUUID() }))).code).toBe("FORBIDDEN");
        expect((await trpcError(caller.admin.rating.rateNow({ tenantId: tenantA.id }))).code).toBe("FORBIDDEN");
        expect((await trpcError(caller.admin.rating.rerate({ month: "2026-09", tenantId: tenantA.id }))).code).toBe("FORBIDDEN");
        expect((await trpcError(caller.admin.rating.unratable({}))).code).toBe("FORBIDDEN");
        expect((await trpcError(caller.admin.rating.unratableSummary({}))).code).toBe("FORBIDDEN");
        expect((await trpcError(caller.admin.rating.tenantOptions({}))).code).toBe("FORBIDDEN");
      }
      expect((await trpcError(anonymousCaller("admin.localhost:3000").admin.rating.runs({}))).code).toBe("UNAUTHORIZED");
      // Nothing was queued by the refused calls.
      const [queued] = await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM "BillingRun" WHERE "tenantId" = $1`, [tenantA.id]);
      expect(queued!.n).toBe(0);
    });
  });

  describe("rateNow", () => {
    it("queues a run that rates the company's new calls, polled to the end, and audits it", async () => {
      const { runId } = await root.admin.rating.rateNow({ tenantId: tenantA.id });
      const run = await finished(root, runId);
      expect(run).toMatchObject({
        kind: "rate",
        status: "done",
        tenant: { id: tenantA.id, slug: tenantA.slug },
        total: 3,
        processed: 3,
        rated: 1,
        unratable: 2,
        skipped: 0,
        error: null,
        requestedBy: "root@linha.local",
        periodStart: null,
      });
      expect(run.startedAt).toBeInstanceOf(Date);
      expect(run.finishedAt).toBeInstanceOf(Date);
      expect((await chargesOf([tenantA.id])).size).toBe(3);
      // Tenant B was not part of it.
      expect((await chargesOf([tenantB.id])).size).toBe(0);
      const audit = await ownerQuery(
        `SELECT action, "actorEmail", after FROM "AuditLog" WHERE "objectType" = 'billing_run' AND "objectId" = $1`,
        [runId],
      );
      expect(audit).toEqual([{ action: "billing_run.rate", actorEmail: "root@linha.local", after: { tenant: tenantA.slug } }]);
    });

    it("answers NOT_FOUND for an unknown company", async () => {
      const error = await trpcError(root.admin.rating.rateNow({ tenantId: randomUUID() }));
      expect(error.code).toBe("NOT_FOUND");
    });
  });

  describe("unratable", () => {
    it("lists the company's unratable calls with company, number and reason, newest first, page by page", async () => {
      const first = await root.admin.rating.unratable({ tenantId: tenantA.id, limit: 1 });
      expect(first.items).toHaveLength(1);
      expect(first.items[0]).toMatchObject({
        tenant: { id: tenantA.id, slug: tenantA.slug, name: tenantA.name },
        number: "4930123456",
        direction: "outbound",
        reason: "no_sell_rate",
        answeredSec: 30,
        destination: null,
      });
      expect(first.items[0]!.callStartedAt.toISOString()).toBe(new Date("2026-09-16T10:00:00-03:00").toISOString());
      expect(first.nextCursor).toBe(first.items[0]!.id);
      const second = await root.admin.rating.unratable({ tenantId: tenantA.id, limit: 1, cursor: first.nextCursor! });
      expect(second.items.map((item) => item.number)).toEqual(["5491155554444"]);
      expect(second.nextCursor).toBeNull();
      expect(await root.admin.rating.unratableSummary({ tenantId: tenantA.id })).toEqual({
        total: 2,
        byReason: { no_sell_deck: 0, no_sell_rate: 2, no_buy_deck: 0, no_buy_rate: 0 },
      });
    });

    it("keeps each company's calls to itself: filtering by one never shows another's", async () => {
      expect((await root.admin.rating.unratable({ tenantId: tenantB.id })).items).toEqual([]);
      const run = await finished(root, (await root.admin.rating.rateNow({ tenantId: tenantB.id })).runId);
      expect(run).toMatchObject({ status: "done", total: 1, unratable: 1 });
      const b = await root.admin.rating.unratable({ tenantId: tenantB.id });
      expect(b.items.map((item) => [item.tenant.id, item.reason])).toEqual([[tenantB.id, "no_buy_deck"]]);
      expect(b.items[0]!.destination).toBe("Brasil");
      const a = await root.admin.rating.unratable({ tenantId: tenantA.id, reason: "no_buy_deck" });
      expect(a.items).toEqual([]);
    });

    it("refuses a cursor that is not one of its rows", async () => {
      const shape = await formatted(root.admin.rating.unratable({ cursor: randomUUID() }));
      expect(shape.data.code).toBe("BAD_REQUEST");
      expect(shape.data.fieldErrors).toEqual({ cursor: ["The list changed. Go back to the start."] });
    });
  });

  describe("rerate", () => {
    it("refuses a period that has not started, both forms at once, and dates out of order, with field errors", async () => {
      const next = new Date();
      next.setUTCMonth(next.getUTCMonth() + 2);
      const future = next.toISOString().slice(0, 7);
      expect((await formatted(root.admin.rating.rerate({ month: future }))).data.fieldErrors).toEqual({
        month: ["This period has not started yet."],
      });
      expect((await formatted(root.admin.rating.rerate({ from: `${future}-01`, to: `${future}-02` }))).data.fieldErrors).toEqual({
        from: ["This period has not started yet."],
      });
      expect((await formatted(root.admin.rating.rerate({}))).data.fieldErrors).toEqual({ month: ["Choose a month or a date range."] });
      expect(
        (await formatted(root.admin.rating.rerate({ month: "2026-09", from: "2026-09-01", to: "2026-09-02" }))).data.fieldErrors,
      ).toEqual({
        month: ["Choose a month or a date range, not both."],
      });
      expect((await formatted(root.admin.rating.rerate({ from: "2026-09-10", to: "2026-09-01" }))).data.fieldErrors).toEqual({
        to: ["The end date must be on or after the start date."],
      });
      expect((await formatted(root.admin.rating.rerate({ from: "2026-02-30", to: "2026-03-01" }))).data.fieldErrors).toEqual({
        from: ["Invalid date."],
      });
      expect((await formatted(root.admin.rating.rerate({ month: "2026-13" }))).data.code).toBe("BAD_REQUEST");
      expect((await trpcError(root.admin.rating.rerate({ month: "2026-09", tenantId: randomUUID() }))).code).toBe("NOT_FOUND");
    });

    it("queues a re-rating of a São Paulo month for one company, gives the same charges, and audits it", async () => {
      const before = [...(await chargesOf([tenantA.id])).values()].map(({ ratingRunId: _r, ...row }) => row);
      const { runId } = await root.admin.rating.rerate({ month: "2026-09", tenantId: tenantA.id });
      const run = await finished(root, runId);
      expect(run).toMatchObject({
        kind: "rerate",
        status: "done",
        total: 3,
        rated: 1,
        unratable: 2,
        skipped: 0,
        tenant: { id: tenantA.id },
      });
      expect(run.periodStart!.toISOString()).toBe("2026-09-01T03:00:00.000Z");
      expect(run.periodEnd!.toISOString()).toBe("2026-10-01T03:00:00.000Z");
      const after = [...(await chargesOf([tenantA.id])).values()];
      expect(after.every((row) => row.ratingRunId === runId)).toBe(true);
      expect(after.map(({ ratingRunId: _r, ...row }) => row).sort((a, b) => (a.callId < b.callId ? -1 : 1))).toEqual(
        before.sort((a, b) => (a.callId < b.callId ? -1 : 1)),
      );
      const [audit] = await ownerQuery(`SELECT action, after FROM "AuditLog" WHERE "objectType" = 'billing_run' AND "objectId" = $1`, [
        runId,
      ]);
      expect(audit).toEqual({
        action: "billing_run.rerate",
        after: { period: "2026-09", periodStart: "2026-09-01T03:00:00.000Z", periodEnd: "2026-10-01T03:00:00.000Z", tenant: tenantA.slug },
      });
    });

    it("takes a range of days, both inclusive", async () => {
      const run = await finished(
        root,
        (await root.admin.rating.rerate({ from: "2026-09-16", to: "2026-09-16", tenantId: tenantA.id })).runId,
      );
      expect(run).toMatchObject({ status: "done", total: 1, unratable: 1 });
      expect(run.periodStart!.toISOString()).toBe("2026-09-16T03:00:00.000Z");
      expect(run.periodEnd!.toISOString()).toBe("2026-09-17T03:00:00.000Z");
    });
  });

  describe("runs and run", () => {
    it("lists rating runs newest first, page by page", async () => {
      const ours = await ownerQuery<{ id: string }>(
        `SELECT id FROM "BillingRun" WHERE "tenantId" = ANY($1::uuid[]) AND kind IN ('rate', 'rerate') ORDER BY "createdAt" DESC, id DESC`,
        [[tenantA.id, tenantB.id]],
      );
      // rateNow A, rateNow B, rerate September A, rerate 16 September A.
      expect(ours.length).toBe(4);
      // Other files' runs interleave: walk pages until ours are all seen, checking the order.
      const seen: RatingRunView[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 50; page++) {
        const result = await root.admin.rating.runs({ limit: 2, cursor });
        seen.push(...result.items);
        if (!result.nextCursor || ours.every((run) => seen.some((s) => s.id === run.id))) break;
        cursor = result.nextCursor;
      }
      const ordered = seen.filter((run) => ours.some((o) => o.id === run.id)).map((run) => run.id);
      expect(ordered).toEqual(ours.map((run) => run.id));
      for (let i = 1; i < seen.length; i++) expect(seen[i - 1]!.createdAt.getTime()).toBeGreaterThanOrEqual(seen[i]!.createdAt.getTime());
    });

    it("answers NOT_FOUND for an unknown run and for a run that is not a rating run", async () => {
      expect((await trpcError(root.admin.rating.run({ id: randomUUID() }))).code).toBe("NOT_FOUND");
      const [invoiceRun] = await ownerQuery<{ id: string }>(
        `INSERT INTO "BillingRun" (id, kind, status, "periodStart", "periodEnd", "tenantId") VALUES (gen_random_uuid(), 'invoice', 'done', '2026-09-01T03:00Z', '2026-10-01T03:00Z', $1) RETURNING id`,
        [tenantB.id],
      );
      const error = await formatted(root.admin.rating.run({ id: invoiceRun!.id }));
      expect(error.data.code).toBe("NOT_FOUND");
      expect(error.message).toBe("Run not found.");
    });
  });

  describe("tenantOptions", () => {
    it("finds companies by slug and always includes the selected one", async () => {
      expect(await root.admin.rating.tenantOptions({ search: tenantA.slug })).toEqual([
        { id: tenantA.id, slug: tenantA.slug, name: tenantA.name },
      ]);
      const withSelected = await root.admin.rating.tenantOptions({ search: tenantA.slug, selectedId: tenantB.id });
      expect(withSelected.map((t) => t.id)).toEqual([tenantB.id, tenantA.id]);
    });
  });
});
