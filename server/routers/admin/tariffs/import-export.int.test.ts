import { readFileSync } from "node:fs";
import type { Session } from "next-auth";
import { beforeAll, describe, expect, it } from "vitest";
import { exportDeckResponse } from "@/app/api/admin/tariffs/[deckId]/export/export-response";
import { importDeckResponse } from "@/app/api/admin/tariffs/[deckId]/import/import-response";
import { withAdmin } from "@/server/db";
import { trpcError } from "@/server/routers/admin/inventory/inventory-test-kit";
import { importRates } from "@/server/services/billing/decks/import-rates";
import { ownerQuery } from "@/server/testing/owner-db";
import {
  auditActions,
  csvOf,
  CSV_HEADER,
  currentVersionId,
  newBuyDeck,
  rateLines,
  rootCaller,
  versionRows,
  type Caller,
} from "./tariffs-test-kit";

/** CPU milliseconds a local PostgreSQL backend has used (null when it is not on this machine). */
function backendCpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

async function sessionOf(email: string, scope: Session["user"]["scope"]): Promise<Session> {
  const [user] = await ownerQuery<{ id: string; name: string }>(`SELECT id, name FROM "User" WHERE email = $1`, [email]);
  return { user: { id: user!.id, email, name: user!.name, scope, locale: "en" }, expires: new Date(Date.now() + 3600_000).toISOString() };
}

const consoleRequest = (path: string, init: RequestInit = {}, host = "admin.localhost:3000", locale = "en") =>
  new Request(`http://${host}${path}`, { ...init, headers: { host, cookie: `linha-locale=${locale}`, ...(init.headers ?? {}) } });

/** `rows` prefixes from 5510000 on, one rate each, with a mix of prices, fees and billing. */
function bigDeckCsv(rows: number): string {
  const lines = [CSV_HEADER];
  for (let i = 0; i < rows; i++) {
    const prefix = String(5_510_000 + i);
    lines.push(
      `${prefix};Destino ${prefix};0,0${(i % 9) + 1}5;${i % 7 === 0 ? "0,02" : "0"};${i % 3 === 0 ? 30 : 60};${i % 3 === 0 ? 6 : 60};2026-01-01;`,
    );
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

describe("admin.tariffs.import and export", () => {
  let root: Caller;
  beforeAll(async () => {
    root = await rootCaller();
  });

  it("imports 50,000 rates as one new version in under 10 seconds of work", async () => {
    const { deck } = await newBuyDeck(root);
    const csv = bigDeckCsv(50_000);
    // The import as the procedure runs it, in a transaction whose PostgreSQL backend we can see.
    const actor = { userId: (await ownerQuery<{ id: string }>(`SELECT id FROM "User" WHERE email = 'root@linha.local'`))[0]!.id };
    const { result, wallMs, cpuMs } = await withAdmin(
      async (db) => {
        const [{ pid }] = await db.$queryRaw<[{ pid: number }]>`SELECT pg_backend_pid() AS pid`;
        const before = { backend: backendCpuMs(pid), self: process.cpuUsage(), at: performance.now() };
        const result = await importRates(db, { deckId: deck.id, mode: "replace", csv, note: "50k" }, actor, async () => {});
        const self = process.cpuUsage(before.self);
        const backend = backendCpuMs(pid);
        return {
          result,
          wallMs: performance.now() - before.at,
          cpuMs: backend === null || before.backend === null ? null : backend - before.backend + (self.user + self.system) / 1000,
        };
      },
      { timeoutMs: 120_000 },
    );
    expect(result).toMatchObject({
      ok: true,
      rows: 50_000,
      version: { number: 2, change: "imported", note: "50k", rateCount: 50_000, added: 50_000 },
    });
    // Six people's test runs share this machine's two cores: the wall clock measures them as much
    // as the import. What the import costs is its CPU time (this process plus its PostgreSQL
    // backend), which is what it takes on an idle machine; the wall clock is the bound only when
    // the backend's CPU cannot be read (a PostgreSQL elsewhere).
    console.info(`50,000-rate import: ${Math.round(wallMs)} ms wall, ${cpuMs === null ? "?" : Math.round(cpuMs)} ms CPU`);
    expect(cpuMs ?? wallMs).toBeLessThan(10_000);
    const [count] = await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM "Rate" WHERE "versionId" = $1`, [
      await currentVersionId(deck.id),
    ]);
    expect(count!.n).toBe(50_000);
  }, 120_000);

  it("counts what a re-import changed against the version before", async () => {
    const { deck } = await newBuyDeck(root);
    const csv = bigDeckCsv(2_000);
    await root.admin.tariffs.import({ deckId: deck.id, mode: "replace", csv });
    const again = await root.admin.tariffs.import({ deckId: deck.id, mode: "replace", csv });
    expect(again).toMatchObject({ ok: true, version: { number: 3, added: 0, changed: 0, removed: 0, rateCount: 2_000 } });
    // One price changed, one prefix gone, one new.
    const edited = csv.replace("5510000;Destino 5510000;0,015", "5510000;Destino 5510000;0,016").replace(/\r\n5510001;[^\r]*/, "");
    const third = await root.admin.tariffs.import({
      deckId: deck.id,
      mode: "replace",
      csv: `${edited}5599999;Novo;0,5;;;;2026-01-01;\r\n`,
    });
    expect(third).toMatchObject({ ok: true, version: { number: 4, added: 1, changed: 1, removed: 1, rateCount: 2_000 } });
  });

  it("imports nothing from a file with bad lines and lists them by number, translated", async () => {
    const { deck } = await newBuyDeck(root, ["55;Brasil;0,10;;;;2026-01-01;"]);
    const before = await versionRows(deck.id);
    const lines = [
      "5511;SP;0,05;;;;2026-01-01;",
      "5512;;0,05;;;;2026-01-01;",
      "5511;SP again;0,06;;;;2026-01-01;",
      "5513;X;abc;;;;2026-01-01;",
    ];
    const result = await root.admin.tariffs.import({ deckId: deck.id, mode: "merge", csv: csvOf(lines) });
    expect(result).toEqual({
      ok: false,
      rows: 4,
      badLines: 3,
      errors: [
        { line: 3, reason: "Empty description." },
        { line: 4, reason: "Prefix 5511 repeated with the same start as line 2." },
        { line: 5, reason: "Invalid price per minute: “abc” (up to 6 decimals, no thousands separator)." },
      ],
    });
    expect(await versionRows(deck.id)).toEqual(before);

    const many = Array.from({ length: 300 }, (_, i) => `${5600 + i};;0,1;;;;2026-01-01;`);
    const capped = await root.admin.tariffs.import({ deckId: deck.id, mode: "replace", csv: csvOf(many) });
    expect(capped).toMatchObject({ ok: false, rows: 300, badLines: 300 });
    expect(capped.ok === false && capped.errors).toHaveLength(200);
    expect(await versionRows(deck.id)).toEqual(before);
  });

  it("replace makes the file the deck; merge lays the file over the current rates", async () => {
    const base = ["55;Brasil;0,10;;30;6;2026-01-01;", "5511;SP fixo;0,05;;30;6;2026-01-01;", "5521;RJ fixo;0,06;;30;6;2026-01-01;"];
    const file = [
      "5511;SP fixo novo;0,04;;30;6;2026-03-01;",
      "5521;RJ promo;0,03;;30;6;2026-02-01;2026-02-15",
      "5531;BH fixo;0,07;;30;6;2026-01-01;",
    ];

    const { deck: replaced } = await newBuyDeck(root, base);
    const r = await root.admin.tariffs.import({ deckId: replaced.id, mode: "replace", csv: csvOf(file) });
    expect(r).toMatchObject({ ok: true, version: { rateCount: 3, added: 3, removed: 3, changed: 0 } });
    expect(await rateLines(await currentVersionId(replaced.id))).toEqual([
      "5511 SP fixo novo 40000 0 30/6 2026-03-01 00:00→∞",
      "5521 RJ promo 30000 0 30/6 2026-02-01 00:00→2026-02-15 00:00",
      "5531 BH fixo 70000 0 30/6 2026-01-01 00:00→∞",
    ]);

    const { deck: merged } = await newBuyDeck(root, base);
    const m = await root.admin.tariffs.import({ deckId: merged.id, mode: "merge", csv: csvOf(file) });
    expect(await rateLines(await currentVersionId(merged.id))).toEqual([
      "55 Brasil 100000 0 30/6 2026-01-01 00:00→∞",
      "5511 SP fixo 50000 0 30/6 2026-01-01 00:00→2026-03-01 00:00",
      "5511 SP fixo novo 40000 0 30/6 2026-03-01 00:00→∞",
      "5521 RJ fixo 60000 0 30/6 2026-01-01 00:00→2026-02-01 00:00",
      "5521 RJ promo 30000 0 30/6 2026-02-01 00:00→2026-02-15 00:00",
      "5521 RJ fixo 60000 0 30/6 2026-02-15 00:00→∞",
      "5531 BH fixo 70000 0 30/6 2026-01-01 00:00→∞",
    ]);
    // 5511 and 5521 (from Jan 1) were shortened; the RJ remainder, the promo, the new SP price and BH are new.
    expect(m).toMatchObject({ ok: true, version: { rateCount: 7, changed: 2, added: 4, removed: 0 } });
    expect(await auditActions(merged.id)).toEqual(["rate_deck.create", "rate_deck.import", "rate_deck.import"]);
  });

  it("exports a version as CSV that imports back as the same rates", async () => {
    const { deck } = await newBuyDeck(root, [
      '55;"Brasil; ""todos""";0,123456;0,01;30;6;2026-01-01;2026-06-01 12:30',
      "55;Brasil;0,2;;30;6;2026-06-01 12:30;",
      "5511;=SUM(A1);0,05;;60;60;01/01/2026;",
      "1;EUA;1;;1;1;2018-01-15;",
    ]);
    const v2 = await currentVersionId(deck.id);
    await root.admin.tariffs.rates.create({
      deckId: deck.id,
      data: {
        prefix: "44",
        description: "UK",
        pricePerMinute: "0,3",
        connectionFee: "",
        increment: "1/1",
        effectiveFrom: "2026-01-01",
        effectiveTo: "",
      },
    });

    const response = await exportDeckResponse(
      consoleRequest(`/api/admin/tariffs/${deck.id}/export?version=${v2}`),
      await sessionOf("root@linha.local", "admin"),
      deck.id,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename=".+-v2\.csv"$/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString("utf8");
    expect(csv.split("\r\n")).toEqual([
      `\uFEFF${CSV_HEADER}`,
      "1;EUA;1,00;0,00;1;1;2018-01-15;",
      '55;"Brasil; ""todos""";0,123456;0,01;30;6;2026-01-01;2026-06-01 12:30:00',
      "55;Brasil;0,20;0,00;30;6;2026-06-01 12:30:00;",
      "5511;'=SUM(A1);0,05;0,00;60;60;2026-01-01;",
      "",
    ]);

    const { deck: copy } = await newBuyDeck(root);
    const upload = await importDeckResponse(
      consoleRequest(`/api/admin/tariffs/${copy.id}/import?mode=replace&note=round%20trip`, { method: "POST", body: csv }),
      await sessionOf("root@linha.local", "admin"),
      copy.id,
    );
    expect(upload.status).toBe(200);
    expect(await upload.json()).toMatchObject({ ok: true, rows: 4, version: { number: 2, note: "round trip", rateCount: 4 } });
    expect(await rateLines(await currentVersionId(copy.id))).toEqual(await rateLines(v2));
    // The current version by default.
    const current = await root.admin.tariffs.export({ deckId: deck.id });
    expect(current).toMatchObject({ rows: 5, fileName: expect.stringMatching(/-v3\.csv$/) });
  });

  it("reads an upload saved as Windows-1252 and refuses one over 10 MB", async () => {
    const { deck } = await newBuyDeck(root);
    const latin1 = Buffer.from(`${CSV_HEADER}\n55119;S\xe3o Paulo m\xf3vel;0,09;;;;2026-01-01;\n`, "latin1");
    const session = await sessionOf("root@linha.local", "admin");
    const ok = await importDeckResponse(
      consoleRequest(`/api/admin/tariffs/${deck.id}/import?mode=merge`, { method: "POST", body: latin1 }),
      session,
      deck.id,
    );
    expect(await ok.json()).toMatchObject({ ok: true });
    expect(await rateLines(await currentVersionId(deck.id))).toEqual(["55119 São Paulo móvel 90000 0 0/1 2026-01-01 00:00→∞"]);

    const big = new Uint8Array(10 * 1024 * 1024 + 1).fill(0x20);
    const refused = await importDeckResponse(
      consoleRequest(`/api/admin/tariffs/${deck.id}/import?mode=merge`, { method: "POST", body: big }),
      session,
      deck.id,
    );
    expect(refused.status).toBe(413);
    expect(await refused.json()).toEqual({ message: "The file is over 10 MB." });
  });

  it("serves the file routes to console sessions only", async () => {
    const { deck } = await newBuyDeck(root, ["55;Brasil;0,1;;;;2026-01-01;"]);
    const exportAs = async (session: Session | null, host = "admin.localhost:3000") =>
      (await exportDeckResponse(consoleRequest(`/api/admin/tariffs/${deck.id}/export`, {}, host), session, deck.id)).status;
    const importAs = async (session: Session | null, host = "admin.localhost:3000") =>
      (
        await importDeckResponse(
          consoleRequest(
            `/api/admin/tariffs/${deck.id}/import?mode=replace`,
            { method: "POST", body: csvOf(["56;X;0,1;;;;2026-01-01;"]) },
            host,
          ),
          session,
          deck.id,
        )
      ).status;

    expect(await exportAs(null)).toBe(401);
    expect(await importAs(null)).toBe(401);
    // A tenant admin, on its own host and replaying its session on the console host.
    const ana = await sessionOf("ana@acme.test", "tenant:acme");
    expect(await exportAs(ana, "acme.localhost:3000")).toBe(403);
    expect(await exportAs(ana)).toBe(403);
    expect(await importAs(ana, "acme.localhost:3000")).toBe(403);
    expect(await importAs(ana)).toBe(403);
    // The super admin's console session used on a tenant host is not a console request either.
    expect(await exportAs(await sessionOf("root@linha.local", "admin"), "acme.localhost:3000")).toBe(403);
    expect(await rateLines(await currentVersionId(deck.id))).toEqual(["55 Brasil 100000 0 0/1 2026-01-01 00:00→∞"]);

    const root404 = await exportDeckResponse(
      consoleRequest(`/api/admin/tariffs/01a1fd16-ecc9-7f42-a57a-df8e8fbbf798/export`),
      await sessionOf("root@linha.local", "admin"),
      "01a1fd16-ecc9-7f42-a57a-df8e8fbbf798",
    );
    expect(root404.status).toBe(404);
    expect(await root404.json()).toEqual({ message: "Rate deck not found." });
  });

  it("refuses an import to a deck that does not exist", async () => {
    const error = await trpcError(
      root.admin.tariffs.import({ deckId: "01a1fd16-ecc9-7f42-a57a-df8e8fbbf798", mode: "merge", csv: csvOf(["55;B;0,1;;;;2026-01-01;"]) }),
    );
    expect(error.code).toBe("NOT_FOUND");
  });
});
