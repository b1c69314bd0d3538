import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { cnpjCheckDigits } from "@/lib/cnpj";
import type { LeadImportField, LeadImportPreview } from "@/lib/schemas/lead-import";
import { memberCaller, makeWorkspace, trpcError, type Caller } from "@/server/routers/settings/settings-fixtures";
import { callerFor } from "@/server/testing/callers";
import { ownerQuery, tenantId } from "@/server/testing/owner-db";

// Every stateful test imports into a workspace of its own: test files share one database.

const HEADER = "Nome;Empresa;E-mail;Telefone;CNPJ;Origem";
const MAPPING: LeadImportField[] = ["name", "company", "email", "phone", "cnpj", "source"];
const cnpjFor = (i: number) => {
  const base = `${String(10_000_000 + i)}0001`;
  return base + cnpjCheckDigits(base);
};
const phoneFor = (i: number) => `(11) 98${String(i).padStart(7, "0")}`;

/** Data row n (1-based) sits on CSV line n + 1. */
function generatedCsv(rows: number, bad: Record<number, string>): string {
  const lines = [HEADER];
  for (let n = 1; n <= rows; n++) {
    lines.push(bad[n + 1] ?? `Contato ${n};Empresa ${n} Ltda;contato${n}@empresa${n}.com.br;${phoneFor(n)};${cnpjFor(n)};Indicação`);
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

type Workspace = Awaited<ReturnType<typeof makeWorkspace>>;

async function leadsOf(tenant: string, where = "true", params: unknown[] = []) {
  return ownerQuery<{ id: string; name: string; ownerId: string | null; email: string | null; source: string; tags: string[] }>(
    `SELECT id, name, "ownerId", email, source, tags FROM "Lead" WHERE "tenantId" = $1 AND ${where} ORDER BY name`,
    [tenant, ...params],
  );
}

async function commitAll(caller: Caller, csv: string, preview: LeadImportPreview, duplicates: "skip" | "import", fileName?: string) {
  const results = [];
  for (const chunk of preview.chunks) {
    results.push(
      await caller.leads.import.commit({
        csv,
        mapping: preview.mapping,
        duplicates,
        fromLine: chunk.fromLine,
        toLine: chunk.toLine,
        fileName,
      }),
    );
  }
  return results;
}

describe("leads.import", () => {
  let ws: Workspace;

  beforeAll(async () => {
    ws = await makeWorkspace();
  });

  it("previews 1,000 rows with 3 bad ones, then imports the 997 in chunks with their timeline entries", async () => {
    const csv = generatedCsv(1000, {
      14: "Contato 13;Empresa;c13@empresa.com.br;12345;;Site",
      500: ";Sem Nome Ltda;semnome@empresa.com.br;;;",
      998: "Contato 997;Empresa;contato997@;(11) 98000-0997;11.222.333/0001-82;Televisão",
    });
    const preview = await ws.owner.caller.leads.import.preview({ csv });
    expect(preview).toMatchObject({ header: HEADER.split(";"), delimiter: ";", mapping: MAPPING, mappingSuggested: true, rows: 1000 });
    expect(preview).toMatchObject({ valid: 997, invalid: 3, duplicateRows: 0, duplicates: [] });
    expect(preview.errors).toEqual([
      { line: 14, problems: [{ field: "phone", reason: "leadImport.reason.invalid.phone?value=12345" }] },
      { line: 500, problems: [{ field: "name", reason: "leadImport.reason.required.name" }] },
      {
        line: 998,
        problems: [
          { field: "email", reason: "leadImport.reason.invalid.email?value=contato997%40" },
          { field: "cnpj", reason: "leadImport.reason.invalid.cnpj?value=11.222.333%2F0001-82" },
          { field: "source", reason: "leadImport.reason.invalid.source?value=Televis%C3%A3o" },
        ],
      },
    ]);
    expect(preview.chunks.map((c) => c.rows)).toEqual([250, 250, 250, 250]);
    expect(preview.chunks[0]).toMatchObject({ fromLine: 2, toLine: 251 });
    expect(await leadsOf(ws.tenant.id)).toEqual([]);

    const fileName = `clientes-${randomUUID()}.csv`;
    const results = await commitAll(ws.owner.caller, csv, preview, "skip", fileName);
    expect(results.reduce((n, r) => n + r.imported, 0)).toBe(997);
    expect(results.flatMap((r) => r.errors.map((e) => e.line))).toEqual([14, 500, 998]);
    expect(results.reduce((n, r) => n + r.skipped, 0)).toBe(3);

    const leads = await leadsOf(ws.tenant.id);
    expect(leads).toHaveLength(997);
    expect(new Set(leads.map((l) => l.ownerId))).toEqual(new Set([ws.owner.membershipId]));
    expect(leads.every((l) => l.source === "referral")).toBe(true);
    const [activities] = await ownerQuery<{ n: number; distinct: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT "leadId")::int AS distinct FROM "Activity"
       WHERE "tenantId" = $1 AND kind = 'lead_created' AND data = $2::jsonb AND "actorName" = 'Olga Owner'`,
      [ws.tenant.id, JSON.stringify({ source: "import", file: fileName })],
    );
    expect(activities).toEqual({ n: 997, distinct: 997 });
    const audits = await ownerQuery<{ after: { imported: number; fromLine: number } }>(
      `SELECT after FROM "AuditLog" WHERE "tenantId" = $1 AND action = 'lead.import' ORDER BY "createdAt"`,
      [ws.tenant.id],
    );
    expect(audits.map((a) => a.after.imported)).toEqual([249, 249, 250, 249]);

    // The same file again: every valid row is now an existing lead, named to its owner.
    const again = await ws.owner.caller.leads.import.preview({ csv, mapping: preview.mapping });
    expect(again.duplicateRows).toBe(997);
    expect(again.duplicates[0]).toMatchObject({ line: 2, field: "email", firstLine: null, lead: { name: "Contato 1" } });
  }, 60_000);

  describe("duplicates", () => {
    // In a fresh workspace: rep Rui owns "Visível", rep Bia privately owns "Privada".
    async function duplicatesWorkspace() {
      const w = await makeWorkspace();
      const rui = await memberCaller(w.tenant, "rep", "Rui Rep");
      const bia = await memberCaller(w.tenant, "rep", "Bia Rep");
      await rui.caller.leads.create({ name: "Visível", email: "visivel@x.com.br", phone: "(21) 99999-0001" });
      await bia.caller.leads.create({ name: "Privada", cnpj: cnpjFor(77) });
      return { w, rui, bia };
    }
    const csv = [
      "name,email,phone,cnpj",
      "Novo A,VISIVEL@x.com.br,,", // line 2: existing visible lead by e-mail
      "Novo B,,+55 21 99999-0001,", // line 3: existing visible lead by phone
      `Novo C,,,${cnpjFor(77)}`, // line 4: another rep's private lead by CNPJ
      "Novo D,d@x.com.br,(31) 98888-0001,", // line 5
      "Novo E,d@x.com.br,,", // line 6: repeats line 5 by e-mail
      "Novo F,,31988880001,", // line 7: repeats line 5 by phone
      `Novo G,,,${cnpjFor(78)}`, // line 8
      `Novo H,,,${cnpjFor(78).replace(/^(\d{2})(\d{3})(\d{3})(\d{4})(\d{2})$/, "$1.$2.$3/$4-$5")}`, // line 9: repeats line 8 by CNPJ
      "Novo I,i@x.com.br,,", // line 10: unique
    ].join("\n");

    it("finds duplicates within the file and against existing leads by each key, naming only visible leads", async () => {
      const { w, rui } = await duplicatesWorkspace();
      const preview = await rui.caller.leads.import.preview({ csv });
      expect(preview).toMatchObject({ rows: 9, valid: 9, invalid: 0, duplicateRows: 6 });
      const visible = (await leadsOf(w.tenant.id, "name = 'Visível'"))[0]!;
      expect(preview.duplicates).toEqual([
        { line: 2, field: "email", value: "visivel@x.com.br", firstLine: null, lead: { id: visible.id, name: "Visível" } },
        { line: 3, field: "phone", value: "+5521999990001", firstLine: null, lead: { id: visible.id, name: "Visível" } },
        { line: 4, field: "cnpj", value: cnpjFor(77), firstLine: null, lead: null },
        { line: 6, field: "email", value: "d@x.com.br", firstLine: 5, lead: null },
        { line: 7, field: "phone", value: "+5531988880001", firstLine: 5, lead: null },
        { line: 9, field: "cnpj", value: cnpjFor(78), firstLine: 8, lead: null },
      ]);
      expect(JSON.stringify(preview)).not.toContain("Privada");
    });

    it("skips them when asked, and imports them when asked", async () => {
      const skip = await duplicatesWorkspace();
      const skipPreview = await skip.rui.caller.leads.import.preview({ csv });
      const [skipped] = await commitAll(skip.rui.caller, csv, skipPreview, "skip");
      expect(skipped).toMatchObject({ imported: 3, skipped: 6, errors: [] });
      expect(skipped!.duplicates.map((d) => d.line)).toEqual([2, 3, 4, 6, 7, 9]);
      expect((await leadsOf(skip.w.tenant.id, "name LIKE 'Novo %'")).map((l) => l.name)).toEqual(["Novo D", "Novo G", "Novo I"]);

      const all = await duplicatesWorkspace();
      const allPreview = await all.rui.caller.leads.import.preview({ csv });
      const [imported] = await commitAll(all.rui.caller, csv, allPreview, "import");
      expect(imported).toMatchObject({ imported: 9, skipped: 0, duplicates: [] });
      expect(await leadsOf(all.w.tenant.id, "name LIKE 'Novo %'")).toHaveLength(9);
    });

    it("catches a repeat of a row imported by an earlier chunk", async () => {
      const { w, rui } = await duplicatesWorkspace();
      const preview = await rui.caller.leads.import.preview({ csv });
      const mapping = preview.mapping;
      // Line 5 alone first, then lines 6-10: line 6 and 7 now match the lead line 5 created.
      await rui.caller.leads.import.commit({ csv, mapping, duplicates: "skip", fromLine: 5, toLine: 5 });
      const second = await rui.caller.leads.import.commit({ csv, mapping, duplicates: "skip", fromLine: 6, toLine: 10 });
      expect(second.duplicates.map((d) => [d.line, d.lead?.name])).toEqual([
        [6, "Novo D"],
        [7, "Novo D"],
        [9, undefined],
      ]);
      expect((await leadsOf(w.tenant.id, "name LIKE 'Novo %'")).map((l) => l.name)).toEqual(["Novo D", "Novo G", "Novo I"]);
    });
  });

  describe("owners", () => {
    it("a rep's import is the rep's, even when the file names another owner", async () => {
      const rep = await memberCaller(ws.tenant, "rep", "Rita Rep");
      const csv = `Nome,Responsável\nDo arquivo ${rep.membershipId},${ws.owner.user.email}\n`;
      const preview = await rep.caller.leads.import.preview({ csv });
      expect(preview).toMatchObject({ mapping: ["name", "owner"], ownerIgnored: true, valid: 1 });
      await commitAll(rep.caller, csv, preview, "skip");
      const [lead] = await leadsOf(ws.tenant.id, "name = $2", [`Do arquivo ${rep.membershipId}`]);
      expect(lead!.ownerId).toBe(rep.membershipId);
    });

    it("a manager's import goes to the member the file names, by e-mail or name; unknown owners are bad rows", async () => {
      const manager = await memberCaller(ws.tenant, "manager", "Marcos Gerente");
      const rep = await memberCaller(ws.tenant, "rep", `Renata ${randomUUID().slice(0, 4)}`);
      const tag = randomUUID().slice(0, 8);
      const csv = [
        "Nome,Responsável",
        `Por e-mail ${tag},${rep.user.email.toUpperCase()}`,
        `Por nome ${tag},  Olga   owner `,
        `Sem dono ${tag},`,
        `Desconhecido ${tag},ninguem@x.com`,
      ].join("\n");
      const preview = await manager.caller.leads.import.preview({ csv });
      expect(preview).toMatchObject({ ownerIgnored: false, valid: 3, invalid: 1 });
      expect(preview.errors).toEqual([
        { line: 5, problems: [{ field: "owner", reason: "leadImport.reason.unknownOwner?value=ninguem%40x.com" }] },
      ]);
      await commitAll(manager.caller, csv, preview, "skip");
      const owners = Object.fromEntries(
        (await leadsOf(ws.tenant.id, "name LIKE $2", [`% ${tag}`])).map((l) => [l.name.replace(` ${tag}`, ""), l.ownerId]),
      );
      expect(owners).toEqual({ "Por e-mail": rep.membershipId, "Por nome": ws.owner.membershipId, "Sem dono": manager.membershipId });
    });
  });

  it("a database failure in a chunk imports nothing of that chunk", async () => {
    const w = await makeWorkspace();
    const fileName = `explode-${randomUUID()}.csv`;
    const fn = `test_explode_${randomUUID().replaceAll("-", "")}`;
    // A real failure after the leads are inserted: the timeline insert of this file is refused.
    await ownerQuery(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'boom'; END $$`);
    await ownerQuery(
      `CREATE TRIGGER ${fn} BEFORE INSERT ON "Activity" FOR EACH ROW WHEN (NEW.data->>'file' = '${fileName}') EXECUTE FUNCTION ${fn}()`,
    );
    try {
      const csv = generatedCsv(20, {});
      const preview = await w.owner.caller.leads.import.preview({ csv });
      const error = await trpcError(
        w.owner.caller.leads.import.commit({ csv, mapping: preview.mapping, duplicates: "skip", fromLine: 2, toLine: 21, fileName }),
      );
      expect(error.code).toBe("INTERNAL_SERVER_ERROR");
      expect(await leadsOf(w.tenant.id)).toEqual([]);
      const [audit] = await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditLog" WHERE "tenantId" = $1`, [w.tenant.id]);
      expect(audit!.n).toBe(0);
    } finally {
      await ownerQuery(`DROP TRIGGER ${fn} ON "Activity"`);
      await ownerQuery(`DROP FUNCTION ${fn}()`);
    }
  });

  describe("refusals", () => {
    it("support sessions cannot preview or import", async () => {
      const support = await callerFor("root@linha.local", ws.tenant.host, `support:${ws.tenant.slug}`);
      const csv = "Nome\nSuporte\n";
      expect((await trpcError(support.leads.import.preview({ csv }))).code).toBe("FORBIDDEN");
      const commit = support.leads.import.commit({ csv, mapping: ["name"], duplicates: "skip", fromLine: 2, toLine: 2 });
      expect((await trpcError(commit)).code).toBe("FORBIDDEN");
      expect(await leadsOf(ws.tenant.id, "name = 'Suporte'")).toEqual([]);
    });

    it("another tenant's leads are never duplicates (nor named)", async () => {
      const [globex] = await ownerQuery<{ name: string; email: string }>(
        `SELECT name, email FROM "Lead" WHERE "tenantId" = $1 AND email IS NOT NULL LIMIT 1`,
        [await tenantId("globex")],
      );
      const preview = await ws.owner.caller.leads.import.preview({ csv: `name,email\nOutro,${globex!.email}\n` });
      expect(preview).toMatchObject({ valid: 1, duplicateRows: 0, duplicates: [] });
      expect(JSON.stringify(preview)).not.toContain(globex!.name);
    });

    it.each([
      ["an empty file", "", "leadImport.errors.emptyFile"],
      ["a header only", "Nome;E-mail\r\n", "leadImport.errors.noRows"],
      ["more than 20,000 rows", `Nome\n${"x\n".repeat(20_001)}`, "leadImport.errors.tooManyRows?max=20000&found=20001"],
    ])("refuses %s with a clear message", async (_label, csv, message) => {
      const error = await trpcError(ws.owner.caller.leads.import.preview({ csv }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toContain(message);
    });

    it("refuses a mapping without a name, with a field mapped twice, or for other columns", async () => {
      const csv = "a,b\nx,y\n";
      for (const [mapping, message] of [
        [["email", null], "leadImport.errors.nameNotMapped"],
        [["name", "name"], "leadImport.errors.fieldMappedTwice"],
        [["name", null, null], "leadImport.errors.mappingMismatch"],
      ] as const) {
        const error = await trpcError(ws.owner.caller.leads.import.preview({ csv, mapping: [...mapping] }));
        expect(error.code).toBe("BAD_REQUEST");
        expect(JSON.stringify(error.cause), String(mapping)).toContain(message);
      }
    });

    it("suggests a mapping without a name column and checks nothing until one is chosen", async () => {
      const preview = await ws.owner.caller.leads.import.preview({ csv: "Coluna,E-mail\nx,a@b.com\n" });
      expect(preview).toMatchObject({ mapping: [null, "email"], mappingSuggested: true, valid: 0, invalid: 0, sample: [["x", "a@b.com"]] });
    });

    it("refuses a chunk larger than 500 rows", async () => {
      const csv = generatedCsv(501, {});
      const error = await trpcError(
        ws.owner.caller.leads.import.commit({ csv, mapping: MAPPING, duplicates: "import", fromLine: 2, toLine: 502 }),
      );
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toBe("leadImport.errors.chunkTooLarge?max=500");
    });
  });
});
