import { beforeAll, describe, expect, it } from "vitest";
import { auditActions, trpcError } from "@/server/routers/settings/settings-fixtures";
import { ownerQuery } from "@/server/testing/owner-db";
import { english, insertLead, insertTask, makeCrmWorkspace, zodMessages, type CrmWorkspace } from "./pipelines-fixtures";

describe("pipelines router", () => {
  let ws: CrmWorkspace;
  let other: CrmWorkspace;

  beforeAll(async () => {
    [ws, other] = await Promise.all([makeCrmWorkspace(), makeCrmWorkspace()]);
  });

  describe("default pipeline", () => {
    it("a tenant without pipelines gets 'Vendas' with the five default stages, once, even on concurrent first reads", async () => {
      const fresh = await makeCrmWorkspace();
      const lists = await Promise.all([fresh.repA.pipelines.list(), fresh.manager.pipelines.list(), fresh.owner.pipelines.board({})]);
      const [pipelines] = lists;
      expect(pipelines).toHaveLength(1);
      expect(pipelines[0]!.name).toBe("Vendas");
      expect(pipelines[0]!.stages.map((s) => [s.name, s.probability, s.rottingDays])).toEqual([
        ["Prospecção", 10, 14],
        ["Qualificação", 25, 14],
        ["Proposta", 50, 10],
        ["Negociação", 75, 7],
        ["Fechamento", 90, 5],
      ]);
      const [count] = await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM "Pipeline" WHERE "tenantId" = $1`, [fresh.tenant.id]);
      expect(count!.n).toBe(1);
      // A rep sees the stages but not how many records they hold (some may be hidden from them).
      expect(pipelines[0]!.stages.every((s) => s.opportunityCount === null)).toBe(true);
      expect(lists[1][0]!.stages.every((s) => s.opportunityCount === 0)).toBe(true);
    });
  });

  describe("pipeline and stage rules", () => {
    it("reps may read but not change pipelines or stages", async () => {
      const [pipeline] = await ws.repA.pipelines.list();
      const stage = pipeline!.stages[0]!;
      expect((await trpcError(ws.repA.pipelines.create({ name: "Rep pipeline" }))).code).toBe("FORBIDDEN");
      expect((await trpcError(ws.repA.pipelines.update({ id: pipeline!.id, data: { name: "X" } }))).code).toBe("FORBIDDEN");
      expect((await trpcError(ws.repA.pipelines.stages.create({ pipelineId: pipeline!.id, name: "X", probability: 5 }))).code).toBe(
        "FORBIDDEN",
      );
      expect((await trpcError(ws.repA.pipelines.stages.update({ id: stage.id, data: { probability: 99 } }))).code).toBe("FORBIDDEN");
      expect((await trpcError(ws.repA.pipelines.stages.delete({ id: stage.id }))).code).toBe("FORBIDDEN");
      expect((await ws.repA.pipelines.list())[0]!.stages[0]!.probability).toBe(stage.probability);
    });

    it("a manager adds, renames and reorders stages; bad values and duplicate names are refused with field errors", async () => {
      const { id: pipelineId } = await ws.manager.pipelines.create({ name: "Parcerias" });
      const added = await ws.manager.pipelines.stages.create({ pipelineId, name: "Contrato", probability: 95, rottingDays: "" });
      let stages = (await ws.manager.pipelines.list()).find((p) => p.id === pipelineId)!.stages;
      expect(stages.at(-1)).toMatchObject({ id: added.id, name: "Contrato", probability: 95, rottingDays: null });

      await ws.manager.pipelines.stages.update({ id: added.id, data: { name: "Assinatura", rottingDays: 3 } });
      const duplicate = await trpcError(ws.manager.pipelines.stages.update({ id: added.id, data: { name: "proposta" } }));
      expect(duplicate.code).toBe("CONFLICT");
      expect(duplicate.cause).toMatchObject({ details: { fieldErrors: { name: ["pipelines.errors.stage_name_taken"] } } });

      const badProbability = await trpcError(ws.manager.pipelines.stages.create({ pipelineId, name: "Y", probability: 101 }));
      expect(badProbability.code).toBe("BAD_REQUEST");
      expect(zodMessages(badProbability)).toEqual(["pipelines.errors.invalid_probability"]);
      expect((await trpcError(ws.manager.pipelines.stages.create({ pipelineId, name: "Y", probability: 5, rottingDays: 0 }))).code).toBe(
        "BAD_REQUEST",
      );

      const reversed = [...stages.map((s) => s.id)].reverse();
      await ws.manager.pipelines.stages.reorder({ pipelineId, stageIds: reversed });
      stages = (await ws.manager.pipelines.list()).find((p) => p.id === pipelineId)!.stages;
      expect(stages.map((s) => s.id)).toEqual(reversed);
      expect(stages[0]).toMatchObject({ name: "Assinatura", rottingDays: 3 });
      // A partial order is ambiguous: refused.
      expect((await trpcError(ws.manager.pipelines.stages.reorder({ pipelineId, stageIds: reversed.slice(1) }))).code).toBe("BAD_REQUEST");
    });

    it("a stage with opportunities cannot be deleted (the message tells how many); an empty one can, and is audited", async () => {
      const { id: pipelineId } = await ws.manager.pipelines.create({ name: "Renovações" });
      const stages = (await ws.manager.pipelines.list()).find((p) => p.id === pipelineId)!.stages;
      const [full, empty] = [stages[0]!, stages[1]!];
      await ws.manager.pipelines.opportunities.create({ title: "Renovação A", value: "100", stageId: full.id });
      const lost = await ws.manager.pipelines.opportunities.create({ title: "Renovação B", value: "100", stageId: full.id });
      await ws.manager.pipelines.opportunities.lose({ id: lost.id, reason: "Preço" });

      const refused = await trpcError(ws.manager.pipelines.stages.delete({ id: full.id }));
      expect(refused.code).toBe("CONFLICT");
      expect(english(refused)).toBe("This stage has 2 opportunity(ies), won and lost included. Move them before deleting it.");
      expect(
        (await ws.manager.pipelines.list()).find((p) => p.id === pipelineId)!.stages.find((s) => s.id === full.id)?.opportunityCount,
      ).toBe(2);

      const since = new Date();
      await ws.manager.pipelines.stages.delete({ id: empty.id });
      expect((await ws.manager.pipelines.list()).find((p) => p.id === pipelineId)!.stages.map((s) => s.id)).not.toContain(empty.id);
      expect((await auditActions(ws.tenant.id, since)).map((a) => [a.action, a.objectId])).toContainEqual(["stage.delete", empty.id]);
    });

    it("a pipeline's last stage, a pipeline with opportunities and the tenant's last pipeline cannot be deleted", async () => {
      const fresh = await makeCrmWorkspace();
      const [vendas] = await fresh.manager.pipelines.list();
      expect(english(await trpcError(fresh.manager.pipelines.delete({ id: vendas!.id })))).toBe(
        "This is the only pipeline. Create another one before deleting it.",
      );
      const { id: spare } = await fresh.manager.pipelines.create({ name: "Extra" });
      const spareStages = (await fresh.manager.pipelines.list()).find((p) => p.id === spare)!.stages;
      for (const stage of spareStages.slice(1)) await fresh.manager.pipelines.stages.delete({ id: stage.id });
      expect(english(await trpcError(fresh.manager.pipelines.stages.delete({ id: spareStages[0]!.id })))).toBe(
        "A pipeline needs at least one stage.",
      );

      await fresh.manager.pipelines.opportunities.create({ title: "Em Vendas", value: "10", stageId: vendas!.stages[0]!.id });
      const notEmpty = await trpcError(fresh.manager.pipelines.delete({ id: vendas!.id }));
      expect(notEmpty.code).toBe("CONFLICT");
      expect(english(notEmpty)).toContain("has 1 opportunity");
      expect((await trpcError(fresh.manager.pipelines.create({ name: "vendas" }))).code).toBe("CONFLICT");

      await fresh.owner.pipelines.delete({ id: spare });
      expect((await fresh.owner.pipelines.list()).map((p) => p.id)).toEqual([vendas!.id]);
    });
  });

  describe("board", () => {
    it("columns carry count, total and weighted total in exact decimals; cards carry age, rotting and the next task", async () => {
      const fresh = await makeCrmWorkspace();
      const [pipeline] = await fresh.manager.pipelines.list();
      const [prospect, qualify] = [pipeline!.stages[0]!, pipeline!.stages[1]!];
      const leadId = await insertLead(fresh.tenant.id, { name: "Carla Dias", company: "Padaria Pão Quente" });
      const a = await fresh.manager.pipelines.opportunities.create({ value: "0,10", stageId: prospect.id, leadId });
      await fresh.manager.pipelines.opportunities.create({ title: "B", value: "0,20", stageId: prospect.id });
      await fresh.manager.pipelines.opportunities.create({ title: "C", value: "1.234,57", stageId: qualify.id });
      const closed = await fresh.manager.pipelines.opportunities.create({ title: "Ganha", value: "999", stageId: qualify.id });
      await fresh.manager.pipelines.opportunities.win({ id: closed.id });

      // A is 20 days in Prospecção (rotting after 14), with an overdue lead task and a later one of its own.
      await ownerQuery(`UPDATE "Opportunity" SET "stageEnteredAt" = now() - interval '20 days' WHERE id = $1`, [a.id]);
      const overdue = await insertTask(fresh.tenant.id, { title: "Ligar para Carla", dueAt: new Date(Date.now() - 86_400_000), leadId });
      await insertTask(fresh.tenant.id, {
        title: "Enviar proposta",
        dueAt: new Date(Date.now() + 86_400_000),
        opportunityId: a.id,
        type: "email",
      });
      await insertTask(fresh.tenant.id, {
        title: "Feita",
        dueAt: new Date(Date.now() - 2 * 86_400_000),
        opportunityId: a.id,
        completed: true,
      });

      const board = await fresh.manager.pipelines.board({ pipelineId: pipeline!.id });
      expect(board.columns.map((c) => [c.name, c.count, c.total, c.weighted])).toEqual([
        ["Prospecção", 2, "0.30", "0.03"],
        // 1234.57 × 25 % = 308.6425 → 308.64
        ["Qualificação", 1, "1234.57", "308.64"],
        ["Proposta", 0, "0.00", "0.00"],
        ["Negociação", 0, "0.00", "0.00"],
        ["Fechamento", 0, "0.00", "0.00"],
      ]);
      expect(board.totals).toEqual({ count: 3, total: "1234.87", weighted: "308.67" });
      const card = board.columns[0]!.cards.find((c) => c.id === a.id)!;
      expect(card).toMatchObject({
        title: "Padaria Pão Quente",
        value: "0.10",
        lead: { id: leadId, name: "Carla Dias" },
        owner: { name: "Marta Gerente" },
        ageDays: 20,
        rotting: true,
        overdueTasks: 1,
        nextTask: { id: overdue, title: "Ligar para Carla", type: "call", overdue: true },
      });
      expect(board.columns[0]!.cards.find((c) => c.title === "B")).toMatchObject({
        ageDays: 0,
        rotting: false,
        nextTask: null,
        overdueTasks: 0,
      });
    });

    it("a rep sees their own and unassigned cards, not another rep's; owner and search filters narrow the board", async () => {
      const fresh = await makeCrmWorkspace();
      const stageId = (await fresh.manager.pipelines.list())[0]!.stages[0]!.id;
      await fresh.repA.pipelines.opportunities.create({ title: "Do Rui", value: "100", stageId });
      await fresh.repB.pipelines.opportunities.create({ title: "Da Bia", value: "200", stageId });
      await fresh.manager.pipelines.opportunities.create({ title: "Sem dono", value: "300", stageId, ownerId: null });
      const titles = async (caller: typeof fresh.repA, input = {}) =>
        (await caller.pipelines.board(input)).columns[0]!.cards.map((c) => c.title).sort();

      expect(await titles(fresh.repA)).toEqual(["Do Rui", "Sem dono"]);
      expect((await fresh.repA.pipelines.board({})).columns[0]!.total).toBe("400.00");
      expect(await titles(fresh.manager)).toEqual(["Da Bia", "Do Rui", "Sem dono"]);
      expect(await titles(fresh.repA, { owner: "me" })).toEqual(["Do Rui"]);
      expect(await titles(fresh.repA, { owner: fresh.repBId })).toEqual([]);
      expect(await titles(fresh.manager, { owner: fresh.repBId })).toEqual(["Da Bia"]);
      expect(await titles(fresh.manager, { search: "bia" })).toEqual(["Da Bia"]);
      // With shared visibility every rep sees everything.
      await ownerQuery(`UPDATE "Tenant" SET "leadVisibility" = 'shared' WHERE id = $1`, [fresh.tenant.id]);
      expect(await titles(fresh.repA)).toEqual(["Da Bia", "Do Rui", "Sem dono"]);
    });
  });

  describe("cross-tenant and support access", () => {
    it("another tenant's pipeline or stage is NOT_FOUND for every procedure taking its id, and stays unchanged", async () => {
      const [theirs] = await other.manager.pipelines.list();
      const stage = theirs!.stages[0]!;
      const calls = [
        () => ws.manager.pipelines.board({ pipelineId: theirs!.id }),
        () => ws.manager.pipelines.update({ id: theirs!.id, data: { name: "Hijack" } }),
        () => ws.manager.pipelines.delete({ id: theirs!.id }),
        () => ws.manager.pipelines.stages.create({ pipelineId: theirs!.id, name: "Hijack", probability: 1 }),
        () => ws.manager.pipelines.stages.update({ id: stage.id, data: { name: "Hijack" } }),
        () => ws.manager.pipelines.stages.delete({ id: stage.id }),
        () => ws.manager.pipelines.stages.reorder({ pipelineId: theirs!.id, stageIds: theirs!.stages.map((s) => s.id) }),
      ];
      for (const call of calls) expect((await trpcError(call())).code).toBe("NOT_FOUND");
      expect(await other.manager.pipelines.list()).toEqual([theirs]);
    });

    it("a support session reads the board and pipelines but changes nothing", async () => {
      const support = await ws.support();
      const board = await support.pipelines.board({});
      expect(board.columns.length).toBeGreaterThan(0);
      expect((await trpcError(support.pipelines.create({ name: "Suporte" }))).code).toBe("FORBIDDEN");
      expect((await trpcError(support.pipelines.stages.update({ id: board.columns[0]!.id, data: { name: "X" } }))).code).toBe("FORBIDDEN");
    });
  });
});
