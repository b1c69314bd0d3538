import { beforeAll, describe, expect, it } from "vitest";
import { callerFor } from "@/server/testing/callers";
import { ownerQuery } from "@/server/testing/owner-db";
import { auditActions, makeWorkspace, memberCaller, trpcError, type Caller } from "@/server/routers/settings/settings-fixtures";
import { insertLeads, insertRule, leadScores } from "@/server/services/scoring/scoring-fixtures";

const ruleCount = async (tenantId: string) =>
  Number((await ownerQuery<{ n: string }>(`SELECT count(*) AS n FROM "ScoringRule" WHERE "tenantId" = $1`, [tenantId]))[0]!.n);

function zodMessages(error: unknown): Record<string, string> {
  const issues = (error as { cause: { issues: { path: (string | number)[]; message: string }[] } }).cause.issues;
  return Object.fromEntries(issues.map((i) => [i.path.join("."), i.message]));
}

describe("scoring router", () => {
  let ws: Awaited<ReturnType<typeof makeWorkspace>>;
  let other: Awaited<ReturnType<typeof makeWorkspace>>;
  let admin: Caller;
  let manager: Caller;
  let repA: { caller: Caller; membershipId: string };
  let repB: { caller: Caller; membershipId: string };
  let foreignRule: string;

  beforeAll(async () => {
    ws = await makeWorkspace();
    other = await makeWorkspace();
    admin = (await memberCaller(ws.tenant, "admin")).caller;
    manager = (await memberCaller(ws.tenant, "manager")).caller;
    repA = await memberCaller(ws.tenant, "rep");
    repB = await memberCaller(ws.tenant, "rep");
    foreignRule = await insertRule(other.tenant.id, { name: "Alheia", points: 10, condition: { type: "has_cnpj" } });
  });

  it("an admin creates, edits, toggles, reorders and deletes rules, each audited", async () => {
    const since = new Date();
    const big = await admin.scoring.rules.create({
      name: "Empresa grande",
      points: 15,
      condition: { type: "employees_at_least", min: 50 },
    });
    expect(big).toMatchObject({
      name: "Empresa grande",
      points: 15,
      enabled: true,
      position: 0,
      condition: { type: "employees_at_least", min: 50 },
    });
    const decay = await admin.scoring.rules.create({
      name: "Sem contato",
      condition: { type: "days_since_contact", afterDays: 14, pointsPerDay: -2, maxPoints: -30 },
    });
    expect(decay).toMatchObject({ points: -30, position: 1 });

    const edited = await admin.scoring.rules.update({
      id: big.id,
      data: { name: "Empresa com 100+", points: 20, condition: { type: "employees_at_least", min: 100 } },
    });
    expect(edited).toMatchObject({ name: "Empresa com 100+", points: 20, condition: { min: 100 } });
    expect(await admin.scoring.rules.toggle({ id: big.id, enabled: false })).toMatchObject({ enabled: false });

    const reordered = await admin.scoring.rules.reorder({ ids: [decay.id, big.id] });
    expect(reordered.map((r) => [r.id, r.position])).toEqual([
      [decay.id, 0],
      [big.id, 1],
    ]);
    // Any member reads the rules, in order.
    expect((await repA.caller.scoring.rules.list()).map((r) => r.name)).toEqual(["Sem contato", "Empresa com 100+"]);

    await admin.scoring.rules.delete({ id: big.id });
    await admin.scoring.rules.delete({ id: decay.id });
    expect(await admin.scoring.rules.list()).toEqual([]);

    const actions = await auditActions(ws.tenant.id, since);
    expect(actions.map((a) => a.action)).toEqual([
      "scoring_rule.create",
      "scoring_rule.create",
      "scoring_rule.update",
      "scoring_rule.disable",
      "scoring_rule.reorder",
      "scoring_rule.delete",
      "scoring_rule.delete",
    ]);
    expect(actions[2]).toMatchObject({
      objectId: big.id,
      before: { name: "Empresa grande", points: 15 },
      after: { name: "Empresa com 100+", points: 20 },
    });
  });

  it("bad condition parameters are refused by field and write nothing", async () => {
    const before = await ruleCount(ws.tenant.id);
    const bad = await trpcError(admin.scoring.rules.create({ name: "x", points: 10, condition: { type: "employees_at_least", min: 0 } }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(zodMessages(bad)).toEqual({ "condition.min": "scoring.errors.range?min=1&max=1000000" });

    const decay = await trpcError(
      admin.scoring.rules.create({ name: "x", condition: { type: "days_since_contact", afterDays: 5, pointsPerDay: 3, maxPoints: -10 } }),
    );
    expect(zodMessages(decay)).toEqual({ "condition.pointsPerDay": "scoring.errors.range?min=-1000&max=-1" });
    expect(zodMessages(await trpcError(admin.scoring.rules.create({ name: "x", points: 0, condition: { type: "has_cnpj" } })))).toEqual({
      points: "scoring.errors.points_nonzero",
    });
    expect(
      zodMessages(await trpcError(admin.scoring.rules.create({ name: "x", points: 5, condition: { type: "source_in", sources: [] } }))),
    ).toEqual({
      "condition.sources": "scoring.errors.pick_one",
    });

    const taken = await admin.scoring.rules.create({ name: "Única", points: 5, condition: { type: "has_email" } });
    const clash = await trpcError(admin.scoring.rules.create({ name: "Única", points: 7, condition: { type: "has_phone" } }));
    expect(clash.code).toBe("CONFLICT");
    expect((clash.cause as { details?: unknown }).details).toEqual({ fieldErrors: { name: ["scoring.errors.name_taken"] } });
    expect(await ruleCount(ws.tenant.id)).toBe(before + 1);
    await admin.scoring.rules.delete({ id: taken.id });
  });

  it("managers and reps cannot change rules; a support session only reads", async () => {
    const rule = await admin.scoring.rules.create({ name: "Tem telefone", points: 5, condition: { type: "has_phone" } });
    for (const caller of [manager, repA.caller]) {
      expect((await trpcError(caller.scoring.rules.create({ name: "y", points: 5, condition: { type: "has_cnpj" } }))).code).toBe(
        "FORBIDDEN",
      );
      expect((await trpcError(caller.scoring.rules.toggle({ id: rule.id, enabled: false }))).code).toBe("FORBIDDEN");
      expect((await trpcError(caller.scoring.rules.delete({ id: rule.id }))).code).toBe("FORBIDDEN");
      expect((await trpcError(caller.scoring.recompute({}))).code).toBe("FORBIDDEN");
      expect((await trpcError(caller.scoring.applyRecommended())).code).toBe("FORBIDDEN");
    }
    const support = await callerFor("root@linha.local", ws.tenant.host, `support:${ws.tenant.slug}`);
    expect((await support.scoring.rules.list()).map((r) => r.id)).toContain(rule.id);
    const refused = await trpcError(support.scoring.rules.toggle({ id: rule.id, enabled: false }));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toBe("errors.support_read_only");
    expect((await admin.scoring.rules.list()).find((r) => r.id === rule.id)?.enabled).toBe(true);
    await admin.scoring.rules.delete({ id: rule.id });
  });

  it("another tenant's rule or lead is NOT_FOUND", async () => {
    const data = { name: "Sequestro", points: 5, condition: { type: "has_cnpj" as const } };
    expect((await trpcError(admin.scoring.rules.update({ id: foreignRule, data }))).code).toBe("NOT_FOUND");
    expect((await trpcError(admin.scoring.rules.toggle({ id: foreignRule, enabled: false }))).code).toBe("NOT_FOUND");
    expect((await trpcError(admin.scoring.rules.delete({ id: foreignRule }))).code).toBe("NOT_FOUND");
    expect((await trpcError(admin.scoring.rules.reorder({ ids: [foreignRule] }))).code).toBe("NOT_FOUND");
    const [foreignLead] = await insertLeads(other.tenant.id, [{}]);
    expect((await trpcError(admin.scoring.explain({ leadId: foreignLead! }))).code).toBe("NOT_FOUND");
    const [row] = await ownerQuery(`SELECT name, enabled FROM "ScoringRule" WHERE id = $1`, [foreignRule]);
    expect(row).toEqual({ name: "Alheia", enabled: true });
  });

  it("applies the recommended rules once, then recomputes every lead in batches", async () => {
    const fresh = await makeWorkspace();
    const owner = fresh.owner.caller;
    expect(await owner.scoring.recommended()).toMatchObject({ tenantHasRules: false });
    const ids = await insertLeads(fresh.tenant.id, [
      { cnpj: "11222333000181", email: "compras@fabrica.com.br", employees: 300, lastContactAt: new Date() },
      { email: "ana@gmail.com", lastContactAt: new Date() },
    ]);
    expect(await owner.scoring.applyRecommended()).toEqual({ created: 11 });
    const rules = await owner.scoring.rules.list();
    expect(rules[0]).toMatchObject({ name: "Company with 50+ employees", points: 15, position: 0 });
    expect((await trpcError(owner.scoring.applyRecommended())).code).toBe("CONFLICT");
    expect(await owner.scoring.recommended()).toMatchObject({ tenantHasRules: true });

    const progress = await owner.scoring.recompute({});
    expect(progress).toEqual({ done: true, total: 2, processed: 2, nextCursor: null });
    const scores = await leadScores(ids);
    expect(scores.get(ids[0]!)?.score).toBe(15 + 10 + 10 + 10);
    expect(scores.get(ids[1]!)?.score).toBe(0);
    expect(scores.get(ids[1]!)?.scoreDetails).toEqual([expect.objectContaining({ name: "Free-mail address", points: -5 })]);
  });

  it("the distribution and explanations only cover leads the viewer may see", async () => {
    const t = await makeWorkspace();
    const a = await memberCaller(t.tenant, "rep");
    const b = await memberCaller(t.tenant, "rep");
    const mgr = (await memberCaller(t.tenant, "manager")).caller;
    const rule = await insertRule(t.tenant.id, { name: "Tem CNPJ", points: 45, condition: { type: "has_cnpj" } });
    const [mine, , pool, theirs] = (await insertLeads(t.tenant.id, [
      { ownerId: a.membershipId, score: 5 },
      { ownerId: a.membershipId, score: 15 },
      { ownerId: null, score: 45, cnpj: "11222333000181" },
      { ownerId: b.membershipId, score: 95 },
    ])) as [string, string, string, string];

    const counts = (d: { buckets: { count: number }[] }) => d.buckets.map((x) => x.count);
    const forRep = await a.caller.scoring.distribution();
    expect(counts(forRep)).toEqual([1, 1, 0, 0, 1, 0, 0, 0, 0, 0]);
    expect(forRep.total).toBe(3);
    expect(forRep.buckets.at(-1)).toEqual({ from: 90, to: null, count: 0 });
    expect(counts(await mgr.scoring.distribution())).toEqual([1, 1, 0, 0, 1, 0, 0, 0, 0, 1]);

    expect((await trpcError(a.caller.scoring.explain({ leadId: theirs }))).code).toBe("NOT_FOUND");
    const explained = await a.caller.scoring.explain({ leadId: pool });
    expect(explained).toMatchObject({
      stored: { score: 45, contributions: [], scoredAt: null },
      fresh: { score: 45, contributions: [{ ruleId: rule, name: "Tem CNPJ", points: 45 }] },
      stale: true,
    });

    // With shared visibility every rep sees every lead.
    await t.owner.caller.settings.crm.update({ leadVisibility: "shared" });
    const b2 = await callerFor(b.user.email, t.tenant.host);
    expect((await b2.scoring.distribution()).total).toBe(4);
    expect((await b2.scoring.explain({ leadId: mine })).stored.score).toBe(5);
  });
});
