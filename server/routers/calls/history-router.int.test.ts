import { beforeAll, describe, expect, it } from "vitest";
import { insertLead, trpcError } from "@/server/routers/tasks/timeline-fixtures";
import { historyWorkspace, insertCalls, type HistoryWorkspace } from "@/server/services/calls/history/history.fixture";
import { insertRule } from "@/server/services/scoring/scoring-fixtures";
import { callerFor } from "@/server/testing/callers";
import { ownerQuery } from "@/server/testing/owner-db";

const at = (iso: string) => new Date(iso);

describe("calls.history", () => {
  let ws: HistoryWorkspace;
  let acmeAdmin: Awaited<ReturnType<typeof callerFor>>;
  beforeAll(async () => {
    ws = await historyWorkspace();
    acmeAdmin = await callerFor("ana@acme.test", "acme.localhost:3000");
  });

  describe("list", () => {
    it("pages by keyset with no duplicates or gaps when calls share a timestamp", async () => {
      const w = await historyWorkspace();
      const same = at("2026-02-10T15:00:00.000Z");
      const ids = await insertCalls(w.tenant.id, [
        ...Array.from({ length: 7 }, () => ({ startedAt: same, userId: w.rep.user.id })),
        { startedAt: at("2026-02-10T16:00:00.000Z") },
        { startedAt: at("2026-02-09T10:00:00.000Z") },
        { startedAt: at("2026-02-11T10:00:00.000Z"), state: "answered" as const },
      ]);
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let guard = 0; guard < 10; guard++) {
        const page = await w.manager.caller.calls.history.list({ limit: 3, cursor });
        seen.push(...page.items.map((c) => c.id));
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      expect(seen).toHaveLength(10);
      expect(new Set(seen).size).toBe(10);
      const [expected] = [
        await ownerQuery<{ id: string }>(`SELECT id FROM "Call" WHERE "tenantId" = $1 ORDER BY "startedAt" DESC, id DESC`, [w.tenant.id]),
      ];
      expect(seen).toEqual(expected!.map((r) => r.id));
      expect(ids.every((id) => seen.includes(id))).toBe(true);
      // The live one is listed with its state.
      const first = await w.manager.caller.calls.history.list({ limit: 1 });
      expect(first.items[0]!.state).toBe("answered");
      expect(first.items[0]!.endedAt).toBeNull();
    });

    it("refuses a forged cursor with a field error", async () => {
      const error = await trpcError(ws.manager.caller.calls.history.list({ cursor: "bm90LWEtY3Vyc29y" }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.cause).toMatchObject({ details: { fieldErrors: { cursor: ["callHistory.errors.bad_cursor"] } } });
    });

    it("shows a rep their own calls and a manager everyone's; filters combine", async () => {
      const w = await historyWorkspace();
      const lead = await insertLead(w.tenant.id, w.rep.membershipId, "Padaria Pão Quente");
      const [repCall, otherCall, inbound] = await insertCalls(w.tenant.id, [
        { startedAt: at("2026-03-02T12:00:00Z"), userId: w.rep.user.id, userName: "Rui", leadId: lead, toNumber: "5511987650001" },
        {
          startedAt: at("2026-03-02T13:00:00Z"),
          userId: w.otherRep.user.id,
          userName: "Bia",
          disposition: "busy",
          toNumber: "5521911112222",
        },
        {
          startedAt: at("2026-03-03T13:00:00Z"),
          userId: w.rep.user.id,
          direction: "inbound",
          fromNumber: "+5531933334444",
          toNumber: "1003",
        },
      ]);
      const ids = async (caller: typeof w.rep.caller, filter: Parameters<typeof caller.calls.history.list>[0] = {}) =>
        (await caller.calls.history.list(filter)).items.map((c) => c.id).sort();

      expect(await ids(w.rep.caller)).toEqual([repCall, inbound].sort());
      expect(await ids(w.otherRep.caller)).toEqual([otherCall]);
      expect(await ids(w.manager.caller)).toEqual([repCall, otherCall, inbound].sort());
      // A rep asking for someone else's calls still gets only their own (none of those).
      expect(await ids(w.rep.caller, { userId: w.otherRep.user.id })).toEqual([]);

      expect(await ids(w.manager.caller, { direction: "inbound" })).toEqual([inbound]);
      expect(await ids(w.manager.caller, { disposition: "busy" })).toEqual([otherCall]);
      expect(await ids(w.manager.caller, { userId: w.rep.user.id })).toEqual([repCall, inbound].sort());
      expect(await ids(w.manager.caller, { number: "(31) 93333-4444" })).toEqual([inbound]);
      expect(await ids(w.manager.caller, { number: "98765" })).toEqual([repCall]);
      expect(await ids(w.manager.caller, { from: at("2026-03-02T13:00:00Z"), to: at("2026-03-03T13:00:00Z") })).toEqual([otherCall]);
      expect(await ids(w.manager.caller, { leadId: lead })).toEqual([repCall]);
      expect((await w.manager.caller.calls.history.list({ leadId: lead })).items[0]!.leadName).toBe("Padaria Pão Quente");
    });

    it("gives a rep filtering by a visible lead all its calls, and NOT_FOUND for a lead they cannot see", async () => {
      const w = await historyWorkspace();
      const pool = await insertLead(w.tenant.id, null, "Lead do pool");
      const others = await insertLead(w.tenant.id, w.otherRep.membershipId, "Lead da Bia");
      const [poolCall] = await insertCalls(w.tenant.id, [
        { startedAt: at("2026-03-02T12:00:00Z"), userId: w.otherRep.user.id, leadId: pool },
        { startedAt: at("2026-03-02T12:00:00Z"), userId: w.otherRep.user.id, leadId: others },
      ]);
      expect((await w.rep.caller.calls.history.list({ leadId: pool })).items.map((c) => c.id)).toEqual([poolCall]);
      expect((await trpcError(w.rep.caller.calls.history.list({ leadId: others }))).code).toBe("NOT_FOUND");
      expect((await trpcError(w.rep.caller.calls.history.stats({ leadId: others }))).code).toBe("NOT_FOUND");
    });

    it("hides the name of a lead a rep can no longer see from their own call", async () => {
      const w = await historyWorkspace();
      const lead = await insertLead(w.tenant.id, w.otherRep.membershipId, "Lead privado da Bia");
      const [id] = await insertCalls(w.tenant.id, [{ startedAt: at("2026-03-02T12:00:00Z"), userId: w.rep.user.id, leadId: lead }]);
      const [item] = (await w.rep.caller.calls.history.list({})).items;
      expect(item).toMatchObject({ id, leadId: null, leadName: null, toNumber: "5511999990000" });
      expect(await w.rep.caller.calls.history.get({ callId: id! })).toMatchObject({ leadId: null, leadName: null });
      expect((await w.manager.caller.calls.history.get({ callId: id! })).leadName).toBe("Lead privado da Bia");
    });

    it("never shows another tenant's calls", async () => {
      const [id] = await insertCalls(ws.tenant.id, [{ startedAt: at("2026-03-02T12:00:00Z"), toNumber: "5511000000017" }]);
      const page = await acmeAdmin.calls.history.list({ number: "5511000000017" });
      expect(page.items.map((c) => c.id)).not.toContain(id);
      expect((await trpcError(acmeAdmin.calls.history.get({ callId: id! }))).code).toBe("NOT_FOUND");
    });
  });

  describe("stats", () => {
    it("counts, answered rate, talk time, hours and days in São Paulo time, by user", async () => {
      const w = await historyWorkspace();
      const rep = { userId: w.rep.user.id, userName: "Rui" };
      const other = { userId: w.otherRep.user.id, userName: "Bia" };
      await insertCalls(w.tenant.id, [
        { ...rep, startedAt: at("2026-03-02T12:15:00Z"), billsec: 120, durationSec: 130 }, // 09:15 SP
        { ...rep, startedAt: at("2026-03-02T12:40:00Z"), disposition: "no_answer", durationSec: 25 }, // 09:40
        { ...other, startedAt: at("2026-03-02T17:05:00Z"), direction: "inbound", billsec: 300, durationSec: 310 }, // 14:05
        { ...rep, startedAt: at("2026-03-05T02:30:00Z"), billsec: 60, durationSec: 70 }, // 23:30 SP on the 4th
        { ...rep, startedAt: at("2026-03-04T03:10:00Z"), disposition: "busy", durationSec: 5 }, // 00:10 SP on the 4th
        { ...rep, startedAt: at("2026-03-04T13:00:00Z"), state: "answered" }, // live: not counted
        { ...rep, startedAt: at("2026-03-05T03:00:00Z") }, // the 5th in SP: outside
        { ...rep, startedAt: at("2026-03-01T02:59:59Z") }, // the 28th in SP: outside
      ]);
      const range = { from: at("2026-03-01T03:00:00Z"), to: at("2026-03-05T03:00:00Z") };
      const stats = await w.manager.caller.calls.history.stats(range);
      expect(stats).toMatchObject({ total: 5, answered: 3, answeredRate: 0.6, totalTalkSec: 480, avgTalkSec: 160 });
      expect(stats.byHour).toHaveLength(24);
      expect(stats.byHour.filter((h) => h.total > 0)).toEqual([
        { hour: 0, total: 1, answered: 0 },
        { hour: 9, total: 2, answered: 1 },
        { hour: 14, total: 1, answered: 1 },
        { hour: 23, total: 1, answered: 1 },
      ]);
      expect(stats.byDay).toEqual([
        { date: "2026-03-01", total: 0, answered: 0 },
        { date: "2026-03-02", total: 3, answered: 2 },
        { date: "2026-03-03", total: 0, answered: 0 },
        { date: "2026-03-04", total: 2, answered: 1 },
      ]);
      expect(stats.byUser).toEqual([
        { userId: w.rep.user.id, userName: "Rui", total: 4, answered: 2, talkSec: 180 },
        { userId: w.otherRep.user.id, userName: "Bia", total: 1, answered: 1, talkSec: 300 },
      ]);

      const mine = await w.rep.caller.calls.history.stats(range);
      expect(mine).toMatchObject({ total: 4, answered: 2, totalTalkSec: 180, avgTalkSec: 90, answeredRate: 0.5 });
      expect(mine.byUser.map((u) => u.userId)).toEqual([w.rep.user.id]);

      const inbound = await w.manager.caller.calls.history.stats({ ...range, direction: "inbound" });
      expect(inbound).toMatchObject({ total: 1, answered: 1, avgTalkSec: 300 });

      // The statistics count exactly the ended calls the list shows under the same filters.
      for (const filter of [range, { ...range, disposition: "busy" as const }, { number: "99999" }, {}]) {
        const listed = (await w.manager.caller.calls.history.list({ ...filter, limit: 100 })).items.filter((c) => c.state === "ended");
        expect((await w.manager.caller.calls.history.stats(filter)).total).toBe(listed.length);
      }
    });

    it("answers zeros without calls, and nothing of another tenant", async () => {
      const w = await historyWorkspace();
      await insertCalls(ws.tenant.id, [{ startedAt: at("2026-03-02T12:00:00Z") }]);
      const stats = await w.manager.caller.calls.history.stats({ from: at("2026-03-01T03:00:00Z"), to: at("2026-03-03T03:00:00Z") });
      expect(stats).toMatchObject({ total: 0, answered: 0, answeredRate: null, avgTalkSec: null, totalTalkSec: 0, byUser: [] });
      expect(stats.byDay.map((d) => d.date)).toEqual(["2026-03-01", "2026-03-02"]);
    });
  });

  describe("get and byLead", () => {
    it("opens a rep's own calls and calls of leads they see; others are NOT_FOUND", async () => {
      const w = await historyWorkspace();
      const pool = await insertLead(w.tenant.id, null);
      const [own, othersNoLead, othersOnPool] = await insertCalls(w.tenant.id, [
        { startedAt: at("2026-03-02T12:00:00Z"), userId: w.rep.user.id },
        { startedAt: at("2026-03-02T12:01:00Z"), userId: w.otherRep.user.id },
        { startedAt: at("2026-03-02T12:02:00Z"), userId: w.otherRep.user.id, leadId: pool },
      ]);
      expect((await w.rep.caller.calls.history.get({ callId: own! })).id).toBe(own);
      expect((await trpcError(w.rep.caller.calls.history.get({ callId: othersNoLead! }))).code).toBe("NOT_FOUND");
      expect((await w.rep.caller.calls.history.get({ callId: othersOnPool! })).id).toBe(othersOnPool);
      expect((await w.manager.caller.calls.history.get({ callId: othersNoLead! })).id).toBe(othersNoLead);
    });

    it("lists a visible lead's calls newest first, whoever made them", async () => {
      const w = await historyWorkspace();
      const lead = await insertLead(w.tenant.id, w.rep.membershipId);
      const privateLead = await insertLead(w.tenant.id, w.otherRep.membershipId);
      const [older, newer] = await insertCalls(w.tenant.id, [
        { startedAt: at("2026-03-02T12:00:00Z"), userId: w.otherRep.user.id, leadId: lead },
        { startedAt: at("2026-03-03T12:00:00Z"), userId: w.rep.user.id, leadId: lead },
        { startedAt: at("2026-03-03T12:00:00Z"), userId: w.rep.user.id },
      ]);
      expect((await w.rep.caller.calls.history.byLead({ leadId: lead })).map((c) => c.id)).toEqual([newer, older]);
      expect((await trpcError(w.rep.caller.calls.history.byLead({ leadId: privateLead }))).code).toBe("NOT_FOUND");
      expect((await trpcError(acmeAdmin.calls.history.byLead({ leadId: lead }))).code).toBe("NOT_FOUND");
    });
  });

  describe("setOutcome", () => {
    it("updates the call and its timeline entry, rescores the lead and creates the follow-up task", async () => {
      const w = await historyWorkspace();
      await insertRule(w.tenant.id, { points: 25, condition: { type: "answered_call", withinDays: null } });
      const lead = await insertLead(w.tenant.id, w.rep.membershipId);
      const [activity] = await ownerQuery<{ id: string }>(
        `INSERT INTO "Activity" (id, "tenantId", kind, "leadId", data, "occurredAt") VALUES (gen_random_uuid(), $1, 'call', $2, $3, now()) RETURNING id`,
        [w.tenant.id, lead, JSON.stringify({ callId: "x", durationSec: 95 })],
      );
      const [callId] = await insertCalls(w.tenant.id, [
        { startedAt: new Date(Date.now() - 600_000), userId: w.rep.user.id, leadId: lead, activityId: activity!.id },
      ]);
      const dueAt = new Date(Date.now() + 86_400_000);
      const result = await w.rep.caller.calls.history.setOutcome({
        callId: callId!,
        outcome: "connected",
        note: "Pediu proposta",
        nextTask: { title: "Enviar proposta", dueAt },
      });
      expect(result).toMatchObject({ id: callId, outcome: "connected", note: "Pediu proposta" });
      const [entry] = await ownerQuery<{ body: string; data: Record<string, unknown> }>(`SELECT body, data FROM "Activity" WHERE id = $1`, [
        activity!.id,
      ]);
      expect(entry).toEqual({ body: "Pediu proposta", data: { callId: "x", durationSec: 95, outcome: "connected" } });
      const [scored] = await ownerQuery<{ score: number }>(`SELECT score FROM "Lead" WHERE id = $1`, [lead]);
      expect(scored!.score).toBe(25);
      const tasks = await ownerQuery<{ title: string; type: string; leadId: string; assigneeId: string; dueAt: Date }>(
        `SELECT title, type, "leadId", "assigneeId", "dueAt" FROM "Task" WHERE "tenantId" = $1`,
        [w.tenant.id],
      );
      expect(tasks).toEqual([{ title: "Enviar proposta", type: "call", leadId: lead, assigneeId: w.rep.membershipId, dueAt }]);

      // A later correction: no longer connected, so the score drops again.
      await w.manager.caller.calls.history.setOutcome({ callId: callId!, outcome: "voicemail" });
      const [rescored] = await ownerQuery<{ score: number }>(`SELECT score FROM "Lead" WHERE id = $1`, [lead]);
      expect(rescored!.score).toBe(0);
      const [call] = await ownerQuery<{ outcome: string; note: string }>(`SELECT outcome, note FROM "Call" WHERE id = $1`, [callId]);
      expect(call).toEqual({ outcome: "voicemail", note: "Pediu proposta" });
    });

    it("writes the call's timeline entry when the call has a lead but none yet", async () => {
      const w = await historyWorkspace();
      const lead = await insertLead(w.tenant.id, null);
      const startedAt = at("2026-03-02T12:00:00.000Z");
      const [callId] = await insertCalls(w.tenant.id, [{ startedAt, userId: w.rep.user.id, userName: "Rui", leadId: lead, billsec: 42 }]);
      await w.manager.caller.calls.history.setOutcome({ callId: callId!, outcome: "connected", note: "" });
      const [call] = await ownerQuery<{ activityId: string; note: string | null }>(`SELECT "activityId", note FROM "Call" WHERE id = $1`, [
        callId,
      ]);
      expect(call!.note).toBeNull();
      const [entry] = await ownerQuery<{
        kind: string;
        leadId: string;
        actorName: string;
        occurredAt: Date;
        data: Record<string, unknown>;
      }>(`SELECT kind, "leadId", "actorName", "occurredAt", data FROM "Activity" WHERE id = $1`, [call!.activityId]);
      expect(entry).toMatchObject({ kind: "call", leadId: lead, actorName: "Rui", occurredAt: startedAt });
      expect(entry!.data).toMatchObject({ callId, outcome: "connected", durationSec: 42 });
      const [contact] = await ownerQuery<{ lastContactAt: Date }>(`SELECT "lastContactAt" FROM "Lead" WHERE id = $1`, [lead]);
      expect(contact!.lastContactAt).toEqual(startedAt);
    });

    it("refuses a live call, another rep's call, bad input, support sessions and other tenants", async () => {
      const w = await historyWorkspace();
      const pool = await insertLead(w.tenant.id, null);
      const [live, others] = await insertCalls(w.tenant.id, [
        { startedAt: new Date(), state: "answered", userId: w.rep.user.id },
        { startedAt: new Date(), userId: w.otherRep.user.id, leadId: pool },
      ]);
      const live409 = await trpcError(w.rep.caller.calls.history.setOutcome({ callId: live!, outcome: "connected" }));
      expect(live409.code).toBe("CONFLICT");
      const forbidden = await trpcError(w.rep.caller.calls.history.setOutcome({ callId: others!, outcome: "connected" }));
      expect(forbidden.code).toBe("FORBIDDEN");
      const invalid = await trpcError(
        w.rep.caller.calls.history.setOutcome({ callId: live!, outcome: "connected", note: "x".repeat(2001) }),
      );
      expect(invalid.code).toBe("BAD_REQUEST");
      expect((invalid.cause as unknown as { issues: { path: string[] }[] }).issues[0]!.path).toEqual(["note"]);
      const support = await callerFor("root@linha.local", w.tenant.host, `support:${w.tenant.slug}`);
      expect((await trpcError(support.calls.history.setOutcome({ callId: others!, outcome: "connected" }))).code).toBe("FORBIDDEN");
      expect((await trpcError(acmeAdmin.calls.history.setOutcome({ callId: others!, outcome: "connected" }))).code).toBe("NOT_FOUND");
      const [untouched] = await ownerQuery<{ outcome: string | null }>(`SELECT outcome FROM "Call" WHERE id = $1`, [others]);
      expect(untouched!.outcome).toBeNull();
    });
  });

  it("lead merge moves the merged lead's calls to the kept lead", async () => {
    const w = await historyWorkspace();
    const keep = await insertLead(w.tenant.id, null, "Mantida");
    const gone = await insertLead(w.tenant.id, null, "Duplicada");
    const [callId] = await insertCalls(w.tenant.id, [{ startedAt: at("2026-03-02T12:00:00Z"), leadId: gone }]);
    await w.manager.caller.leads.duplicates.merge({ keepId: keep, mergeId: gone });
    const [call] = await ownerQuery<{ leadId: string }>(`SELECT "leadId" FROM "Call" WHERE id = $1`, [callId]);
    expect(call!.leadId).toBe(keep);
  });
});
