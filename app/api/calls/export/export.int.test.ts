import { beforeAll, describe, expect, it } from "vitest";
import { historyWorkspace, insertCalls, sessionFor, type HistoryWorkspace } from "@/server/services/calls/history/history.fixture";
import { insertLead } from "@/server/routers/tasks/timeline-fixtures";
import { exportCallsResponse } from "./export-response";

function get(ws: HistoryWorkspace, query: string, locale: "pt-BR" | "en" = "pt-BR") {
  const host = `${ws.tenant.slug}.localhost:3000`;
  return new Request(`http://${host}/api/calls/export?${query}`, { headers: { host, cookie: `linha-locale=${locale}` } });
}

const lines = (csv: string) =>
  csv
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");

describe("GET /api/calls/export", () => {
  let ws: HistoryWorkspace;
  beforeAll(async () => {
    ws = await historyWorkspace();
    const lead = await insertLead(ws.tenant.id, null, '=HYPERLINK("x")');
    // 230 calls: more than two pages of the stream, several sharing one timestamp.
    await insertCalls(ws.tenant.id, [
      ...Array.from({ length: 229 }, (_, i) => ({
        startedAt: new Date(Date.UTC(2026, 2, 2, 12, Math.floor(i / 3))),
        userId: ws.otherRep.user.id,
        userName: "Bia",
      })),
      {
        startedAt: new Date("2026-03-03T17:05:09Z"),
        userId: ws.rep.user.id,
        userName: 'Rui; "o vendedor"',
        leadId: lead,
        direction: "inbound",
        fromNumber: "+5531933334444",
        toNumber: "1003",
        disposition: "busy",
        durationSec: 7,
      },
    ]);
  });

  it("streams every filtered call as CSV in the user's language, times in São Paulo, cells guarded", async () => {
    const response = await exportCallsResponse(get(ws, ""), await sessionFor(ws.manager.user.email, ws.tenant.slug));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="chamadas-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = Buffer.from(await response.arrayBuffer());
    // One BOM, at the start (Response.text() would strip it, so read the bytes).
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text.indexOf("\uFEFF", 1)).toBe(-1);
    const rows = lines(text);
    expect(rows).toHaveLength(231);
    expect(rows[0]).toBe("Início;Sentido;De;Para;Ramal;Usuário;Lead;Duração (s);Conversa (s);Situação;Resultado;Transferida para");
    expect(rows[1]).toBe(`2026-03-03 14:05:09;Recebida;+5531933334444;1003;1001;"Rui; ""o vendedor""";"'=HYPERLINK(""x"")";7;0;Ocupado;;`);
    expect(rows.filter((r) => r.includes(";Bia;"))).toHaveLength(229);
  });

  it("applies the filters and the rep's visibility; English headers with commas", async () => {
    const inbound = await exportCallsResponse(get(ws, "direction=inbound", "en"), await sessionFor(ws.manager.user.email, ws.tenant.slug));
    const rows = lines(await inbound.text());
    expect(rows[0]).toBe("Started,Direction,From,To,Extension,User,Lead,Duration (s),Talk time (s),Status,Outcome,Transferred to");
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain("Inbound");
    const mine = await exportCallsResponse(get(ws, ""), await sessionFor(ws.rep.user.email, ws.tenant.slug));
    expect(lines(await mine.text())).toHaveLength(2);
    const range = await exportCallsResponse(
      get(ws, `from=${encodeURIComponent("2026-03-02T12:00:00.000Z")}&to=${encodeURIComponent("2026-03-02T12:01:00.000Z")}`),
      await sessionFor(ws.manager.user.email, ws.tenant.slug),
    );
    expect(lines(await range.text())).toHaveLength(4);
  });

  it("answers 400 for a bad filter, 401 without a session, and nothing of another tenant", async () => {
    expect((await exportCallsResponse(get(ws, "direction=sideways"), await sessionFor(ws.manager.user.email, ws.tenant.slug))).status).toBe(
      400,
    );
    expect((await exportCallsResponse(get(ws, ""), null)).status).toBe(401);
    // A session of another tenant on this host is refused, as by tenantProcedure.
    expect((await exportCallsResponse(get(ws, ""), await sessionFor("ana@acme.test", "acme"))).status).toBe(401);
  });
});
