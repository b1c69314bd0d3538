import { beforeAll, describe, expect, it } from "vitest";
import { auditActions, trpcError } from "@/server/routers/settings/settings-fixtures";
import { ownerQuery } from "@/server/testing/owner-db";
import { activitiesOf, english, insertLead, makeCrmWorkspace, opportunityRow, zodMessages, type CrmWorkspace } from "./pipelines-fixtures";

describe("pipelines.opportunities router", () => {
  let ws: CrmWorkspace;
  let other: CrmWorkspace;
  let stages: { id: string; name: string }[];

  beforeAll(async () => {
    [ws, other] = await Promise.all([makeCrmWorkspace(), makeCrmWorkspace()]);
    stages = (await ws.manager.pipelines.list())[0]!.stages;
  });

  describe("create and update", () => {
    it("from a lead: the title defaults to its company, the owner to the creator, and the lead's timeline gets an entry", async () => {
      const leadId = await insertLead(ws.tenant.id, { name: "Joana Prado", company: "Clínica Sorriso", ownerId: ws.repAId });
      const created = await ws.repA.pipelines.opportunities.create({ leadId, value: "12.500,00", expectedCloseOn: "2026-12-15" });
      expect(created).toMatchObject({
        title: "Clínica Sorriso",
        value: "12500.00",
        status: "open",
        lead: { id: leadId, name: "Joana Prado" },
        owner: { id: ws.repAId, name: "Rui Vendedor" },
        stage: { id: stages[0]!.id, name: "Prospecção" },
        expectedCloseOn: "2026-12-15",
        lines: [],
      });
      expect(await activitiesOf(created.id)).toEqual([
        {
          kind: "opportunity_created",
          leadId,
          data: { title: "Clínica Sorriso", value: "12500.00" },
          actorName: expect.stringContaining("Rui"),
        },
      ]);
    });

    it("without a lead a title is required; bad amounts and dates are field errors; nothing is written", async () => {
      const before = await ownerQuery(`SELECT count(*)::int AS n FROM "Opportunity" WHERE "tenantId" = $1`, [ws.tenant.id]);
      const noTitle = await trpcError(ws.manager.pipelines.opportunities.create({ value: "10" }));
      expect(noTitle.code).toBe("BAD_REQUEST");
      expect(noTitle.cause).toMatchObject({ details: { fieldErrors: { title: ["pipelines.errors.title_required"] } } });
      expect(zodMessages(await trpcError(ws.manager.pipelines.opportunities.create({ title: "X", value: "doze reais" })))).toEqual([
        "pipelines.errors.invalid_amount",
      ]);
      expect(zodMessages(await trpcError(ws.manager.pipelines.opportunities.create({ title: "X", value: "-5" })))).toEqual([
        "pipelines.errors.invalid_amount",
      ]);
      expect(
        zodMessages(await trpcError(ws.manager.pipelines.opportunities.create({ title: "X", value: "1", expectedCloseOn: "2026-02-30" }))),
      ).toEqual(["pipelines.errors.invalid_date"]);
      expect(await ownerQuery(`SELECT count(*)::int AS n FROM "Opportunity" WHERE "tenantId" = $1`, [ws.tenant.id])).toEqual(before);
    });

    it("with lines the value is their exact sum, computed on the server; replacing or removing lines follows", async () => {
      const created = await ws.manager.pipelines.opportunities.create({
        title: "Plano Pro — 25 ramais",
        value: "1",
        stageId: stages[2]!.id,
        lines: [
          { description: "Ramal Pro", quantity: 25, unitPrice: "49,90" },
          { description: "Instalação", quantity: 3, unitPrice: "0,10" },
        ],
      });
      expect(created.value).toBe("1247.80");
      expect(created.lines.map((l) => [l.description, l.quantity, l.unitPrice, l.amount])).toEqual([
        ["Ramal Pro", 25, "49.90", "1247.50"],
        ["Instalação", 3, "0.10", "0.30"],
      ]);
      // A value sent alongside existing lines is ignored: lines rule.
      expect((await ws.manager.pipelines.opportunities.update({ id: created.id, data: { value: "5" } })).value).toBe("1247.80");
      const replaced = await ws.manager.pipelines.opportunities.update({
        id: created.id,
        data: { lines: [{ description: "Tronco SIP", quantity: 2, unitPrice: "1.234,56" }] },
      });
      expect([replaced.value, replaced.lines.length]).toEqual(["2469.12", 1]);
      const cleared = await ws.manager.pipelines.opportunities.update({ id: created.id, data: { lines: [], value: "300" } });
      expect([cleared.value, cleared.lines]).toEqual(["300.00", []]);
      expect(
        zodMessages(
          await trpcError(
            ws.manager.pipelines.opportunities.update({
              id: created.id,
              data: { lines: [{ description: "X", quantity: 0, unitPrice: "1" }] },
            }),
          ),
        ),
      ).toEqual(["pipelines.errors.invalid_quantity"]);
    });

    it("a rep may not give an opportunity to someone else, on create or update", async () => {
      const refused = await trpcError(ws.repA.pipelines.opportunities.create({ title: "Para a Bia", value: "1", ownerId: ws.repBId }));
      expect(refused.code).toBe("FORBIDDEN");
      expect(refused.cause).toMatchObject({ details: { fieldErrors: { ownerId: ["pipelines.errors.assign_self_only"] } } });
      const mine = await ws.repA.pipelines.opportunities.create({ title: "Minha", value: "1" });
      expect((await trpcError(ws.repA.pipelines.opportunities.update({ id: mine.id, data: { ownerId: ws.managerId } }))).code).toBe(
        "FORBIDDEN",
      );
      expect((await ws.repA.pipelines.opportunities.update({ id: mine.id, data: { ownerId: null } })).owner).toBeNull();
      expect((await ws.manager.pipelines.opportunities.update({ id: mine.id, data: { ownerId: ws.repBId } })).owner?.id).toBe(ws.repBId);
    });
  });

  describe("move", () => {
    it("moves to another stage, restarts the age in stage and writes a stage_change on the opportunity and its lead", async () => {
      const leadId = await insertLead(ws.tenant.id, { name: "Otávio Reis", company: "Reis Transportes", ownerId: ws.repAId });
      const opp = await ws.repA.pipelines.opportunities.create({ leadId, value: "8000", stageId: stages[0]!.id });
      await ownerQuery(`UPDATE "Opportunity" SET "stageEnteredAt" = now() - interval '9 days' WHERE id = $1`, [opp.id]);
      const moved = await ws.repA.pipelines.opportunities.move({ id: opp.id, fromStageId: stages[0]!.id, toStageId: stages[2]!.id });
      const row = await opportunityRow(opp.id);
      expect(row?.stageId).toBe(stages[2]!.id);
      expect(Date.now() - row!.stageEnteredAt.getTime()).toBeLessThan(60_000);
      expect(moved).toMatchObject({ id: opp.id, stageId: stages[2]!.id });
      const [, change] = await activitiesOf(opp.id);
      expect(change).toMatchObject({
        kind: "stage_change",
        leadId,
        data: { fromStageId: stages[0]!.id, toStageId: stages[2]!.id, fromStage: "Prospecção", toStage: "Proposta" },
      });
      const board = await ws.repA.pipelines.board({});
      expect(board.columns[2]!.cards.map((c) => c.id)).toContain(opp.id);
    });

    it("a stale move (card already moved, or closed) is a CONFLICT with a specific message and changes nothing", async () => {
      const opp = await ws.manager.pipelines.opportunities.create({ title: "Disputada", value: "500", stageId: stages[0]!.id });
      await ws.manager.pipelines.opportunities.move({ id: opp.id, fromStageId: stages[0]!.id, toStageId: stages[1]!.id });
      const before = await opportunityRow(opp.id);
      const activities = await activitiesOf(opp.id);

      const stale = await trpcError(
        ws.owner.pipelines.opportunities.move({ id: opp.id, fromStageId: stages[0]!.id, toStageId: stages[3]!.id }),
      );
      expect(stale.code).toBe("CONFLICT");
      expect(english(stale)).toBe("This opportunity was moved or closed by someone else. The board has been refreshed.");
      expect(await opportunityRow(opp.id)).toEqual(before);

      await ws.manager.pipelines.opportunities.win({ id: opp.id, reason: "Fechou contrato de 12 meses" });
      const closed = await trpcError(
        ws.manager.pipelines.opportunities.move({ id: opp.id, fromStageId: stages[1]!.id, toStageId: stages[3]!.id }),
      );
      expect(closed.code).toBe("CONFLICT");
      expect((await opportunityRow(opp.id))?.stageId).toBe(stages[1]!.id);
      expect((await activitiesOf(opp.id)).map((a) => a.kind)).toEqual([...activities.map((a) => a.kind), "opportunity_won"]);
    });

    it("two simultaneous moves of one card: exactly one wins, the other is told", async () => {
      const opp = await ws.manager.pipelines.opportunities.create({ title: "Corrida", value: "50", stageId: stages[0]!.id });
      const results = await Promise.allSettled([
        ws.manager.pipelines.opportunities.move({ id: opp.id, fromStageId: stages[0]!.id, toStageId: stages[1]!.id }),
        ws.owner.pipelines.opportunities.move({ id: opp.id, fromStageId: stages[0]!.id, toStageId: stages[2]!.id }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
      expect((await activitiesOf(opp.id)).filter((a) => a.kind === "stage_change")).toHaveLength(1);
    });

    it("a stage of another pipeline is refused as invalid input", async () => {
      const { id: pipelineId } = await ws.manager.pipelines.create({ name: `Outro ${Date.now()}` });
      const foreignStage = (await ws.manager.pipelines.list()).find((p) => p.id === pipelineId)!.stages[0]!;
      const opp = await ws.manager.pipelines.opportunities.create({ title: "Fica", value: "1", stageId: stages[0]!.id });
      const error = await trpcError(
        ws.manager.pipelines.opportunities.move({ id: opp.id, fromStageId: stages[0]!.id, toStageId: foreignStage.id }),
      );
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.cause).toMatchObject({ code: "INVALID_INPUT" });
      expect((await opportunityRow(opp.id))?.stageId).toBe(stages[0]!.id);
    });
  });

  describe("visibility", () => {
    it("a rep cannot see, move, edit, close or reopen another rep's private opportunity: NOT_FOUND", async () => {
      const theirs = await ws.repB.pipelines.opportunities.create({ title: "Privada da Bia", value: "900", stageId: stages[0]!.id });
      const calls = [
        () => ws.repA.pipelines.opportunities.get({ id: theirs.id }),
        () => ws.repA.pipelines.opportunities.move({ id: theirs.id, fromStageId: stages[0]!.id, toStageId: stages[1]!.id }),
        () => ws.repA.pipelines.opportunities.update({ id: theirs.id, data: { title: "Minha agora" } }),
        () => ws.repA.pipelines.opportunities.win({ id: theirs.id }),
        () => ws.repA.pipelines.opportunities.lose({ id: theirs.id, reason: "Preço" }),
        () => ws.repA.pipelines.opportunities.reopen({ id: theirs.id }),
      ];
      for (const call of calls) expect((await trpcError(call())).code).toBe("NOT_FOUND");
      expect((await ws.repA.pipelines.opportunities.list({ limit: 100 })).items.map((o) => o.id)).not.toContain(theirs.id);
      expect(await opportunityRow(theirs.id)).toMatchObject({ stageId: stages[0]!.id, status: "open" });
      expect((await ws.repB.pipelines.opportunities.get({ id: theirs.id })).title).toBe("Privada da Bia");
    });

    it("a rep cannot link an opportunity to a lead they cannot see", async () => {
      const hidden = await insertLead(ws.tenant.id, { name: "Lead da Bia", ownerId: ws.repBId });
      expect((await trpcError(ws.repA.pipelines.opportunities.create({ leadId: hidden, value: "1" }))).code).toBe("NOT_FOUND");
    });
  });

  describe("won, lost and reopened", () => {
    it("lost needs a reason (in the schema and in the database); closing twice is a CONFLICT; reopen brings it back", async () => {
      const leadId = await insertLead(ws.tenant.id, { name: "Marcos Lima", ownerId: ws.managerId });
      const opp = await ws.manager.pipelines.opportunities.create({ leadId, title: "Central PABX", value: "4200", stageId: stages[3]!.id });
      expect(zodMessages(await trpcError(ws.manager.pipelines.opportunities.lose({ id: opp.id, reason: "  " })))).toEqual([
        "pipelines.errors.reason_required",
      ]);
      // The CHECK refuses a blank reason. (It lets a NULL one through: length(btrim(NULL)) > 0 is NULL, not false.)
      await expect(
        ownerQuery(`UPDATE "Opportunity" SET status = 'lost', "closedAt" = now(), "closeReason" = '  ' WHERE id = $1`, [opp.id]),
      ).rejects.toThrow(/Opportunity_lost_reason/);

      const lost = await ws.manager.pipelines.opportunities.lose({ id: opp.id, reason: "Concorrente" });
      expect(lost).toMatchObject({ status: "lost", closeReason: "Concorrente" });
      expect(lost.closedAt).toBeInstanceOf(Date);
      const again = await trpcError(ws.manager.pipelines.opportunities.win({ id: opp.id }));
      expect([again.code, english(again)]).toEqual(["CONFLICT", "This opportunity is already closed."]);
      expect((await ws.manager.pipelines.board({})).columns[3]!.cards.map((c) => c.id)).not.toContain(opp.id);

      const reopened = await ws.manager.pipelines.opportunities.reopen({ id: opp.id });
      expect(reopened).toMatchObject({ status: "open", closeReason: null, closedAt: null, stage: { id: stages[3]!.id } });
      expect((await trpcError(ws.manager.pipelines.opportunities.reopen({ id: opp.id }))).code).toBe("CONFLICT");
      const won = await ws.manager.pipelines.opportunities.win({ id: opp.id });
      expect([won.status, won.closeReason]).toEqual(["won", null]);

      expect((await activitiesOf(opp.id)).map((a) => [a.kind, a.leadId, a.data?.reason ?? null])).toEqual([
        ["opportunity_created", leadId, null],
        ["opportunity_lost", leadId, "Concorrente"],
        ["opportunity_reopened", leadId, null],
        ["opportunity_won", leadId, null],
      ]);
    });
  });

  describe("list", () => {
    let scoped: CrmWorkspace;
    beforeAll(async () => {
      scoped = await makeCrmWorkspace();
      const st = (await scoped.manager.pipelines.list())[0]!.stages;
      const values = ["100", "2500", "2500", "40000", "0,50", "999,99", "12000", "2500"];
      for (const [i, value] of values.entries()) {
        const opp = await scoped.manager.pipelines.opportunities.create({
          title: `Oportunidade ${i}`,
          value,
          stageId: st[i % st.length]!.id,
          expectedCloseOn: i % 3 === 0 ? null : `2026-0${(i % 9) + 1}-10`,
          ownerId: i % 2 === 0 ? scoped.repAId : scoped.managerId,
        });
        if (i === 5) await scoped.manager.pipelines.opportunities.lose({ id: opp.id, reason: "Sem orçamento" });
      }
    });

    it("pages through every sort with a keyset cursor: no repeats, no gaps, in order", async () => {
      for (const sort of ["created_desc", "value_desc", "value_asc", "close_asc", "stage_age_desc"] as const) {
        const seen: { id: string; value: string; expectedCloseOn: string | null }[] = [];
        let cursor: string | null = null;
        do {
          const page: Awaited<ReturnType<typeof scoped.manager.pipelines.opportunities.list>> =
            await scoped.manager.pipelines.opportunities.list({
              sort,
              limit: 3,
              cursor,
            });
          seen.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor);
        expect(seen).toHaveLength(8);
        expect(new Set(seen.map((o) => o.id)).size).toBe(8);
        if (sort === "value_desc")
          expect(seen.map((o) => Number(o.value))).toEqual([...seen.map((o) => Number(o.value))].sort((a, b) => b - a));
        if (sort === "close_asc") {
          const dated = seen.filter((o) => o.expectedCloseOn);
          expect(seen.slice(0, dated.length)).toEqual(dated);
          expect(dated.map((o) => o.expectedCloseOn)).toEqual([...dated.map((o) => o.expectedCloseOn)].sort());
        }
      }
    });

    it("filters narrow the items and the totals of the filtered set", async () => {
      const all = await scoped.manager.pipelines.opportunities.list({ limit: 2 });
      expect(all.totals).toEqual({ count: 8, value: "60600.49" });
      expect((await scoped.manager.pipelines.opportunities.list({ status: "lost" })).totals).toEqual({ count: 1, value: "999.99" });
      expect((await scoped.manager.pipelines.opportunities.list({ minValue: "2.500,00" })).totals).toEqual({ count: 5, value: "59500.00" });
      expect((await scoped.manager.pipelines.opportunities.list({ owner: scoped.repAId })).totals.count).toBe(4);
      expect((await scoped.manager.pipelines.opportunities.list({ search: "oportunidade 7" })).items.map((o) => o.title)).toEqual([
        "Oportunidade 7",
      ]);
      expect(
        (await scoped.manager.pipelines.opportunities.list({ closeFrom: "2026-03-01", closeTo: "2026-06-30" })).items
          .map((o) => o.expectedCloseOn)
          .sort(),
      ).toEqual(["2026-03-10", "2026-05-10", "2026-06-10"]);
      // A rep's list only holds what they may see.
      expect((await scoped.repA.pipelines.opportunities.list({})).totals.count).toBe(4);
      expect((await scoped.repB.pipelines.opportunities.list({})).totals.count).toBe(0);
      expect((await trpcError(scoped.manager.pipelines.opportunities.list({ cursor: "not-a-cursor" }))).code).toBe("BAD_REQUEST");
    });
  });

  describe("delete", () => {
    it("managers delete (audited with a snapshot); reps may not", async () => {
      const opp = await ws.repA.pipelines.opportunities.create({ title: "Apagar", value: "77,70", stageId: stages[1]!.id });
      expect((await trpcError(ws.repA.pipelines.opportunities.delete({ id: opp.id }))).code).toBe("FORBIDDEN");
      const since = new Date();
      await ws.manager.pipelines.opportunities.delete({ id: opp.id });
      expect(await opportunityRow(opp.id)).toBeUndefined();
      const [entry] = (await auditActions(ws.tenant.id, since)).filter((a) => a.action === "opportunity.delete");
      expect(entry).toMatchObject({
        objectId: opp.id,
        before: { title: "Apagar", value: "77.70", status: "open", stageId: stages[1]!.id },
      });
    });
  });

  describe("cross-tenant and support access", () => {
    it("another tenant's opportunity is NOT_FOUND for every procedure taking an id, and stays unchanged", async () => {
      const theirStages = (await other.manager.pipelines.list())[0]!.stages;
      const theirs = await other.manager.pipelines.opportunities.create({
        title: "Da outra empresa",
        value: "10",
        stageId: theirStages[0]!.id,
      });
      const calls = [
        () => ws.owner.pipelines.opportunities.get({ id: theirs.id }),
        () => ws.owner.pipelines.opportunities.update({ id: theirs.id, data: { title: "Hijack" } }),
        () => ws.owner.pipelines.opportunities.move({ id: theirs.id, fromStageId: theirStages[0]!.id, toStageId: theirStages[1]!.id }),
        () => ws.owner.pipelines.opportunities.win({ id: theirs.id }),
        () => ws.owner.pipelines.opportunities.lose({ id: theirs.id, reason: "x" }),
        () => ws.owner.pipelines.opportunities.reopen({ id: theirs.id }),
        () => ws.owner.pipelines.opportunities.delete({ id: theirs.id }),
      ];
      for (const call of calls) expect((await trpcError(call())).code).toBe("NOT_FOUND");
      // Their stage cannot be used from here either.
      const mine = await ws.owner.pipelines.opportunities.create({ title: "Minha", value: "1", stageId: stages[0]!.id });
      expect(
        (await trpcError(ws.owner.pipelines.opportunities.move({ id: mine.id, fromStageId: stages[0]!.id, toStageId: theirStages[1]!.id })))
          .code,
      ).toBe("NOT_FOUND");
      expect((await trpcError(ws.owner.pipelines.opportunities.create({ title: "X", value: "1", stageId: theirStages[0]!.id }))).code).toBe(
        "BAD_REQUEST",
      );
      expect(await opportunityRow(theirs.id)).toMatchObject({ stageId: theirStages[0]!.id, status: "open", value: "10.00" });
      expect((await ws.owner.pipelines.opportunities.list({ limit: 100 })).items.map((o) => o.id)).not.toContain(theirs.id);
    });

    it("a support session reads opportunities but cannot create, move or close them", async () => {
      const opp = await ws.manager.pipelines.opportunities.create({ title: "Vista pelo suporte", value: "5", stageId: stages[0]!.id });
      const support = await ws.support();
      expect((await support.pipelines.opportunities.get({ id: opp.id })).title).toBe("Vista pelo suporte");
      expect((await trpcError(support.pipelines.opportunities.create({ title: "S", value: "1" }))).code).toBe("FORBIDDEN");
      expect(
        (await trpcError(support.pipelines.opportunities.move({ id: opp.id, fromStageId: stages[0]!.id, toStageId: stages[1]!.id }))).code,
      ).toBe("FORBIDDEN");
      expect((await trpcError(support.pipelines.opportunities.win({ id: opp.id }))).code).toBe("FORBIDDEN");
      expect(await opportunityRow(opp.id)).toMatchObject({ stageId: stages[0]!.id, status: "open" });
    });
  });
});
