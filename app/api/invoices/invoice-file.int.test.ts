import { describe, expect, it, beforeAll } from "vitest";
import type { Session } from "next-auth";
import { withAdmin } from "@/server/db";
import { issueInvoice } from "@/server/services/billing/invoices/invoice-state";
import { adminSession, billableTenant, insertCallsWithCharges, sp } from "@/server/services/billing/invoices/invoice.fixture";
import { runInvoices } from "@/server/services/billing/invoices/run-invoices";
import { sessionFor } from "@/server/services/calls/history/history.fixture";
import { insertMember } from "@/server/services/plans/throwaway-tenant.fixture";
import { ownerQuery } from "@/server/testing/owner-db";
import { invoiceFileResponse } from "./invoice-file-response";

const MONTH = "2025-11";
const AFTER = new Date("2025-12-03T12:00:00Z");

/** A tenant of its own with an admin, an owner, a manager and a rep, and its November invoice. */
async function workspace(issue: boolean) {
  const tenant = await billableTenant();
  const members = {
    admin: await insertMember(tenant.id, "admin"),
    owner: await insertMember(tenant.id, "owner"),
    manager: await insertMember(tenant.id, "manager"),
    rep: await insertMember(tenant.id, "rep"),
  };
  await insertCallsWithCharges(tenant.id, [
    { startedAt: sp("2025-11-10T10:00:00"), billsec: 60, charge: { destination: "Brasil Fixo", billedSecSell: 60, priceMicros: 100_000n } },
  ]);
  await runInvoices({ month: MONTH, tenantId: tenant.id, now: AFTER }, { rateFirst: false, taxes: [] });
  const [row] = await ownerQuery<{ id: string }>(`SELECT id FROM "Invoice" WHERE "tenantId" = $1`, [tenant.id]);
  if (issue) await withAdmin((db) => issueInvoice(db, row!.id, AFTER));
  return { tenant, members, invoiceId: row!.id };
}

function get(host: string, id: string, format: "pdf" | "csv", session: Session | null, language = "pt-BR") {
  const request = new Request(`http://${host}/api/invoices/${id}/${format}`, { headers: { host, "accept-language": language } });
  return invoiceFileResponse(request, session, id, format);
}

describe("GET /api/invoices/<id>/pdf|csv", () => {
  let ws: Awaited<ReturnType<typeof workspace>>;
  let host: string;
  beforeAll(async () => {
    ws = await workspace(true);
    host = `${ws.tenant.slug}.localhost:3000`;
  });

  it("serves the tenant's issued invoice to its admins and owners, privately", async () => {
    const pdf = await get(host, ws.invoiceId, "pdf", await sessionFor(ws.members.admin.email, ws.tenant.slug));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("cache-control")).toBe("private, no-store");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString("latin1"),
    ).toBe("%PDF-");
    const csv = await get(host, ws.invoiceId, "csv", await sessionFor(ws.members.owner.email, ws.tenant.slug), "en");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="invoice-LIN-\d{4}-\d{6}\.csv"$/);
    expect(await csv.text()).toMatch(/;Total;;;;;100\.00\r\n$/);
  });

  it("refuses managers and reps (403), another tenant's invoice and a draft (404), no session (401), a bad id (404)", async () => {
    for (const role of ["manager", "rep"] as const) {
      const response = await get(host, ws.invoiceId, "pdf", await sessionFor(ws.members[role].email, ws.tenant.slug));
      expect([role, response.status]).toEqual([role, 403]);
      expect(await response.text()).toBe("Você não tem permissão para isso.");
    }
    // acme's admin on acme's host asking for this tenant's invoice.
    const cross = await get("acme.localhost:3000", ws.invoiceId, "pdf", await sessionFor("ana@acme.test", "acme"));
    expect(cross.status).toBe(404);
    expect(await cross.text()).toBe("Fatura não encontrada.");
    // This tenant's admin with her session replayed on acme's host.
    expect((await get("acme.localhost:3000", ws.invoiceId, "csv", await sessionFor(ws.members.admin.email, ws.tenant.slug))).status).toBe(
      401,
    );
    const draft = await workspace(false);
    const draftHost = `${draft.tenant.slug}.localhost:3000`;
    expect((await get(draftHost, draft.invoiceId, "pdf", await sessionFor(draft.members.admin.email, draft.tenant.slug))).status).toBe(404);
    expect((await get(host, ws.invoiceId, "pdf", null)).status).toBe(401);
    expect((await get(host, "not-a-uuid", "pdf", await sessionFor(ws.members.admin.email, ws.tenant.slug))).status).toBe(404);
  });

  it("serves any invoice, drafts too, to a super admin on the console's host, and no one else there", async () => {
    const draft = await workspace(false);
    const response = await get("admin.localhost:3000", draft.invoiceId, "pdf", await adminSession());
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="fatura-${draft.tenant.slug}-${MONTH}-rascunho.pdf"`);
    expect((await get("admin.localhost:3000", ws.invoiceId, "csv", await adminSession())).status).toBe(200);
    const tenantSession = await sessionFor(ws.members.admin.email, ws.tenant.slug);
    expect((await get("admin.localhost:3000", ws.invoiceId, "pdf", tenantSession)).status).toBe(403);
    expect((await get("admin.localhost:3000", "0190a6f0-0000-7000-8000-00000000dead", "pdf", await adminSession())).status).toBe(404);
    expect((await get("localhost:3000", ws.invoiceId, "pdf", await adminSession())).status).toBe(404);
  });
});
