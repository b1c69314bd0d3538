import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { callerFor } from "@/server/testing/callers";
import { ownerQuery } from "@/server/testing/owner-db";
import { insertLeads, makeLeadsWorkspace, sessionCaller, trpcError } from "./leads-fixtures";

// Visibility on every leads procedure, bulk actions (count, atomicity, audit), the CSV export and
// saved views, each in its own throw-away tenant.

type Workspace = Awaited<ReturnType<typeof makeLeadsWorkspace>>;

async function lead(id: string) {
  const [row] = await ownerQuery<{ ownerId: string | null; tags: string[]; name: string }>(
    `SELECT "ownerId", tags, name FROM "Lead" WHERE id = $1`,
    [id],
  );
  return row;
}
async function auditEntries(tenantId: string, action: string) {
  return ownerQuery<{ after: { count: number } }>(`SELECT after FROM "AuditLog" WHERE "tenantId" = $1 AND action = $2`, [tenantId, action]);
}
async function activities(leadId: string) {
  return ownerQuery<{ kind: string; data: unknown; actorName: string | null }>(
    `SELECT kind, data, "actorName" FROM "Activity" WHERE "leadId" = $1 ORDER BY "createdAt"`,
    [leadId],
  );
}

describe("leads visibility (owner mode)", () => {
  let ws: Workspace;
  let rep2Lead: string;
  let poolLead: string;
  let rep1Lead: string;

  beforeAll(async () => {
    ws = await makeLeadsWorkspace();
    [rep2Lead, poolLead, rep1Lead] = (await insertLeads(ws.tenantId, [
      { name: "Privado da Regina", ownerId: ws.rep2.membershipId, phone: "+5511987650001" },
      { name: "Lead sem dono", ownerId: null },
      { name: "Lead do Renato", ownerId: ws.rep1.membershipId },
    ])) as [string, string, string];
  });

  it("a rep cannot get, update or delete another rep's lead: NOT_FOUND, nothing changes", async () => {
    const { rep1 } = ws;
    const before = await lead(rep2Lead);
    expect((await trpcError(rep1.caller.leads.get({ id: rep2Lead }))).code).toBe("NOT_FOUND");
    expect((await trpcError(rep1.caller.leads.update({ id: rep2Lead, data: { name: "Tomado" } }))).code).toBe("NOT_FOUND");
    expect((await trpcError(rep1.caller.leads.update({ id: rep2Lead, data: { ownerId: rep1.membershipId } }))).code).toBe("NOT_FOUND");
    expect(await lead(rep2Lead)).toEqual(before);
  });

  it("a manager sees, edits and deletes any lead; deleting is NOT_FOUND for a rep's invisible lead even with the role", async () => {
    await expect(ws.manager.caller.leads.get({ id: rep2Lead })).resolves.toMatchObject({ name: "Privado da Regina" });
    const [temp] = await insertLeads(ws.tenantId, [{ name: "Para excluir", ownerId: ws.rep2.membershipId }]);
    await expect(ws.manager.caller.leads.delete({ id: temp! })).resolves.toEqual({ id: temp });
    expect((await trpcError(ws.manager.caller.leads.delete({ id: temp! }))).code).toBe("NOT_FOUND");
  });

  it("a rep sees the pool and may claim a lead from it, but may assign only to themselves", async () => {
    const { rep1, rep2 } = ws;
    const refused = await trpcError(rep1.caller.leads.update({ id: poolLead, data: { ownerId: rep2.membershipId } }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.cause).toMatchObject({ details: { fieldErrors: { ownerId: ["leads.errors.assign_self_only"] } } });
    expect((await lead(poolLead))!.ownerId).toBeNull();
    const created = await trpcError(rep1.caller.leads.create({ name: "Para a Regina", ownerId: rep2.membershipId }));
    expect(created.code).toBe("BAD_REQUEST");
    const claimed = await rep1.caller.leads.update({ id: poolLead, data: { ownerId: rep1.membershipId } });
    expect(claimed.owner).toEqual({ id: rep1.membershipId, name: "Renato Vendedor" });
    await rep1.caller.leads.update({ id: poolLead, data: { ownerId: null } });
  });

  it("a rep's list, tags, export and bulk actions leave another rep's leads out", async () => {
    const { rep1 } = ws;
    await ownerQuery(`UPDATE "Lead" SET tags = '{segredo}' WHERE id = $1`, [rep2Lead]);
    const listed = (await rep1.caller.leads.list({ limit: 100 })).items.map((l) => l.id);
    expect(listed).not.toContain(rep2Lead);
    expect(listed).toEqual(expect.arrayContaining([poolLead, rep1Lead]));
    expect((await rep1.caller.leads.tags()).map((t) => t.tag)).not.toContain("segredo");
    expect((await ws.manager.caller.leads.tags()).map((t) => t.tag)).toContain("segredo");
    const csv = (await rep1.caller.leads.export({})).csv;
    expect(csv).not.toContain("Privado da Regina");
    expect(csv).toContain("Lead do Renato");
    const bulk = await trpcError(rep1.caller.leads.bulk.tags({ selection: { ids: [rep1Lead, rep2Lead] }, add: ["x"] }));
    expect(bulk.code).toBe("NOT_FOUND");
    expect((await lead(rep1Lead))!.tags).toEqual([]);
    // "All matching" for a rep is all *visible* matching.
    const all = await rep1.caller.leads.bulk.tags({ selection: { filter: {} }, add: ["fila"] });
    expect(all.count).toBe(listed.length);
    expect((await lead(rep2Lead))!.tags).toEqual(["segredo"]);
  });

  it("in a shared tenant a rep sees every lead, and still assigns only to themselves", async () => {
    const shared = await makeLeadsWorkspace("shared");
    const [other] = await insertLeads(shared.tenantId, [{ name: "Do colega", ownerId: shared.rep2.membershipId }]);
    await expect(shared.rep1.caller.leads.get({ id: other! })).resolves.toMatchObject({ name: "Do colega" });
    const error = await trpcError(
      shared.rep1.caller.leads.bulk.assign({ selection: { ids: [other!] }, ownerId: shared.manager.membershipId }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect((await lead(other!))!.ownerId).toBe(shared.rep2.membershipId);
  });
});

describe("create and update record the timeline", () => {
  it("create records lead_created; update records lead_updated with the owner/status/tags fields that changed", async () => {
    const ws = await makeLeadsWorkspace();
    const created = await ws.rep1.caller.leads.create({ name: "Com etiquetas", tags: ["VIP", " vip", "Zona Sul"], employees: "1.200" });
    expect(created).toMatchObject({
      tags: ["vip", "zona sul"],
      employees: 1200,
      owner: { id: ws.rep1.membershipId },
      score: 0,
      scoreDetails: [],
    });
    expect(await activities(created.id)).toEqual([{ kind: "lead_created", data: null, actorName: "Renato Vendedor" }]);
    await ws.rep1.caller.leads.update({ id: created.id, data: { company: "Sem linha do tempo" } });
    await ws.rep1.caller.leads.update({ id: created.id, data: { status: "qualified", tags: ["vip"], employees: 10 } });
    await ws.rep1.caller.leads.update({ id: created.id, data: { status: "qualified" } }); // no change, no entry
    expect((await activities(created.id)).map((a) => [a.kind, a.data])).toEqual([
      ["lead_created", null],
      ["lead_updated", { fields: ["status", "tags"] }],
    ]);
  });

  it.each([
    ["a tag with punctuation", { tags: ["vip!"] }, "tags.0", "Invalid tag"],
    ["a tag over 40 characters", { tags: ["x".repeat(41)] }, "tags.0", "at most 40"],
    ["more than 20 tags", { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, "tags", "at most 20 tags"],
    ["negative employees", { employees: -1 }, "employees", "from 0 to 10000000"],
    ["fractional employees", { employees: "12,5" }, "employees", "from 0 to 10000000"],
  ])("rejects %s with a field message", async (_label, data, field, message) => {
    const ws = await makeLeadsWorkspace();
    const error = await trpcError(ws.rep1.caller.leads.create({ name: "X", ...data } as never));
    expect(error.code).toBe("BAD_REQUEST");
    const { appRouter } = await import("@/server/trpc/root");
    const shape = appRouter._def._config.errorFormatter({
      error,
      type: "mutation",
      path: "leads.create",
      input: undefined,
      ctx: { target: { kind: "root" }, session: null, locale: "en", ip: null, apiKey: null, origin: "" },
      shape: { message: error.message, code: -32600, data: { code: error.code, httpStatus: 400, path: "leads.create" } },
    }) as { data: { fieldErrors: Record<string, string[]> } };
    expect(shape.data.fieldErrors[field]?.[0]).toContain(message);
    expect(await ownerQuery(`SELECT 1 FROM "Lead" WHERE "tenantId" = $1`, [ws.tenantId])).toEqual([]);
  });
});

describe("bulk actions", () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await makeLeadsWorkspace();
  });

  it("assign: one transaction, returns the count, one audit entry, a timeline line per changed lead", async () => {
    const ids = await insertLeads(ws.tenantId, [
      { name: "A1", ownerId: null },
      { name: "A2", ownerId: ws.rep1.membershipId },
      { name: "A3", ownerId: ws.rep2.membershipId },
    ]);
    const result = await ws.manager.caller.leads.bulk.assign({ selection: { ids }, ownerId: ws.rep2.membershipId });
    expect(result).toEqual({ count: 3 });
    for (const id of ids) expect((await lead(id))!.ownerId).toBe(ws.rep2.membershipId);
    expect((await activities(ids[0]!)).map((a) => a.data)).toEqual([{ fields: ["owner"] }]);
    expect(await activities(ids[2]!)).toEqual([]); // already theirs
    expect((await auditEntries(ws.tenantId, "lead.bulk_assign")).map((e) => e.after.count)).toContain(3);
  });

  it("a bad id in the set changes nothing: unknown, another tenant's, or invisible", async () => {
    const ids = await insertLeads(ws.tenantId, [
      { name: "B1", ownerId: ws.rep1.membershipId },
      { name: "B2", ownerId: null },
    ]);
    const [globexLead] = await ownerQuery<{ id: string }>(
      `SELECT l.id FROM "Lead" l JOIN "Tenant" t ON t.id = l."tenantId" WHERE t.slug = 'globex' LIMIT 1`,
    );
    for (const bad of [randomUUID(), globexLead!.id]) {
      expect((await trpcError(ws.manager.caller.leads.bulk.tags({ selection: { ids: [...ids, bad] }, add: ["lote"] }))).code).toBe(
        "NOT_FOUND",
      );
      expect((await trpcError(ws.manager.caller.leads.bulk.assign({ selection: { ids: [...ids, bad] }, ownerId: null }))).code).toBe(
        "NOT_FOUND",
      );
      expect((await trpcError(ws.manager.caller.leads.bulk.delete({ selection: { ids: [...ids, bad] } }))).code).toBe("NOT_FOUND");
    }
    for (const id of ids) expect(await lead(id)).toMatchObject({ tags: [] });
    expect((await lead(ids[0]!))!.ownerId).toBe(ws.rep1.membershipId);
  });

  it("tags: adds without duplicates (order kept), removes, and refuses to pass 20 tags on any lead", async () => {
    const ids = await insertLeads(ws.tenantId, [
      { name: "T1", tags: ["vip", "b2b"] },
      { name: "T2", tags: [] },
      { name: "T3", tags: Array.from({ length: 19 }, (_, i) => `t${i}`) },
    ]);
    await ws.manager.caller.leads.bulk.tags({ selection: { ids: ids.slice(0, 2) }, add: ["Retorno", "vip"] });
    expect((await lead(ids[0]!))!.tags).toEqual(["vip", "b2b", "retorno"]);
    expect((await lead(ids[1]!))!.tags).toEqual(["retorno", "vip"]);
    await ws.manager.caller.leads.bulk.tags({ selection: { ids: ids.slice(0, 2) }, remove: ["vip"] });
    expect((await lead(ids[0]!))!.tags).toEqual(["b2b", "retorno"]);
    const overflow = await trpcError(ws.manager.caller.leads.bulk.tags({ selection: { ids }, add: ["a", "b"] }));
    expect(overflow.code).toBe("BAD_REQUEST");
    expect(overflow.message).toBe("leads.errors.bulk_tags_overflow?count=1&max=20");
    expect((await lead(ids[1]!))!.tags).toEqual(["retorno"]);
    expect((await trpcError(ws.manager.caller.leads.bulk.tags({ selection: { ids }, add: [] }))).code).toBe("BAD_REQUEST");
  });

  it("delete: managers only, applies to 'all matching' the filter, reports the count", async () => {
    await insertLeads(ws.tenantId, [
      { name: "Del 1", tags: ["descartar"] },
      { name: "Del 2", tags: ["descartar", "x"] },
      { name: "Fica", tags: ["manter"] },
    ]);
    const selection = { filter: { tags: ["descartar"] } };
    expect((await trpcError(ws.rep1.caller.leads.bulk.delete({ selection }))).code).toBe("FORBIDDEN");
    expect(await ws.manager.caller.leads.bulk.delete({ selection })).toEqual({ count: 2 });
    const left = await ownerQuery(
      `SELECT name FROM "Lead" WHERE "tenantId" = $1 AND name LIKE 'Del%' OR name = 'Fica' AND "tenantId" = $1`,
      [ws.tenantId],
    );
    expect(left).toEqual([{ name: "Fica" }]);
    expect((await auditEntries(ws.tenantId, "lead.bulk_delete")).map((e) => e.after.count)).toEqual([2]);
  });
});

describe("CSV export", () => {
  it("exports every matching visible lead with a BOM, the caller's language and delimiter, E.164 phones and tags", async () => {
    const ws = await makeLeadsWorkspace();
    await insertLeads(ws.tenantId, [
      {
        name: "Zélia; Souza",
        phone: "+5511987654321",
        tags: ["vip", "zona sul"],
        score: 42,
        status: "qualified",
        ownerId: ws.rep1.membershipId,
      },
      { name: "=Fórmula", tags: ["vip"], source: "website" },
      { name: "Fora do filtro", tags: [] },
      ...Array.from({ length: 30 }, (_, i) => ({ name: `Volume ${i}`, tags: ["vip"] })),
    ]);
    const pt = sessionCaller(ws.manager.user, ws.slug, "pt-BR");
    const result = await pt.leads.export({ tags: ["vip"], sort: { by: "score", dir: "desc" }, timeZone: "America/Sao_Paulo" });
    expect(result).toMatchObject({ rows: 32, truncated: false });
    const lines = result.csv.split("\r\n");
    expect(lines[0]).toBe(
      "\uFEFFNome;Empresa;CNPJ;E-mail;Telefone;Status;Origem;Responsável;Pontuação;Etiquetas;Funcionários;Último contato;Criado em",
    );
    expect(lines[1]).toMatch(
      /^"Zélia; Souza";;;;\+5511987654321;Qualificado;Outro;Renato Vendedor;42;vip\|zona sul;;;\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
    );
    expect(result.csv).toContain("'=Fórmula");
    expect(result.csv).not.toContain("Fora do filtro");
    expect(lines).toHaveLength(34); // header + 32 rows + the final CRLF
    const en = await ws.manager.caller.leads.export({ search: "zélia" });
    expect(en.csv.split("\r\n")[0]).toBe(
      "\uFEFFName,Company,CNPJ,E-mail,Phone,Status,Source,Owner,Score,Tags,Employees,Last contact,Created",
    );
    expect(en.csv.split("\r\n")[1]).toMatch(/^Zélia; Souza,,,,\+5511987654321,Qualified,Other,Renato Vendedor,42,vip\|zona sul,/);
  });
});

describe("saved views", () => {
  const view = {
    filters: { owner: "me" as const, scoreMin: 50, tags: ["vip"] },
    sort: { by: "lastContact" as const, dir: "asc" as const },
    columns: ["name" as const, "score" as const],
  };

  it("create, list, rename, update and delete my own views", async () => {
    const ws = await makeLeadsWorkspace();
    const { caller } = ws.rep1;
    const created = await caller.leads.savedFilters.create({ name: "  Minha fila ", view });
    expect(created).toMatchObject({ name: "Minha fila", view });
    await caller.leads.savedFilters.create({ name: "Quentes", view: { ...view, filters: { scoreMin: 70 } } });
    expect((await caller.leads.savedFilters.list()).map((v) => v.name)).toEqual(["Minha fila", "Quentes"]);
    const dup = await trpcError(caller.leads.savedFilters.update({ id: created.id, data: { name: "Quentes" } }));
    expect(dup.code).toBe("CONFLICT");
    expect(dup.cause).toMatchObject({ details: { fieldErrors: { name: ["leads.errors.view_name_taken"] } } });
    const renamed = await caller.leads.savedFilters.update({
      id: created.id,
      data: { name: "Fila da manhã", view: { ...view, columns: ["name"] } },
    });
    expect(renamed).toMatchObject({ name: "Fila da manhã", view: { columns: ["name"] } });
    await caller.leads.savedFilters.delete({ id: created.id });
    expect((await caller.leads.savedFilters.list()).map((v) => v.name)).toEqual(["Quentes"]);
    expect((await trpcError(caller.leads.savedFilters.create({ name: "Sem colunas", view: { ...view, columns: [] } }))).code).toBe(
      "BAD_REQUEST",
    );
  });

  it("another member cannot see, edit or delete my view; another tenant neither", async () => {
    const ws = await makeLeadsWorkspace();
    const mine = await ws.rep1.caller.leads.savedFilters.create({ name: "Privada", view });
    expect(await ws.manager.caller.leads.savedFilters.list()).toEqual([]);
    expect((await trpcError(ws.manager.caller.leads.savedFilters.update({ id: mine.id, data: { name: "Roubada" } }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await trpcError(ws.rep2.caller.leads.savedFilters.delete({ id: mine.id }))).code).toBe("NOT_FOUND");
    const gil = await callerFor("gil@globex.test", "globex.localhost:3000");
    expect((await trpcError(gil.leads.savedFilters.delete({ id: mine.id }))).code).toBe("NOT_FOUND");
    expect((await ws.rep1.caller.leads.savedFilters.list()).map((v) => v.name)).toEqual(["Privada"]);
  });
});

describe("cross-tenant", () => {
  it("another tenant's lead is NOT_FOUND on get, update, delete and bulk, and never exported", async () => {
    const ws = await makeLeadsWorkspace();
    const [id] = await insertLeads(ws.tenantId, [{ name: "Só deste tenant" }]);
    const gil = await callerFor("gil@globex.test", "globex.localhost:3000");
    expect((await trpcError(gil.leads.get({ id: id! }))).code).toBe("NOT_FOUND");
    expect((await trpcError(gil.leads.update({ id: id!, data: { name: "x" } }))).code).toBe("NOT_FOUND");
    expect((await trpcError(gil.leads.delete({ id: id! }))).code).toBe("NOT_FOUND");
    expect((await trpcError(gil.leads.bulk.assign({ selection: { ids: [id!] }, ownerId: null }))).code).toBe("NOT_FOUND");
    expect((await gil.leads.export({ search: "Só deste tenant" })).rows).toBe(0);
    expect((await lead(id!))!.name).toBe("Só deste tenant");
  });
});
