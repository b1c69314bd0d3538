import { describe, expect, it } from "vitest";
import { withAdmin } from "@/server/db";
import { AppError } from "@/server/errors";
import { ownerQuery } from "@/server/testing/owner-db";
import { issueInvoice, markInvoicePaid, voidInvoice } from "./invoice-state";
import { billableTenant, insertCallsWithCharges, invoiceRowState, sp } from "./invoice.fixture";
import { runInvoices } from "./run-invoices";

const MONTH = "2025-03";
const AFTER = new Date("2025-04-02T15:00:00Z");
const DURING = new Date("2025-03-20T15:00:00Z");

/** A fresh draft for a tenant of its own, with one rated call. */
async function draft(): Promise<{ id: string; tenantId: string }> {
  const tenant = await billableTenant();
  await insertCallsWithCharges(tenant.id, [
    { startedAt: sp("2025-03-10T10:00:00"), billsec: 60, charge: { destination: "Brasil Fixo", billedSecSell: 60, priceMicros: 100_000n } },
  ]);
  await runInvoices(
    { month: MONTH, tenantId: tenant.id, now: AFTER },
    { rateFirst: false, taxes: [{ name: "ISS", basisPoints: 200, position: 1 }] },
  );
  const [row] = await ownerQuery<{ id: string }>(`SELECT id FROM "Invoice" WHERE "tenantId" = $1 AND status = 'draft'`, [tenant.id]);
  return { id: row!.id, tenantId: tenant.id };
}

async function inState(state: "draft" | "issued" | "paid" | "void") {
  const invoice = await draft();
  if (state !== "draft") await withAdmin((db) => issueInvoice(db, invoice.id, AFTER));
  if (state === "paid") await withAdmin((db) => markInvoicePaid(db, invoice.id, AFTER));
  if (state === "void") await withAdmin((db) => voidInvoice(db, invoice.id, "teste", AFTER));
  return invoice;
}

const STEPS = {
  issue: (id: string) => withAdmin((db) => issueInvoice(db, id, AFTER)),
  pay: (id: string) => withAdmin((db) => markInvoicePaid(db, id, AFTER)),
  void: (id: string) => withAdmin((db) => voidInvoice(db, id, "motivo", AFTER)),
};

async function refusedWith(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return `${(error as AppError).code} ${(error as AppError).message}`;
}

describe("invoice state machine", () => {
  it("issues a draft: the next number, issued now, due ten days later (São Paulo dates)", async () => {
    const { id } = await draft();
    const { before, after } = await STEPS.issue(id);
    expect(before).toMatchObject({ status: "draft", number: null, month: MONTH });
    expect(after).toMatchObject({ status: "issued", issuedAt: AFTER, dueAt: "2025-04-12", paidAt: null, voidedAt: null });
    expect(after.number).toMatch(/^LIN-2025-\d{6}$/);
    // 23:30 on 31 December in São Paulo is already 1 January in UTC: the year and due date are São Paulo's.
    const late = await draft();
    const newYearsEve = await withAdmin((db) => issueInvoice(db, late.id, new Date("2026-01-01T02:30:00Z")));
    expect(newYearsEve.after.number).toMatch(/^LIN-2025-\d{6}$/);
    expect(newYearsEve.after.dueAt).toBe("2026-01-10");
  });

  it("numbers invoices uniquely and in the order they are issued", async () => {
    const drafts = [await draft(), await draft(), await draft()];
    const numbers: string[] = [];
    for (const d of drafts) numbers.push((await STEPS.issue(d.id)).after.number!);
    const sequence = numbers.map((n) => Number(n.slice(-6)));
    expect(new Set(numbers).size).toBe(3);
    expect(sequence[1]!).toBeGreaterThan(sequence[0]!);
    expect(sequence[2]!).toBeGreaterThan(sequence[1]!);
  });

  it("pays an issued invoice and voids a draft or an issued one with its reason", async () => {
    const issued = await inState("issued");
    expect((await STEPS.pay(issued.id)).after).toMatchObject({ status: "paid", paidAt: AFTER });
    const draftOne = await draft();
    expect((await withAdmin((db) => voidInvoice(db, draftOne.id, "plano errado", AFTER))).after).toMatchObject({
      status: "void",
      number: null,
      voidReason: "plano errado",
      voidedAt: AFTER,
    });
    const issuedTwo = await inState("issued");
    const voided = (await STEPS.void(issuedTwo.id)).after;
    expect(voided.status).toBe("void");
    // An issued number stays taken.
    expect(voided.number).toMatch(/^LIN-/);
  });

  const wrong: [state: "draft" | "issued" | "paid" | "void", step: keyof typeof STEPS, message: string][] = [
    ["draft", "pay", "invoices.errors.not_issued"],
    ["issued", "issue", "invoices.errors.already_issued"],
    ["paid", "issue", "invoices.errors.already_paid"],
    ["paid", "pay", "invoices.errors.already_paid"],
    ["paid", "void", "invoices.errors.paid_cannot_void"],
    ["void", "issue", "invoices.errors.is_void"],
    ["void", "pay", "invoices.errors.is_void"],
    ["void", "void", "invoices.errors.is_void"],
  ];
  it.each(wrong)("refuses %s → %s with a clear message, changing nothing", async (state, step, message) => {
    const invoice = await inState(state);
    const before = await invoiceRowState(invoice.id);
    expect(await refusedWith(STEPS[step](invoice.id))).toBe(`CONFLICT ${message}`);
    expect(await invoiceRowState(invoice.id)).toEqual(before);
  });

  it("refuses to issue before the month is over, with unratable or unrated calls, or from an outdated draft", async () => {
    const early = await draft();
    const before = await invoiceRowState(early.id);
    expect(await refusedWith(withAdmin((db) => issueInvoice(db, early.id, DURING)))).toBe(
      `CONFLICT invoices.errors.month_not_over?month=${MONTH}`,
    );
    expect(await invoiceRowState(early.id)).toEqual(before);

    const unrated = await draft();
    await insertCallsWithCharges(unrated.tenantId, [{ startedAt: sp("2025-03-11T10:00:00"), billsec: 20, charge: null }]);
    const unratedBefore = await invoiceRowState(unrated.id);
    expect(await refusedWith(STEPS.issue(unrated.id))).toBe("CONFLICT invoices.errors.unratable_calls?count=1");
    expect(await invoiceRowState(unrated.id)).toEqual(unratedBefore);

    const outdated = await draft();
    await insertCallsWithCharges(outdated.tenantId, [
      {
        startedAt: sp("2025-03-12T10:00:00"),
        billsec: 60,
        charge: { destination: "Brasil Fixo", billedSecSell: 60, priceMicros: 100_000n },
      },
    ]);
    expect(await refusedWith(STEPS.issue(outdated.id))).toBe("CONFLICT invoices.errors.draft_outdated");
    // Running the month again brings the draft up to date; then it issues.
    await runInvoices(
      { month: MONTH, tenantId: outdated.tenantId, now: AFTER },
      { rateFirst: false, taxes: [{ name: "ISS", basisPoints: 200, position: 1 }] },
    );
    expect((await STEPS.issue(outdated.id)).after.status).toBe("issued");
  });

  it("is NOT_FOUND for an invoice that does not exist", async () => {
    expect(await refusedWith(STEPS.issue("0190a6f0-0000-7000-8000-00000000dead"))).toBe("NOT_FOUND billing.errors.invoice_not_found");
  });

  it("is backed by the table's constraints whatever the code does", async () => {
    const { id } = await draft();
    await expect(ownerQuery(`UPDATE "Invoice" SET status = 'issued' WHERE id = $1`, [id])).rejects.toThrow(/Invoice_status/);
    await expect(ownerQuery(`UPDATE "Invoice" SET status = 'paid', "paidAt" = now() WHERE id = $1`, [id])).rejects.toThrow(
      /Invoice_status/,
    );
    await ownerQuery(`UPDATE "Invoice" SET "unratableCalls" = 1 WHERE id = $1`, [id]);
    await expect(
      ownerQuery(`UPDATE "Invoice" SET status = 'issued', number = 'LIN-0000-000000', "issuedAt" = now() WHERE id = $1`, [id]),
    ).rejects.toThrow(/Invoice_issuable/);
  });
});
