import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ownerQuery } from "@/server/testing/owner-db";
import {
  activitiesOf,
  crmWorkspace,
  insertActivity,
  insertLead,
  insertOpportunity,
  supportCaller,
  trpcError,
} from "@/server/routers/tasks/timeline-fixtures";

type Workspace = Awaited<ReturnType<typeof crmWorkspace>>;

async function lastContactAt(leadId: string): Promise<Date | null> {
  const [row] = await ownerQuery<{ lastContactAt: Date | null }>(`SELECT "lastContactAt" FROM "Lead" WHERE id = $1`, [leadId]);
  return row!.lastContactAt;
}

describe("activities router", () => {
  let ws: Workspace;
  let other: Workspace;
  let repLead: string;
  let privateLead: string;

  beforeAll(async () => {
    [ws, other] = await Promise.all([crmWorkspace(), crmWorkspace()]);
    repLead = await insertLead(ws.tenant.id, ws.rep.membershipId, "Mercado Bom Preço");
    privateLead = await insertLead(ws.tenant.id, ws.otherRep.membershipId, "Farmácia Vida");
  });

  describe("list", () => {
    it("is newest first and pages by (occurredAt, id) without gaps or repeats, ties included", async () => {
      const lead = await insertLead(ws.tenant.id, ws.rep.membershipId);
      const opp = await insertOpportunity(ws.tenant.id, lead, ws.rep.membershipId, "Contrato anual");
      const tie = new Date("2026-01-10T12:00:00.000Z");
      // Five entries share one instant: only the id orders them, and a page boundary falls inside the tie.
      const ids = [
        await insertActivity(ws.tenant.id, { leadId: lead, occurredAt: new Date("2026-01-12T09:00:00Z"), body: "newest" }),
        ...(await Promise.all(
          [1, 2, 3, 4, 5].map((n) => insertActivity(ws.tenant.id, { leadId: lead, occurredAt: tie, body: `tie ${n}` })),
        )),
        await insertActivity(ws.tenant.id, {
          opportunityId: opp,
          occurredAt: new Date("2026-01-09T09:00:00Z"),
          body: "on the opportunity only",
        }),
        await insertActivity(ws.tenant.id, { leadId: lead, occurredAt: new Date("2026-01-01T09:00:00Z"), body: "oldest" }),
      ];
      const expected = [ids[0], ...ids.slice(1, 6).sort().reverse(), ids[6], ids[7]];
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Awaited<ReturnType<typeof ws.rep.caller.activities.list>> = await ws.rep.caller.activities.list({
          leadId: lead,
          limit: 3,
          cursor,
        });
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(seen).toEqual(expected);
      expect(pages).toBe(3);

      const onOpportunity = await ws.rep.caller.activities.list({ leadId: lead, kinds: ["note"], limit: 20 });
      const entry = onOpportunity.items.find((i) => i.body === "on the opportunity only");
      expect(entry?.opportunity).toEqual({ id: opp, title: "Contrato anual" });
      const oppTimeline = await ws.rep.caller.activities.list({ opportunityId: opp });
      expect(oppTimeline.items.map((i) => i.body)).toEqual(["on the opportunity only"]);
    });

    it("filters by kind", async () => {
      const lead = await insertLead(ws.tenant.id, ws.rep.membershipId);
      await ws.rep.caller.activities.addNote({ leadId: lead, body: "nota" });
      await ws.rep.caller.activities.log({ leadId: lead, kind: "email", body: "mandei o catálogo" });
      const page = await ws.rep.caller.activities.list({ leadId: lead, kinds: ["email"] });
      expect(page.items.map((i) => i.kind)).toEqual(["email"]);
    });

    it("needs exactly one of lead and opportunity", async () => {
      expect((await trpcError(ws.rep.caller.activities.list({}))).code).toBe("BAD_REQUEST");
    });
  });

  describe("addNote", () => {
    it("adds a note with the actor's name and keeps line breaks", async () => {
      const note = await ws.rep.caller.activities.addNote({ leadId: repLead, body: "  Primeira linha\nSegunda linha  " });
      expect(note).toMatchObject({ kind: "note", body: "Primeira linha\nSegunda linha", actorName: "Rui Vendedor", opportunity: null });
      const [latest] = await activitiesOf(repLead);
      expect(latest).toMatchObject({ kind: "note", body: "Primeira linha\nSegunda linha" });
    });

    it("refuses an empty or too long note with a field error and writes nothing", async () => {
      const lead = await insertLead(ws.tenant.id, ws.rep.membershipId);
      for (const body of ["", "   ", "x".repeat(5001)]) {
        const error = await trpcError(ws.rep.caller.activities.addNote({ leadId: lead, body }));
        expect(error.code).toBe("BAD_REQUEST");
        const fieldErrors = (error.cause as { issues?: { path: PropertyKey[] }[] }).issues?.map((i) => i.path.join("."));
        expect(fieldErrors).toEqual(["body"]);
      }
      expect(await activitiesOf(lead)).toEqual([]);
    });

    it("a note on an opportunity shows on its lead too", async () => {
      const opp = await insertOpportunity(ws.tenant.id, repLead, ws.rep.membershipId, "Balcão refrigerado");
      const note = await ws.rep.caller.activities.addNote({ opportunityId: opp, body: "Pediu desconto" });
      expect(note.opportunity).toEqual({ id: opp, title: "Balcão refrigerado" });
      const page = await ws.rep.caller.activities.list({ leadId: repLead });
      expect(page.items[0]?.id).toBe(note.id);
    });
  });

  describe("log", () => {
    it("a logged call stores its outcome and moves lastContactAt (never backwards)", async () => {
      const lead = await insertLead(ws.tenant.id, ws.rep.membershipId);
      expect(await lastContactAt(lead)).toBeNull();
      const at = new Date(Date.now() - 3_600_000);
      const call = await ws.rep.caller.activities.log({
        leadId: lead,
        kind: "call",
        outcome: "connected",
        durationSec: 185,
        occurredAt: at,
      });
      expect(call).toMatchObject({ kind: "call", data: { outcome: "connected", durationSec: 185 } });
      expect(await lastContactAt(lead)).toEqual(at);
      await ws.rep.caller.activities.log({ leadId: lead, kind: "meeting", occurredAt: new Date(at.getTime() - 86_400_000) });
      expect(await lastContactAt(lead)).toEqual(at);
    });

    it("refuses a future date, call facts on an e-mail and a bad outcome, writing nothing", async () => {
      const lead = await insertLead(ws.tenant.id, ws.rep.membershipId);
      const cases: [Parameters<typeof ws.rep.caller.activities.log>[0], string][] = [
        [{ leadId: lead, kind: "call", occurredAt: new Date(Date.now() + 3_600_000) }, "occurredAt"],
        [{ leadId: lead, kind: "email", outcome: "busy" }, "outcome"],
        [{ leadId: lead, kind: "call", outcome: "hung_up" as never }, "outcome"],
        [{ leadId: lead, kind: "call", durationSec: -1 }, "durationSec"],
        [{ leadId: lead, kind: "note" as never, body: "not a contact" }, "kind"],
        [{ leadId: lead, kind: "meeting", body: "x".repeat(5001) }, "body"],
      ];
      for (const [input, field] of cases) {
        const error = await trpcError(ws.rep.caller.activities.log(input));
        expect(error.code).toBe("BAD_REQUEST");
        const paths = (error.cause as { issues?: { path: PropertyKey[] }[] }).issues?.map((i) => i.path.join("."));
        expect(paths).toContain(field);
      }
      expect(await activitiesOf(lead)).toEqual([]);
      expect(await lastContactAt(lead)).toBeNull();
    });

    it("a rep cannot log on another rep's private lead", async () => {
      expect((await trpcError(ws.rep.caller.activities.log({ leadId: privateLead, kind: "call" }))).code).toBe("NOT_FOUND");
      expect((await trpcError(ws.rep.caller.activities.list({ leadId: privateLead }))).code).toBe("NOT_FOUND");
      expect(await activitiesOf(privateLead)).toEqual([]);
    });
  });

  describe("deleteNote", () => {
    it("the author deletes their own recent note; not after 15 minutes; not someone else's", async () => {
      const lead = await insertLead(ws.tenant.id, null, "Pool");
      const mine = await ws.rep.caller.activities.addNote({ leadId: lead, body: "engano" });
      expect(await ws.rep.caller.activities.deleteNote({ id: mine.id })).toEqual({ id: mine.id });

      const old = await ws.rep.caller.activities.addNote({ leadId: lead, body: "antiga" });
      await ownerQuery(`UPDATE "Activity" SET "createdAt" = now() - interval '16 minutes' WHERE id = $1`, [old.id]);
      expect((await trpcError(ws.rep.caller.activities.deleteNote({ id: old.id }))).code).toBe("FORBIDDEN");

      const theirs = await ws.otherRep.caller.activities.addNote({ leadId: lead, body: "da Bia" });
      expect((await trpcError(ws.rep.caller.activities.deleteNote({ id: theirs.id }))).code).toBe("FORBIDDEN");
      // A manager may delete any note, any time.
      expect(await ws.manager.caller.activities.deleteNote({ id: old.id })).toEqual({ id: old.id });
      expect((await activitiesOf(lead)).map((a) => a.body)).toEqual(["da Bia"]);
    });

    it("only notes can be deleted", async () => {
      const call = await ws.manager.caller.activities.log({ leadId: repLead, kind: "call" });
      expect((await trpcError(ws.manager.caller.activities.deleteNote({ id: call.id }))).code).toBe("NOT_FOUND");
    });
  });

  describe("tenancy and support", () => {
    it("every id-taking procedure answers NOT_FOUND for another tenant's lead, opportunity or note", async () => {
      const foreignLead = await insertLead(other.tenant.id, null);
      const foreignOpp = await insertOpportunity(other.tenant.id, foreignLead, null);
      const foreignNote = await other.manager.caller.activities.addNote({ leadId: foreignLead, body: "segredo" });
      const me = ws.manager.caller;
      for (const attempt of [
        () => me.activities.list({ leadId: foreignLead }),
        () => me.activities.list({ opportunityId: foreignOpp }),
        () => me.activities.addNote({ leadId: foreignLead, body: "x" }),
        () => me.activities.addNote({ opportunityId: foreignOpp, body: "x" }),
        () => me.activities.log({ leadId: foreignLead, kind: "call" }),
        () => me.activities.deleteNote({ id: foreignNote.id }),
        () => me.activities.list({ leadId: randomUUID() }),
      ]) {
        const error = await trpcError(attempt());
        expect(error.code).toBe("NOT_FOUND");
        expect(JSON.stringify(error)).not.toContain("segredo");
      }
      expect((await activitiesOf(foreignLead)).map((a) => a.body)).toEqual(["segredo"]);
    });

    it("a support session reads the timeline but cannot write to it", async () => {
      const support = await supportCaller(ws.tenant);
      const page = await support.activities.list({ leadId: repLead });
      expect(page.items.length).toBeGreaterThan(0);
      const before = (await activitiesOf(repLead)).length;
      for (const attempt of [
        () => support.activities.addNote({ leadId: repLead, body: "x" }),
        () => support.activities.log({ leadId: repLead, kind: "call" }),
        () => support.activities.deleteNote({ id: page.items[0]!.id }),
      ]) {
        const error = await trpcError(attempt());
        expect(error.code).toBe("FORBIDDEN");
        expect(error.message).toBe("errors.support_read_only");
      }
      expect((await activitiesOf(repLead)).length).toBe(before);
    });
  });
});
