import { randomUUID } from "node:crypto";
import superjson from "superjson";
import { beforeAll, describe, expect, it } from "vitest";
import { invoiceFileResponse } from "@/app/api/invoices/invoice-file-response";
import { withTenant } from "@/server/db";
import { sessionFor } from "@/server/services/calls/history/history.fixture";
import { callerFor } from "@/server/testing/callers";
import { ownerQuery } from "@/server/testing/owner-db";
import { allKeys, billingWorkspace, insertCharges, insertInvoice, trpcError, type BillingWorkspace } from "./billing.fixture";

// Issue 7, Must show 4: a tenant sees only its own usage and invoices, never cost or margin. Two
// throw-away tenants, both with usage and invoices, checked at each layer: the router's answers, the
// shape of what it returns, and the database refusing the tenant's role whatever a handler asks.

const MONTH = "2026-03";
const OTHER_MONTH = "2026-04";
const SECRET_GATEWAY = "gw-secret-isolation";
const FORBIDDEN_KEY = /cost|margin|buy|provider|gateway/i;

type Invoices = { issued: string; paid: string; void: string; draft: string };

let a: BillingWorkspace;
let b: BillingWorkspace;
let aInvoices: Invoices;
let bInvoices: Invoices;

async function invoicesOf(tenantId: string): Promise<Invoices> {
  return {
    issued: await insertInvoice(tenantId, { month: "2026-01", status: "issued" }),
    paid: await insertInvoice(tenantId, { month: "2026-02", status: "paid" }),
    void: await insertInvoice(tenantId, { month: MONTH, status: "void" }),
    draft: await insertInvoice(tenantId, { month: OTHER_MONTH, status: "draft" }),
  };
}

beforeAll(async () => {
  [a, b] = await Promise.all([billingWorkspace(), billingWorkspace()]);
  // A: two destinations in March (and one call in April that March must not count), one unratable.
  await insertCharges(a.tenant.id, [
    {
      startedAt: new Date("2026-03-05T13:00:00Z"),
      destination: "Brasil Móvel SP",
      billedSecSell: 90,
      priceMicros: 1_234_567n,
      costMicros: 600_000n,
      gatewayName: SECRET_GATEWAY,
    },
    {
      startedAt: new Date("2026-03-06T13:00:00Z"),
      destination: "Brasil Móvel SP",
      billedSecSell: 30,
      priceMicros: 45_000n,
      costMicros: 20_000n,
      gatewayName: SECRET_GATEWAY,
    },
    {
      startedAt: new Date("2026-03-07T13:00:00Z"),
      destination: "Brasil Fixo SP",
      billedSecSell: 60,
      priceMicros: 15_000n,
      costMicros: 5_000n,
      gatewayName: SECRET_GATEWAY,
    },
    { startedAt: new Date("2026-03-08T13:00:00Z"), status: "unratable" },
    { startedAt: new Date("2026-04-02T13:00:00Z"), destination: "Brasil Fixo SP", billedSecSell: 60, priceMicros: 99_000n },
  ]);
  // B: bigger, different destinations in the same month: any leak shows in A's totals.
  await insertCharges(b.tenant.id, [
    { startedAt: new Date("2026-03-05T14:00:00Z"), destination: "Internacional EUA", billedSecSell: 600, priceMicros: 9_999_999n },
    { startedAt: new Date("2026-03-09T14:00:00Z"), destination: "Internacional EUA", billedSecSell: 120, priceMicros: 7_000_000n },
    { startedAt: new Date("2026-03-09T15:00:00Z"), status: "unratable" },
    { startedAt: new Date("2026-03-09T16:00:00Z"), status: "unratable" },
  ]);
  [aInvoices, bInvoices] = await Promise.all([invoicesOf(a.tenant.id), invoicesOf(b.tenant.id)]);
});

describe("billing router: a tenant sees only its own usage and invoices", () => {
  // Fails if usageSummary read through an unscoped handle (withAdmin) or summed without the tenant:
  // B's 2 calls, 720 s and R$ 17,00 would be in A's figures, and B's destination in the list.
  it("A's admin gets A's usage totals exactly, none of B's", async () => {
    const usage = await a.admin.caller.billing.usage({ month: MONTH });
    expect(usage).toMatchObject({ month: MONTH, calls: 3, billedSeconds: 180, unratableCalls: 1 });
    // Móvel: 1,234567 + 0,045 = R$ 1,279567 → 128 centavos; Fixo: R$ 0,015 → 2 centavos (half away from zero).
    expect(usage.amountCents).toBe(130n);
    expect(usage.byDestination.map((d) => [d.destination, d.calls, d.billedSeconds, d.amountCents])).toEqual([
      ["Brasil Móvel SP", 2, 120, 128n],
      ["Brasil Fixo SP", 1, 60, 2n],
    ]);
    expect(usage.byDay.reduce((sum, d) => sum + d.calls, 0)).toBe(3);
    const bUsage = await b.admin.caller.billing.usage({ month: MONTH });
    expect(bUsage).toMatchObject({ calls: 2, billedSeconds: 720, amountCents: 1_700n, unratableCalls: 2 });
    expect(bUsage.byDestination.map((d) => d.destination)).toEqual(["Internacional EUA"]);
  });

  // Fails if the list took the tenant from anywhere but ctx.tenant, or passed drafts through.
  it("lists A's issued, paid and void invoices, never a draft, never B's", async () => {
    const page = await a.owner.caller.billing.invoices({ limit: 50 });
    expect(page.items.map((i) => i.id).sort()).toEqual([aInvoices.issued, aInvoices.paid, aInvoices.void].sort());
    expect(page.items.map((i) => i.month)).toEqual([MONTH, "2026-02", "2026-01"]);
    expect(page.items.every((i) => i.tenant.id === a.tenant.id)).toBe(true);
    expect(page.nextCursor).toBeNull();
  });

  // Fails if getTenantInvoice dropped its draft check, or the invoice were read with an unscoped handle.
  it("opens A's own invoice; B's, a draft and an unknown id are NOT_FOUND", async () => {
    const invoice = await a.admin.caller.billing.invoice({ id: aInvoices.paid });
    expect(invoice).toMatchObject({ id: aInvoices.paid, status: "paid", totalCents: 38_035n, tenant: { id: a.tenant.id } });
    expect(invoice.lines.map((l) => l.kind)).toEqual(["plan", "usage", "tax"]);
    for (const id of [bInvoices.issued, bInvoices.paid, aInvoices.draft, bInvoices.draft, randomUUID()]) {
      const error = await trpcError(a.admin.caller.billing.invoice({ id }));
      expect(error.code).toBe("NOT_FOUND");
      expect(error.message).toBe("billing.errors.invoice_not_found");
    }
  });

  // Fails if an output schema gained a cost, margin, buy-side, gateway or provider field (the
  // services' own selects have none; the .output() schemas strip anything they do not name).
  it("returns no cost, margin, buy rate, gateway or provider field anywhere", async () => {
    const answers = [
      await a.admin.caller.billing.usage({ month: MONTH }),
      await a.admin.caller.billing.usage({}),
      await a.admin.caller.billing.invoices({ limit: 50 }),
      await a.admin.caller.billing.invoice({ id: aInvoices.issued }),
    ];
    for (const answer of answers) {
      const keys = allKeys(answer);
      expect(keys.length).toBeGreaterThan(5);
      expect(keys.filter((k) => FORBIDDEN_KEY.test(k))).toEqual([]);
      // Nor any of their values: the gateway's name and A's cost amounts never travel.
      const wire = JSON.stringify(superjson.serialize(answer));
      expect(wire).not.toContain(SECRET_GATEWAY);
      expect(wire).not.toContain("600000");
    }
  });
});

describe("billing router: who may call it", () => {
  // Fails if the router's base procedure were tenantProcedure or roleProcedure("manager").
  it("refuses A's manager and rep (FORBIDDEN) on every procedure", async () => {
    for (const member of [a.manager, a.rep]) {
      expect((await trpcError(member.caller.billing.usage({}))).code).toBe("FORBIDDEN");
      expect((await trpcError(member.caller.billing.invoices({}))).code).toBe("FORBIDDEN");
      expect((await trpcError(member.caller.billing.invoice({ id: aInvoices.issued }))).code).toBe("FORBIDDEN");
    }
  });

  it("lets the owner, an admin and a read-only support session read", async () => {
    for (const caller of [a.owner.caller, a.admin.caller, a.support]) {
      expect((await caller.billing.usage({ month: MONTH })).calls).toBe(3);
      expect((await caller.billing.invoices({})).items).toHaveLength(3);
      expect((await caller.billing.invoice({ id: aInvoices.issued })).id).toBe(aInvoices.issued);
    }
  });

  it("answers on A's host only for A: B's admin on A's host is not signed in there", async () => {
    // B's admin session is scoped to B's slug; presenting it on A's host resolves no actor.
    const crossHost = await callerFor(b.admin.user.email, a.tenant.host, `tenant:${b.tenant.slug}`);
    expect((await trpcError(crossHost.billing.invoices({}))).code).toBe("UNAUTHORIZED");
  });
});

describe("the database refuses the tenant's role, whatever a handler asks", () => {
  const asA = <T>(sql: string) => withTenant(a.tenant.id, (db) => db.$queryRawUnsafe<T[]>(sql));
  const denied = /permission denied/;

  // Fail if the migration's column grants on CallCharge widened (e.g. GRANT SELECT ON "CallCharge").
  it.each(["costMicros", "marginMicros", "buyRateId", "billedSecBuy", "gatewayName", "providerId", "ratingRunId"])(
    'SELECT "%s" FROM "CallCharge" → permission denied',
    async (column) => {
      await expect(asA(`SELECT "${column}" FROM "CallCharge"`)).rejects.toThrow(denied);
    },
  );

  it("SELECT * and a Prisma findMany without a select (every column) are refused too", async () => {
    await expect(asA(`SELECT * FROM "CallCharge"`)).rejects.toThrow(denied);
    await expect(withTenant(a.tenant.id, (db) => db.callCharge.findMany())).rejects.toThrow(denied);
  });

  // Fail if the REVOKE on the operator's tables were dropped.
  it.each(["RateDeck", "RateDeckVersion", "Rate", "TaxRate", "BillingRun"])('SELECT from "%s" → permission denied', async (table) => {
    await expect(asA(`SELECT count(*) FROM "${table}"`)).rejects.toThrow(denied);
  });

  // Fail if the tenant's role got INSERT/UPDATE/DELETE back on charges or invoices.
  it.each([
    `UPDATE "Invoice" SET "voidReason" = 'x'`,
    `UPDATE "Invoice" SET status = 'paid'`,
    `DELETE FROM "Invoice"`,
    `INSERT INTO "Invoice" (id, "tenantId", period, "subtotalCents", "taxCents", "totalCents", "updatedAt")
       VALUES (gen_random_uuid(), current_setting('app.tenant_id')::uuid, '2026-05-01', 0, 0, 0, now())`,
    `UPDATE "InvoiceLine" SET "amountCents" = 0`,
    `UPDATE "CallCharge" SET "priceMicros" = 0`,
    `DELETE FROM "CallCharge"`,
    `INSERT INTO "CallCharge" (id, "tenantId", "callId", "callStartedAt", direction, number, status, "unratableReason", "answeredSec", "billedSecSell", "billedSecBuy")
       SELECT gen_random_uuid(), "tenantId", id, "startedAt", direction, '5511', 'unratable', 'x', 0, 0, 0 FROM "Call" LIMIT 1`,
  ])("%s → permission denied", async (sql) => {
    await expect(withTenant(a.tenant.id, (db) => db.$executeRawUnsafe(sql))).rejects.toThrow(denied);
  });

  // Fails if the tenant_isolation policy on CallCharge/Invoice were dropped or made permissive.
  it("with RLS, B's charges and invoices are invisible to A (count 0) while A's own are there", async () => {
    const count = async (sql: string, tenant: string) => Number((await asA<{ n: bigint }>(sql.replace("$T", `'${tenant}'`)))[0]!.n);
    expect(await count(`SELECT count(*) AS n FROM "CallCharge" WHERE "tenantId" = $T`, b.tenant.id)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM "Invoice" WHERE "tenantId" = $T`, b.tenant.id)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM "InvoiceLine" WHERE "tenantId" = $T`, b.tenant.id)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM "CallCharge" WHERE "tenantId" = $T`, a.tenant.id)).toBe(5);
    expect(await count(`SELECT count(*) AS n FROM "Invoice" WHERE "tenantId" = $T`, a.tenant.id)).toBe(4);
    // And B's rows really are there, seen by the tables' owner.
    const [owner] = await ownerQuery<{ n: string }>(`SELECT count(*) AS n FROM "CallCharge" WHERE "tenantId" = $1`, [b.tenant.id]);
    expect(Number(owner!.n)).toBe(4);
  });
});

describe("the invoice downloads on A's host", () => {
  const download = async (id: string, format: "pdf" | "csv", email = a.admin.user.email) => {
    const host = a.tenant.host;
    const request = new Request(`http://${host}/api/invoices/${id}/${format}`, { headers: { host, "accept-language": "pt-BR" } });
    return invoiceFileResponse(request, await sessionFor(email, a.tenant.slug), id, format);
  };

  // The routes answer through billing.invoice: fails if they read the invoice any other way.
  it("serve A's own invoice, and answer 404 for B's invoice and for A's draft", async () => {
    expect((await download(aInvoices.issued, "pdf")).status).toBe(200);
    expect((await download(aInvoices.paid, "csv")).status).toBe(200);
    for (const format of ["pdf", "csv"] as const) {
      for (const id of [bInvoices.issued, bInvoices.paid, aInvoices.draft]) {
        const response = await download(id, format);
        expect(response.status).toBe(404);
        expect(await response.text()).not.toContain(b.tenant.slug);
      }
    }
  });

  it("refuse A's manager (403)", async () => {
    expect((await download(aInvoices.issued, "pdf", a.manager.user.email)).status).toBe(403);
  });
});
