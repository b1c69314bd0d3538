import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { memberCaller, makeWorkspace, trpcError, type Caller } from "@/server/routers/settings/settings-fixtures";
import { callerFor } from "@/server/testing/callers";
import { ownerQuery, tenantId } from "@/server/testing/owner-db";

// Each test works in a workspace of its own: test files share one database.

type Workspace = Awaited<ReturnType<typeof makeWorkspace>>;

async function lead(id: string) {
  const [row] = await ownerQuery(`SELECT * FROM "Lead" WHERE id = $1`, [id]);
  return row as Record<string, unknown> | undefined;
}

/** Timeline entries, tasks and opportunities hanging off a lead, written behind the app's back. */
async function attachHistory(tenant: string, leadId: string, tag: string) {
  const [pipeline] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Pipeline" (id, "tenantId", name, "updatedAt") VALUES (gen_random_uuid(), $1, $2, now()) RETURNING id`,
    [tenant, `Funil ${tag}`],
  );
  const [stage] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Stage" (id, "tenantId", "pipelineId", name, position, "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'Proposta', 0, now()) RETURNING id`,
    [tenant, pipeline!.id],
  );
  for (const body of ["ligou", "mandou e-mail"]) {
    await ownerQuery(`INSERT INTO "Activity" (id, "tenantId", kind, "leadId", body) VALUES (gen_random_uuid(), $1, 'note', $2, $3)`, [
      tenant,
      leadId,
      `${body} ${tag}`,
    ]);
  }
  await ownerQuery(
    `INSERT INTO "Task" (id, "tenantId", title, "dueAt", "leadId", "updatedAt") VALUES (gen_random_uuid(), $1, $2, now(), $3, now())`,
    [tenant, `Retornar ${tag}`, leadId],
  );
  await ownerQuery(
    `INSERT INTO "Opportunity" (id, "tenantId", title, "leadId", "pipelineId", "stageId", value, "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, 12500.00, now())`,
    [tenant, `Contrato ${tag}`, leadId, pipeline!.id, stage!.id],
  );
}

async function countsFor(leadId: string) {
  const [row] = await ownerQuery<{ activities: number; tasks: number; opportunities: number }>(
    `SELECT (SELECT count(*)::int FROM "Activity" WHERE "leadId" = $1 AND kind <> 'lead_merged') AS activities,
            (SELECT count(*)::int FROM "Task" WHERE "leadId" = $1) AS tasks,
            (SELECT count(*)::int FROM "Opportunity" WHERE "leadId" = $1) AS opportunities`,
    [leadId],
  );
  return row!;
}

describe("leads.duplicates", () => {
  let ws: Workspace;
  let rui: Awaited<ReturnType<typeof memberCaller>>;
  let bia: Awaited<ReturnType<typeof memberCaller>>;

  beforeAll(async () => {
    ws = await makeWorkspace();
    rui = await memberCaller(ws.tenant, "rep", "Rui Rep");
    bia = await memberCaller(ws.tenant, "rep", "Bia Rep");
  });

  describe("check", () => {
    it("finds visible leads by normalized e-mail, phone or CNPJ and says which matched", async () => {
      const maria = await rui.caller.leads.create({ name: "Maria Silva", email: "maria@silva.com.br", phone: "(11) 97777-1234" });
      const result = await rui.caller.leads.duplicates.check({ phone: "+55 11 97777 1234", email: " MARIA@silva.com.br" });
      expect(result).toEqual({ matches: [{ id: maria.id, name: "Maria Silva", company: null, matched: ["email", "phone"] }], hidden: [] });
      expect(await rui.caller.leads.duplicates.check({ phone: "11977771234", excludeId: maria.id })).toEqual({ matches: [], hidden: [] });
      expect(await rui.caller.leads.duplicates.check({ phone: "1197", email: "maria@" })).toEqual({ matches: [], hidden: [] });
    });

    it("tells a rep another rep's private lead exists without naming it", async () => {
      await bia.caller.leads.create({ name: "Cliente da Bia", cnpj: "45.723.174/0001-10" });
      const result = await rui.caller.leads.duplicates.check({ cnpj: "45723174000110" });
      expect(result).toEqual({ matches: [], hidden: ["cnpj"] });
      const manager = await ws.owner.caller.leads.duplicates.check({ cnpj: "45723174000110" });
      expect(manager.matches.map((m) => m.name)).toEqual(["Cliente da Bia"]);
      expect(manager.hidden).toEqual([]);
    });

    it("returns at most 5 leads", async () => {
      for (let i = 0; i < 7; i++) await ws.owner.caller.leads.create({ name: `Repetido ${i}`, email: "repetido@x.com.br" });
      expect((await ws.owner.caller.leads.duplicates.check({ email: "repetido@x.com.br" })).matches).toHaveLength(5);
    });

    it("never matches another tenant's leads", async () => {
      const [globex] = await ownerQuery<{ email: string }>(`SELECT email FROM "Lead" WHERE "tenantId" = $1 AND email IS NOT NULL LIMIT 1`, [
        await tenantId("globex"),
      ]);
      expect(await ws.owner.caller.leads.duplicates.check({ email: globex!.email })).toEqual({ matches: [], hidden: [] });
    });
  });

  describe("merge", () => {
    it("moves activities, tasks and opportunities to the kept lead, fills its fields and deletes the other", async () => {
      const tag = randomUUID().slice(0, 8);
      const keep = await ws.owner.caller.leads.create({
        name: `Joana ${tag}`,
        email: `joana-${tag}@x.com.br`,
        notes: "cliente desde 2020",
      });
      const other = await ws.owner.caller.leads.create({
        name: `Joana S. ${tag}`,
        email: `joana.s-${tag}@x.com.br`,
        phone: "(21) 98888-7777",
        company: "Joana Doces",
        notes: "prefere WhatsApp",
        source: "event",
      });
      await ownerQuery(`UPDATE "Lead" SET tags = $2, "lastContactAt" = '2026-03-01' WHERE id = $1`, [keep.id, ["vip"]]);
      await ownerQuery(`UPDATE "Lead" SET tags = $2, "lastContactAt" = '2026-05-01' WHERE id = $1`, [other.id, ["doces", "vip"]]);
      await attachHistory(ws.tenant.id, other.id, tag);
      const [keptBefore, otherBefore] = [await countsFor(keep.id), await countsFor(other.id)];
      expect(otherBefore.activities).toBeGreaterThanOrEqual(2);
      expect(otherBefore).toMatchObject({ tasks: 1, opportunities: 1 });

      const comparison = await ws.owner.caller.leads.duplicates.compare({ keepId: keep.id, mergeId: other.id });
      expect(comparison.merge.counts).toEqual(otherBefore);

      const result = await ws.owner.caller.leads.duplicates.merge({ keepId: keep.id, mergeId: other.id, pick: { email: "merge" } });
      expect(result).toEqual({ id: keep.id, moved: otherBefore });
      expect(await lead(other.id)).toBeUndefined();
      expect(await countsFor(keep.id)).toEqual({
        activities: keptBefore.activities + otherBefore.activities,
        tasks: keptBefore.tasks + 1,
        opportunities: keptBefore.opportunities + 1,
      });
      const [notes] = await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM "Activity" WHERE "leadId" = $1 AND body LIKE $2`, [
        keep.id,
        `% ${tag}`,
      ]);
      expect(notes!.n).toBe(2);
      expect(await lead(keep.id)).toMatchObject({
        name: `Joana ${tag}`,
        email: `joana.s-${tag}@x.com.br`,
        phone: "+5521988887777",
        company: "Joana Doces",
        source: "event",
        tags: ["vip", "doces"],
        notes: "cliente desde 2020\n\nprefere WhatsApp",
        lastContactAt: new Date("2026-05-01"),
      });
      const [merged] = await ownerQuery(`SELECT data, "actorName" FROM "Activity" WHERE "leadId" = $1 AND kind = 'lead_merged'`, [keep.id]);
      expect(merged).toEqual({ data: { mergedLeadId: other.id, mergedLeadName: `Joana S. ${tag}` }, actorName: "Olga Owner" });
      const [audit] = await ownerQuery<{ before: { merge: { name: string } }; after: { moved: unknown } }>(
        `SELECT before, after FROM "AuditLog" WHERE "tenantId" = $1 AND action = 'lead.merge' AND "objectId" = $2`,
        [ws.tenant.id, keep.id],
      );
      expect(audit!.before.merge.name).toBe(`Joana S. ${tag}`);
      expect(audit!.after.moved).toEqual(otherBefore);
    });

    it("lets a rep merge two leads of their own or of the pool", async () => {
      const mine = await rui.caller.leads.create({ name: "Meu lead" });
      const pooled = await ws.owner.caller.leads.create({ name: "Do pool", ownerId: null, phone: "(11) 96666-5555" });
      await rui.caller.leads.duplicates.merge({ keepId: mine.id, mergeId: pooled.id });
      expect(await lead(pooled.id)).toBeUndefined();
      expect(await lead(mine.id)).toMatchObject({ phone: "+5511966665555", ownerId: rui.membershipId });
    });

    it("another rep's private lead is NOT_FOUND and nothing changes", async () => {
      const mine = await rui.caller.leads.create({ name: "Do Rui" });
      const hers = await bia.caller.leads.create({ name: "Da Bia" });
      for (const call of [
        () => rui.caller.leads.duplicates.merge({ keepId: mine.id, mergeId: hers.id }),
        () => rui.caller.leads.duplicates.merge({ keepId: hers.id, mergeId: mine.id }),
        () => rui.caller.leads.duplicates.compare({ keepId: mine.id, mergeId: hers.id }),
      ]) {
        expect((await trpcError(call())).code).toBe("NOT_FOUND");
      }
      expect(await lead(hers.id)).toBeDefined();
      expect(await lead(mine.id)).toBeDefined();
    });

    it("in a shared workspace a rep sees another rep's lead but may not merge it", async () => {
      const shared = await makeWorkspace();
      await ownerQuery(`UPDATE "Tenant" SET "leadVisibility" = 'shared' WHERE id = $1`, [shared.tenant.id]);
      const a = await memberCaller(shared.tenant, "rep", "Ana Rep");
      const b = await memberCaller(shared.tenant, "rep", "Beto Rep");
      const mine = await a.caller.leads.create({ name: "Da Ana" });
      const his = await b.caller.leads.create({ name: "Do Beto" });
      const error = await trpcError(a.caller.leads.duplicates.merge({ keepId: mine.id, mergeId: his.id }));
      expect(error.code).toBe("FORBIDDEN");
      expect(error.message).toBe("leadImport.errors.mergeNotYours");
      expect(await lead(his.id)).toBeDefined();
    });

    it("refuses merging a lead with itself and a tag union over 20", async () => {
      const one = await ws.owner.caller.leads.create({ name: "Sozinho" });
      expect((await trpcError(ws.owner.caller.leads.duplicates.merge({ keepId: one.id, mergeId: one.id }))).code).toBe("BAD_REQUEST");
      const two = await ws.owner.caller.leads.create({ name: "Muitas etiquetas" });
      const tags = (p: string) => Array.from({ length: 11 }, (_, i) => `${p}${i}`);
      await ownerQuery(`UPDATE "Lead" SET tags = $2 WHERE id = $1`, [one.id, tags("a")]);
      await ownerQuery(`UPDATE "Lead" SET tags = $2 WHERE id = $1`, [two.id, tags("b")]);
      const error = await trpcError(ws.owner.caller.leads.duplicates.merge({ keepId: one.id, mergeId: two.id }));
      expect(error.code).toBe("CONFLICT");
      expect(await lead(two.id)).toBeDefined();
    });

    it("another tenant's lead is NOT_FOUND, as keep or as merge", async () => {
      const [globex] = await ownerQuery<{ id: string; name: string }>(`SELECT id, name FROM "Lead" WHERE "tenantId" = $1 LIMIT 1`, [
        await tenantId("globex"),
      ]);
      const mine = await ws.owner.caller.leads.create({ name: "Local" });
      for (const call of [
        () => ws.owner.caller.leads.duplicates.merge({ keepId: mine.id, mergeId: globex!.id }),
        () => ws.owner.caller.leads.duplicates.merge({ keepId: globex!.id, mergeId: mine.id }),
        () => ws.owner.caller.leads.duplicates.compare({ keepId: mine.id, mergeId: globex!.id }),
      ]) {
        const error = await trpcError(call());
        expect(error.code).toBe("NOT_FOUND");
        expect(JSON.stringify(error)).not.toContain(globex!.name);
      }
      expect(await lead(globex!.id)).toBeDefined();
      expect(await lead(mine.id)).toBeDefined();
    });

    it("a support session may compare but not merge", async () => {
      const support: Caller = await callerFor("root@linha.local", ws.tenant.host, `support:${ws.tenant.slug}`);
      const a = await ws.owner.caller.leads.create({ name: "Suporte A" });
      const b = await ws.owner.caller.leads.create({ name: "Suporte B" });
      await expect(support.leads.duplicates.compare({ keepId: a.id, mergeId: b.id })).resolves.toMatchObject({
        keep: { name: "Suporte A" },
      });
      expect((await trpcError(support.leads.duplicates.merge({ keepId: a.id, mergeId: b.id }))).code).toBe("FORBIDDEN");
      expect(await lead(b.id)).toBeDefined();
    });
  });
});
