import { getTRPCErrorShape, TRPCError } from "@trpc/server";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { billableTenant, insertCallsWithCharges, sp } from "@/server/services/billing/invoices/invoice.fixture";
import { runInvoices } from "@/server/services/billing/invoices/run-invoices";
import { anonymousCaller, callerFor } from "@/server/testing/callers";
import { ownerQuery, tenantId } from "@/server/testing/owner-db";
import { appRouter } from "@/server/trpc/root";

type Caller = Awaited<ReturnType<typeof callerFor>>;

const MONTH = "2025-09";
const AFTER = new Date("2025-10-03T12:00:00Z");

async function trpcError(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

/** The error as the HTTP handler formats it (English, as callerFor's context asks). */
async function formatted(promise: Promise<unknown>) {
  const error = await trpcError(promise);
  const shape = getTRPCErrorShape({
    config: appRouter._def._config,
    error,
    type: "mutation",
    path: undefined,
    input: undefined,
    ctx: { locale: "en" } as never,
  });
  return { code: error.code, message: shape.message, fieldErrors: (shape.data as { fieldErrors?: Record<string, string[]> }).fieldErrors };
}

/** A throw-away tenant with a draft for MONTH (one rated call), made by the real run. */
async function draftFor() {
  const tenant = await billableTenant();
  await insertCallsWithCharges(tenant.id, [
    { startedAt: sp("2025-09-10T10:00:00"), billsec: 60, charge: { destination: "Brasil Fixo", billedSecSell: 60, priceMicros: 100_000n } },
  ]);
  await runInvoices({ month: MONTH, tenantId: tenant.id, now: AFTER }, { rateFirst: false, taxes: [] });
  const [row] = await ownerQuery<{ id: string }>(`SELECT id FROM "Invoice" WHERE "tenantId" = $1 AND status = 'draft'`, [tenant.id]);
  return { tenant, invoiceId: row!.id };
}

async function auditOf(objectId: string) {
  return ownerQuery<{ action: string; actorEmail: string; tenantId: string | null; before: unknown; after: unknown }>(
    `SELECT action, "actorEmail", "tenantId", before, after FROM "AuditLog" WHERE "objectId" = $1 ORDER BY "createdAt", id`,
    [objectId],
  );
}

async function untilFinished(root: Caller, runId: string) {
  for (let i = 0; i < 100; i++) {
    const run = await root.admin.invoices.runStatus({ runId });
    if (run.status === "done" || run.status === "failed") return run;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the run did not finish");
}

describe("admin.invoices", () => {
  let root: Caller;
  beforeAll(async () => {
    root = await callerFor("root@linha.local", "admin.localhost:3000");
  });

  it("refuses tenant users on their host and on the console's, and anonymous callers; nothing changes", async () => {
    const { invoiceId } = await draftFor();
    const callers: [string, Caller, string][] = [
      ["ana (admin) on acme", await callerFor("ana@acme.test", "acme.localhost:3000"), "FORBIDDEN"],
      ["rui (rep) on acme", await callerFor("rui@acme.test", "acme.localhost:3000"), "FORBIDDEN"],
      ["ana's acme session on the console", await callerFor("ana@acme.test", "admin.localhost:3000", "tenant:acme"), "FORBIDDEN"],
      ["ana with a console-scoped session", await callerFor("ana@acme.test", "admin.localhost:3000"), "FORBIDDEN"],
      ["anonymous", anonymousCaller("admin.localhost:3000") as Caller, "UNAUTHORIZED"],
    ];
    const before = await ownerQuery(`SELECT status, number FROM "Invoice" WHERE id = $1`, [invoiceId]);
    for (const [who, caller, code] of callers) {
      const attempts = [
        caller.admin.invoices.list({}),
        caller.admin.invoices.get({ id: invoiceId }),
        caller.admin.invoices.run({ month: MONTH }),
        caller.admin.invoices.issue({ id: invoiceId }),
        caller.admin.invoices.markPaid({ id: invoiceId }),
        caller.admin.invoices.void({ id: invoiceId, reason: "não" }),
        caller.admin.invoices.taxes.list(),
        caller.admin.invoices.taxes.create({ name: `X ${randomUUID().slice(0, 6)}`, percent: "1", active: false }),
      ];
      for (const attempt of attempts) expect([who, (await trpcError(attempt)).code]).toEqual([who, code]);
    }
    expect(await ownerQuery(`SELECT status, number FROM "Invoice" WHERE id = $1`, [invoiceId])).toEqual(before);
  });

  it("lists by month, status and company with keyset pages, and gets one invoice; an unknown id is NOT_FOUND", async () => {
    const a = await draftFor();
    const b = await draftFor();
    const both = await root.admin.invoices.list({ month: MONTH, tenantId: a.tenant.id });
    expect(both.items.map((i) => i.id)).toEqual([a.invoiceId]);
    expect(both.items[0]).toMatchObject({ month: MONTH, status: "draft", tenant: { id: a.tenant.id, name: a.tenant.name } });

    const drafts = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<Caller["admin"]["invoices"]["list"]>> = await root.admin.invoices.list({
        month: MONTH,
        status: "draft",
        limit: 1,
        cursor,
      });
      expect(page.items.length).toBeLessThanOrEqual(1);
      drafts.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(drafts).toEqual(expect.arrayContaining([a.invoiceId, b.invoiceId]));
    expect(new Set(drafts).size).toBe(drafts.length);
    expect((await root.admin.invoices.list({ month: MONTH, status: "paid", tenantId: a.tenant.id })).items).toEqual([]);

    const invoice = await root.admin.invoices.get({ id: b.invoiceId });
    expect(invoice.lines.map((l) => l.kind)).toEqual(["plan", "usage"]);
    expect((await trpcError(root.admin.invoices.get({ id: randomUUID() }))).code).toBe("NOT_FOUND");
    expect((await root.admin.invoices.tenantOptions({ search: a.tenant.slug })).map((t) => t.id)).toEqual([a.tenant.id]);
  });

  it("starts a run in the background that the console polls to the end, audited; latestRun finds it", async () => {
    const tenant = await billableTenant();
    const started = await root.admin.invoices.run({ month: MONTH, tenantId: tenant.id });
    expect(started.created).toBe(true);
    const run = await untilFinished(root, started.runId);
    expect(run).toMatchObject({ status: "done", month: MONTH, total: 1, processed: 1, drafted: 1, tenant: { id: tenant.id } });
    expect((await root.admin.invoices.latestRun({ month: MONTH }))?.createdAt.getTime()).toBeGreaterThanOrEqual(run.createdAt.getTime());
    const [invoice] = await ownerQuery<{ id: string }>(`SELECT id FROM "Invoice" WHERE "tenantId" = $1`, [tenant.id]);
    const view = await root.admin.invoices.get({ id: invoice!.id });
    // Whatever taxes are active right now (other files edit them), the total adds up.
    expect(view.totalCents).toBe(view.subtotalCents + view.lines.filter((l) => l.kind === "tax").reduce((s, l) => s + l.amountCents, 0n));
    expect(await auditOf(started.runId)).toEqual([
      {
        action: "invoice_run.start",
        actorEmail: "root@linha.local",
        tenantId: tenant.id,
        before: null,
        after: { month: MONTH, tenantId: tenant.id },
      },
    ]);
    const monthInFuture = await formatted(root.admin.invoices.run({ month: "2999-01" }));
    expect(monthInFuture).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { month: ["This month has not started yet."] } });
    expect((await trpcError(root.admin.invoices.runStatus({ runId: randomUUID() }))).code).toBe("NOT_FOUND");
  });

  it("runs every billable company when none is named: active and suspended ones, not archived ones", async () => {
    // 2001-01: only the tenants made here were customers then (others are created now, or in 2020, and hold no number then).
    const active = await billableTenant({ createdAt: sp("2000-06-01T10:00:00") });
    const suspended = await billableTenant({ createdAt: sp("2000-06-01T10:00:00") });
    const archived = await billableTenant({ createdAt: sp("2000-06-01T10:00:00") });
    await ownerQuery(`UPDATE "Tenant" SET status = 'suspended' WHERE id = $1`, [suspended.id]);
    await ownerQuery(`UPDATE "Tenant" SET status = 'archived' WHERE id = $1`, [archived.id]);
    const [{ n }] = (await ownerQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Tenant" t WHERE status IN ('active', 'suspended') AND ("createdAt" < '2001-02-01T03:00:00Z'
         OR EXISTS (SELECT 1 FROM "DidAllocation" a WHERE a."tenantId" = t.id AND a."fromAt" < '2001-02-01T03:00:00Z' AND (a."toAt" IS NULL OR a."toAt" > '2001-01-01T03:00:00Z'))
         OR EXISTS (SELECT 1 FROM "CallCharge" c WHERE c."tenantId" = t.id AND c."callStartedAt" >= '2001-01-01T03:00:00Z' AND c."callStartedAt" < '2001-02-01T03:00:00Z'))`,
    )) as [{ n: number }];
    // The service, not the router: the router's run rates every tenant's new calls first, the demo's too.
    const runId = await runInvoices({ month: "2001-01", now: AFTER }, { rateFirst: false, taxes: [] });
    const run = await root.admin.invoices.runStatus({ runId });
    expect(run).toMatchObject({ status: "done", tenant: null, total: n, processed: n, drafted: n });
    const invoiced = await ownerQuery<{ tenantId: string }>(`SELECT "tenantId" FROM "Invoice" WHERE period = '2001-01-01'`);
    expect(invoiced.map((r) => r.tenantId)).toEqual(expect.arrayContaining([active.id, suspended.id]));
    expect(invoiced.map((r) => r.tenantId)).not.toContain(archived.id);
  });

  it("issues, records the payment and voids through the router, each audited with the status before and after", async () => {
    const { tenant, invoiceId } = await draftFor();
    const issued = await root.admin.invoices.issue({ id: invoiceId });
    expect(issued.status).toBe("issued");
    const paid = await root.admin.invoices.markPaid({ id: invoiceId });
    expect(paid.status).toBe("paid");
    const refused = await formatted(root.admin.invoices.void({ id: invoiceId, reason: "engano" }));
    expect(refused).toMatchObject({ code: "CONFLICT", message: "A paid invoice cannot be voided." });

    const other = await draftFor();
    const blank = await formatted(root.admin.invoices.void({ id: other.invoiceId, reason: "  " }));
    expect(blank).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { reason: ["Use at least 3 characters."] } });
    await root.admin.invoices.void({ id: other.invoiceId, reason: "valor do plano corrigido" });

    const entries = await auditOf(invoiceId);
    expect(
      entries.map((e) => [e.action, e.tenantId, (e.before as { status: string }).status, (e.after as { status: string }).status]),
    ).toEqual([
      ["invoice.issue", tenant.id, "draft", "issued"],
      ["invoice.mark_paid", tenant.id, "issued", "paid"],
    ]);
    expect(entries[0]!.after).toMatchObject({ number: issued.number, dueAt: issued.dueAt, totalCents: issued.totalCents.toString() });
    expect((await auditOf(other.invoiceId))[0]).toMatchObject({
      action: "invoice.void",
      after: { status: "void", reason: "valor do plano corrigido" },
    });
  });
});

describe("admin.invoices.taxes", () => {
  let root: Caller;
  beforeAll(async () => {
    root = await callerFor("root@linha.local", "admin.localhost:3000");
  });
  // Created inactive: TaxRate is global, and an active one would change other files' invoice runs.
  const name = () => `Taxa ${randomUUID().slice(0, 8)}`;

  it("creates, lists, updates and deletes a tax from a typed percentage, audited", async () => {
    const created = await root.admin.invoices.taxes.create({ name: name(), percent: "0,65", active: false, position: "3" });
    expect(created).toMatchObject({ basisPoints: 65, active: false, position: 3 });
    expect((await root.admin.invoices.taxes.list()).map((t) => t.id)).toContain(created.id);
    const updated = await root.admin.invoices.taxes.update({
      id: created.id,
      data: { name: created.name, percent: "3.65 %", active: false, position: 1 },
    });
    expect(updated).toMatchObject({ basisPoints: 365, position: 1 });
    expect(await root.admin.invoices.taxes.delete({ id: created.id })).toEqual({ id: created.id });
    expect((await root.admin.invoices.taxes.list()).map((t) => t.id)).not.toContain(created.id);
    const actions = await auditOf(created.id);
    expect(actions.map((a) => a.action)).toEqual(["tax_rate.create", "tax_rate.update", "tax_rate.delete"]);
    expect((actions[1]!.before as { basisPoints: number }).basisPoints).toBe(65);
    expect((await trpcError(root.admin.invoices.taxes.delete({ id: created.id }))).code).toBe("NOT_FOUND");
  });

  it("explains a bad percentage and a taken name field by field, creating nothing", async () => {
    for (const percent of ["abc", "100,01", "5,555", "-1", ""])
      expect(await formatted(root.admin.invoices.taxes.create({ name: name(), percent, active: false }))).toMatchObject({
        code: "BAD_REQUEST",
        fieldErrors: { percent: [percent === "" ? "Required." : "Enter a percentage from 0 to 100 with up to two decimals."] },
      });
    const taken = await root.admin.invoices.taxes.create({ name: name(), percent: "1", active: false });
    const clash = await formatted(root.admin.invoices.taxes.create({ name: taken.name.toUpperCase(), percent: "2", active: false }));
    expect(clash).toMatchObject({ code: "CONFLICT", fieldErrors: { name: ["A tax with this name already exists."] } });
    expect(await ownerQuery(`SELECT 1 FROM "TaxRate" WHERE lower(name) = lower($1)`, [taken.name])).toHaveLength(1);
    await root.admin.invoices.taxes.delete({ id: taken.id });
  });

  it("deleting a tax leaves issued invoices as they were (they keep their own tax lines)", async () => {
    const tax = await root.admin.invoices.taxes.create({ name: name(), percent: "5", active: false });
    const tenant = await billableTenant();
    await runInvoices(
      { month: MONTH, tenantId: tenant.id, now: AFTER },
      { rateFirst: false, taxes: [{ name: tax.name, basisPoints: tax.basisPoints, position: 0 }] },
    );
    const [row] = await ownerQuery<{ id: string }>(`SELECT id FROM "Invoice" WHERE "tenantId" = $1`, [tenant.id]);
    const issued = await root.admin.invoices.issue({ id: row!.id });
    await root.admin.invoices.taxes.delete({ id: tax.id });
    const after = await root.admin.invoices.get({ id: row!.id });
    expect(after).toEqual(issued);
    expect(after.lines.at(-1)).toMatchObject({ kind: "tax", description: tax.name, basisPoints: 500, amountCents: 500n });
  });

  it("leaves the demo tenants' invoices alone", async () => {
    const acme = await tenantId("acme");
    expect(await ownerQuery(`SELECT 1 FROM "Invoice" WHERE "tenantId" = $1 AND period = $2`, [acme, `${MONTH}-01`])).toEqual([]);
  });
});
