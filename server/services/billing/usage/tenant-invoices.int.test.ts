import { beforeAll, describe, expect, it } from "vitest";
import { billingWorkspace, insertInvoice, trpcError, type BillingWorkspace } from "@/server/routers/billing/billing.fixture";

// The tenant's invoice list merges one keyset page per visible status: paging through it must give
// every issued, paid and void invoice once, newest month first, and never a draft.

let ws: BillingWorkspace;
let other: BillingWorkspace;
let expected: { id: string; month: string }[];

beforeAll(async () => {
  [ws, other] = await Promise.all([billingWorkspace(), billingWorkspace()]);
  const seeds = [
    { month: "2025-01", status: "paid" },
    { month: "2025-02", status: "paid" },
    { month: "2025-03", status: "void" },
    // March again: the voided invoice was replaced by a new one.
    { month: "2025-03", status: "issued" },
    { month: "2025-04", status: "draft" },
    { month: "2025-05", status: "void" },
    { month: "2025-05", status: "draft" },
    { month: "2025-06", status: "issued" },
    { month: "2025-07", status: "paid" },
  ] as const;
  const rows = [];
  for (const seed of seeds) rows.push({ id: await insertInvoice(ws.tenant.id, seed), ...seed });
  expected = rows
    .filter((r) => r.status !== "draft")
    .sort((a, b) => (a.month === b.month ? (a.id < b.id ? 1 : -1) : a.month < b.month ? 1 : -1))
    .map(({ id, month }) => ({ id, month }));
  await insertInvoice(other.tenant.id, { month: "2025-06", status: "issued" });
});

describe("billing.invoices paging", () => {
  it.each([1, 2, 3, 7, 50])("with %i per page gives every visible invoice once, newest first", async (limit) => {
    const seen: { id: string; month: string }[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 20; pages++) {
      const page: Awaited<ReturnType<typeof ws.admin.caller.billing.invoices>> = await ws.admin.caller.billing.invoices({ cursor, limit });
      expect(page.items.length).toBeLessThanOrEqual(limit);
      seen.push(...page.items.map((i) => ({ id: i.id, month: i.month })));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual(expected);
  });

  it("ignores a cursor that is not one of the tenant's invoices (the first page, nothing of the other's)", async () => {
    const [theirs] = (await other.admin.caller.billing.invoices({})).items;
    const page = await ws.admin.caller.billing.invoices({ cursor: theirs!.id, limit: 50 });
    expect(page.items.map((i) => i.id)).toEqual(expected.map((e) => e.id));
  });

  it("filters by month: a voided invoice and its replacement; a month with only a draft has none", async () => {
    const march = await ws.admin.caller.billing.invoices({ month: "2025-03" });
    expect(march.items.map((i) => i.status).sort()).toEqual(["issued", "void"]);
    expect((await ws.admin.caller.billing.invoices({ month: "2025-04" })).items).toEqual([]);
  });

  it("refuses a page size over 50", async () => {
    expect((await trpcError(ws.admin.caller.billing.invoices({ limit: 51 }))).code).toBe("BAD_REQUEST");
  });
});
