import { beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@/server/db";
import { myDay } from "@/server/services/tasks/my-day";
import { ownerQuery } from "@/server/testing/owner-db";
import { activitiesOf, crmWorkspace, insertLead, insertOpportunity, supportCaller, trpcError } from "./timeline-fixtures";

type Workspace = Awaited<ReturnType<typeof crmWorkspace>>;
const inHours = (h: number) => new Date(Date.now() + h * 3_600_000);

describe("tasks router", () => {
  let ws: Workspace;
  let other: Workspace; // a second tenant, for cross-tenant checks
  let repLead: string; // owned by ws.rep
  let privateLead: string; // owned by ws.otherRep: invisible to ws.rep

  beforeAll(async () => {
    [ws, other] = await Promise.all([crmWorkspace(), crmWorkspace()]);
    repLead = await insertLead(ws.tenant.id, ws.rep.membershipId, "Padaria Pão Quente");
    privateLead = await insertLead(ws.tenant.id, ws.otherRep.membershipId, "Oficina do Beto");
  });

  describe("create", () => {
    it("defaults the assignee to the creator and records task_created on the lead", async () => {
      const task = await ws.rep.caller.tasks.create({ title: "Ligar para o dono", type: "call", dueAt: inHours(2), leadId: repLead });
      expect(task).toMatchObject({ title: "Ligar para o dono", type: "call", completedAt: null, overdue: false });
      expect(task.assignee?.id).toBe(ws.rep.membershipId);
      expect(task.lead).toEqual({ id: repLead, name: "Padaria Pão Quente" });
      const [entry] = await activitiesOf(repLead);
      expect(entry).toMatchObject({ kind: "task_created", data: { taskId: task.id, title: "Ligar para o dono", type: "call" } });
    });

    it("a task on an opportunity also lands on the opportunity's lead", async () => {
      const opp = await insertOpportunity(ws.tenant.id, repLead, ws.rep.membershipId, "Forno novo");
      const task = await ws.rep.caller.tasks.create({ title: "Enviar proposta", type: "email", dueAt: inHours(5), opportunityId: opp });
      expect(task.lead?.id).toBe(repLead);
      expect(task.opportunity).toEqual({ id: opp, title: "Forno novo" });
      const [row] = await ownerQuery(`SELECT "leadId", "opportunityId" FROM "Activity" WHERE data->>'taskId' = $1`, [task.id]);
      expect(row).toEqual({ leadId: repLead, opportunityId: opp });
    });

    it("rejects an opportunity of another lead as a field error and writes nothing", async () => {
      const opp = await insertOpportunity(ws.tenant.id, privateLead, null);
      const error = await trpcError(
        ws.manager.caller.tasks.create({ title: "Mismatch", type: "todo", dueAt: inHours(1), leadId: repLead, opportunityId: opp }),
      );
      expect(error.cause).toMatchObject({
        code: "INVALID_INPUT",
        details: { fieldErrors: { opportunityId: ["tasks.errors.opportunityOfOtherLead"] } },
      });
      expect(await ownerQuery(`SELECT 1 FROM "Task" WHERE title = 'Mismatch' AND "tenantId" = $1`, [ws.tenant.id])).toHaveLength(0);
    });

    it("validates title and date at the edge", async () => {
      const empty = await trpcError(ws.rep.caller.tasks.create({ title: "  ", type: "todo", dueAt: inHours(1) }));
      expect(empty.code).toBe("BAD_REQUEST");
      expect(empty.cause).toBeDefined();
      const long = await trpcError(ws.rep.caller.tasks.create({ title: "x".repeat(201), type: "todo", dueAt: inHours(1) }));
      expect(long.code).toBe("BAD_REQUEST");
      const badDate = await trpcError(ws.rep.caller.tasks.create({ title: "ok", type: "todo", dueAt: new Date("nope") }));
      expect(badDate.code).toBe("BAD_REQUEST");
    });

    it("a rep cannot assign to another member; a manager can", async () => {
      const error = await trpcError(
        ws.rep.caller.tasks.create({ title: "Para a Bia", type: "todo", dueAt: inHours(1), assigneeId: ws.otherRep.membershipId }),
      );
      expect(error.code).toBe("FORBIDDEN");
      expect(error.cause).toMatchObject({ details: { fieldErrors: { assigneeId: ["tasks.errors.assignOnlySelf"] } } });
      const byManager = await ws.manager.caller.tasks.create({
        title: "Para a Bia",
        type: "todo",
        dueAt: inHours(1),
        assigneeId: ws.otherRep.membershipId,
      });
      expect(byManager.assignee?.id).toBe(ws.otherRep.membershipId);
    });

    it("a rep cannot link a task to another rep's private lead (NOT_FOUND)", async () => {
      const error = await trpcError(ws.rep.caller.tasks.create({ title: "Espiar", type: "todo", dueAt: inHours(1), leadId: privateLead }));
      expect(error.code).toBe("NOT_FOUND");
    });
  });

  describe("complete, reopen, reschedule", () => {
    it("complete records task_completed once; a second complete is a CONFLICT", async () => {
      const task = await ws.rep.caller.tasks.create({ title: "Visita", type: "meeting", dueAt: inHours(-1), leadId: repLead });
      expect(task.overdue).toBe(true);
      const done = await ws.rep.caller.tasks.complete({ id: task.id });
      expect(done.completedAt).toBeInstanceOf(Date);
      expect(done.overdue).toBe(false);
      const [entry] = await activitiesOf(repLead);
      expect(entry).toMatchObject({ kind: "task_completed", data: { taskId: task.id, title: "Visita" } });
      const again = await trpcError(ws.rep.caller.tasks.complete({ id: task.id }));
      expect(again.code).toBe("CONFLICT");
      const completions = await ownerQuery(`SELECT 1 FROM "Activity" WHERE kind = 'task_completed' AND data->>'taskId' = $1`, [task.id]);
      expect(completions).toHaveLength(1);
    });

    it("reopen undoes the completion and its timeline entry; reopening an open task is a CONFLICT", async () => {
      const task = await ws.rep.caller.tasks.create({ title: "Reabrir", type: "todo", dueAt: inHours(3), leadId: repLead });
      await ws.rep.caller.tasks.complete({ id: task.id });
      const reopened = await ws.rep.caller.tasks.reopen({ id: task.id });
      expect(reopened.completedAt).toBeNull();
      expect(await ownerQuery(`SELECT 1 FROM "Activity" WHERE kind = 'task_completed' AND data->>'taskId' = $1`, [task.id])).toHaveLength(
        0,
      );
      expect((await trpcError(ws.rep.caller.tasks.reopen({ id: task.id }))).code).toBe("CONFLICT");
    });

    it("reschedule moves an open task and refuses a done one", async () => {
      const task = await ws.rep.caller.tasks.create({ title: "Remarcar", type: "call", dueAt: inHours(1) });
      const later = inHours(30);
      expect((await ws.rep.caller.tasks.reschedule({ id: task.id, dueAt: later })).dueAt).toEqual(later);
      await ws.rep.caller.tasks.complete({ id: task.id });
      expect((await trpcError(ws.rep.caller.tasks.reschedule({ id: task.id, dueAt: inHours(40) }))).code).toBe("CONFLICT");
    });

    it("update changes fields; a rep cannot hand the task to someone else", async () => {
      const task = await ws.rep.caller.tasks.create({ title: "Antes", type: "todo", dueAt: inHours(1) });
      const updated = await ws.rep.caller.tasks.update({ id: task.id, data: { title: "Depois", type: "email", notes: "detalhes" } });
      expect(updated).toMatchObject({ title: "Depois", type: "email", notes: "detalhes" });
      const error = await trpcError(ws.rep.caller.tasks.update({ id: task.id, data: { assigneeId: ws.otherRep.membershipId } }));
      expect(error.code).toBe("FORBIDDEN");
    });
  });

  describe("visibility between reps", () => {
    it("a rep cannot see, complete, reschedule or delete another rep's task on a private lead", async () => {
      const hidden = await ws.otherRep.caller.tasks.create({ title: "Só da Bia", type: "call", dueAt: inHours(1), leadId: privateLead });
      for (const attempt of [
        () => ws.rep.caller.tasks.complete({ id: hidden.id }),
        () => ws.rep.caller.tasks.reopen({ id: hidden.id }),
        () => ws.rep.caller.tasks.reschedule({ id: hidden.id, dueAt: inHours(2) }),
        () => ws.rep.caller.tasks.update({ id: hidden.id, data: { title: "hijack" } }),
        () => ws.rep.caller.tasks.delete({ id: hidden.id }),
        () => ws.rep.caller.tasks.list({ assignee: "all", leadId: privateLead }),
      ]) {
        expect((await trpcError(attempt())).code).toBe("NOT_FOUND");
      }
      const all = await ws.rep.caller.tasks.list({ assignee: "all", limit: 100 });
      expect(all.items.map((t) => t.id)).not.toContain(hidden.id);
      const [row] = await ownerQuery(`SELECT title, "completedAt" FROM "Task" WHERE id = $1`, [hidden.id]);
      expect(row).toEqual({ title: "Só da Bia", completedAt: null });
      // The manager sees and may complete it.
      expect((await ws.manager.caller.tasks.complete({ id: hidden.id })).completedAt).not.toBeNull();
    });

    it("a rep may not open another member's day; a manager may", async () => {
      expect((await trpcError(ws.rep.caller.tasks.myDay({ assignee: ws.otherRep.membershipId }))).code).toBe("FORBIDDEN");
      await expect(ws.manager.caller.tasks.myDay({ assignee: ws.otherRep.membershipId })).resolves.toBeDefined();
    });

    it("a rep deletes their own task but not one a manager gave to someone else on a pool lead", async () => {
      const pool = await insertLead(ws.tenant.id, null, "Lead sem dono");
      const mine = await ws.rep.caller.tasks.create({ title: "Minha", type: "todo", dueAt: inHours(1), leadId: pool });
      expect(await ws.rep.caller.tasks.delete({ id: mine.id })).toEqual({ id: mine.id });
      const theirs = await ws.manager.caller.tasks.create({
        title: "Da Bia no pool",
        type: "todo",
        dueAt: inHours(1),
        leadId: pool,
        assigneeId: ws.otherRep.membershipId,
      });
      expect((await trpcError(ws.rep.caller.tasks.delete({ id: theirs.id }))).code).toBe("FORBIDDEN");
    });
  });

  describe("list", () => {
    it("pages open tasks soonest first without gaps or repeats", async () => {
      const lead = await insertLead(ws.tenant.id, ws.rep.membershipId);
      const created = [];
      for (const h of [5, 1, 3, 2, 4])
        created.push(await ws.rep.caller.tasks.create({ title: `T${h}`, type: "todo", dueAt: inHours(h), leadId: lead }));
      const first = await ws.rep.caller.tasks.list({ assignee: "me", leadId: lead, limit: 2 });
      const second = await ws.rep.caller.tasks.list({ assignee: "me", leadId: lead, limit: 2, cursor: first.nextCursor });
      const third = await ws.rep.caller.tasks.list({ assignee: "me", leadId: lead, limit: 2, cursor: second.nextCursor });
      expect([...first.items, ...second.items, ...third.items].map((t) => t.title)).toEqual(["T1", "T2", "T3", "T4", "T5"]);
      expect(third.nextCursor).toBeNull();
      await ws.rep.caller.tasks.complete({ id: created[0]!.id });
      const done = await ws.rep.caller.tasks.list({ assignee: "me", leadId: lead, status: "done" });
      expect(done.items.map((t) => t.title)).toEqual(["T5"]);
    });
  });

  describe("myDay", () => {
    it("buckets around midnight in America/Sao_Paulo, not UTC", async () => {
      const member = await crmWorkspace();
      const rep = member.rep;
      // 23:30 on 9 March in São Paulo is 02:30 UTC on 10 March.
      const now = new Date("2026-03-10T02:30:00Z");
      const make = (title: string, dueAt: string) =>
        ownerQuery(
          `INSERT INTO "Task" (id, "tenantId", title, type, "dueAt", "assigneeId", "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'todo', $3, $4, now())`,
          [member.tenant.id, title, new Date(dueAt), rep.membershipId],
        );
      await make("overdue: 23:00 today", "2026-03-10T02:00:00Z");
      await make("overdue: yesterday", "2026-03-08T15:00:00Z");
      await make("today: 23:45", "2026-03-10T02:45:00Z");
      await make("upcoming: 00:15 tomorrow (same UTC day)", "2026-03-10T03:15:00Z");
      await make("upcoming: 7 days ahead, 23:59", "2026-03-17T02:59:00Z");
      await make("beyond: 8 days ahead, 00:00", "2026-03-17T03:00:00Z");
      await ownerQuery(
        `INSERT INTO "Task" (id, "tenantId", title, type, "dueAt", "assigneeId", "completedAt", "updatedAt")
         VALUES (gen_random_uuid(), $1, 'today: done this morning', 'todo', '2026-03-09T12:00:00Z', $2, '2026-03-09T12:30:00Z', now())`,
        [member.tenant.id, rep.membershipId],
      );
      const viewer = { role: "rep" as const, membershipId: rep.membershipId, visibility: "owner" as const };
      const day = await withTenant(member.tenant.id, (db) => myDay(db, { viewer, userId: rep.user.id, name: "Rui" }, "me", now));
      expect(day.overdue.map((t) => t.title)).toEqual(["overdue: yesterday", "overdue: 23:00 today"]);
      expect(day.overdue.every((t) => t.overdue)).toBe(true);
      expect(day.today.map((t) => t.title)).toEqual(["today: done this morning", "today: 23:45"]);
      expect(day.upcoming.map((t) => t.title)).toEqual(["upcoming: 00:15 tomorrow (same UTC day)", "upcoming: 7 days ahead, 23:59"]);
      expect(day.counts).toEqual({ overdue: 2, today: 2, upcoming: 2 });
    });

    it("a new day starts at 00:00 São Paulo time (03:00 UTC)", async () => {
      const member = await crmWorkspace();
      const now = new Date("2026-03-10T03:00:00Z"); // exactly midnight of 10 March in São Paulo
      await ownerQuery(
        `INSERT INTO "Task" (id, "tenantId", title, type, "dueAt", "assigneeId", "updatedAt") VALUES (gen_random_uuid(), $1, 'late tonight', 'todo', '2026-03-11T02:30:00Z', $2, now())`,
        [member.tenant.id, member.rep.membershipId],
      );
      const viewer = { role: "rep" as const, membershipId: member.rep.membershipId, visibility: "owner" as const };
      const day = await withTenant(member.tenant.id, (db) => myDay(db, { viewer, userId: null, name: null }, "me", now));
      expect(day.today.map((t) => t.title)).toEqual(["late tonight"]);
    });
  });

  describe("tenancy and support", () => {
    it("every id-taking procedure answers NOT_FOUND for another tenant's task, lead or member", async () => {
      const foreignLead = await insertLead(other.tenant.id, null);
      const foreignOpp = await insertOpportunity(other.tenant.id, foreignLead, null);
      const foreign = await other.manager.caller.tasks.create({ title: "Alheia", type: "todo", dueAt: inHours(1), leadId: foreignLead });
      const me = ws.manager.caller;
      for (const attempt of [
        () => me.tasks.complete({ id: foreign.id }),
        () => me.tasks.reopen({ id: foreign.id }),
        () => me.tasks.reschedule({ id: foreign.id, dueAt: inHours(2) }),
        () => me.tasks.update({ id: foreign.id, data: { title: "x" } }),
        () => me.tasks.delete({ id: foreign.id }),
        () => me.tasks.create({ title: "x", type: "todo", dueAt: inHours(1), leadId: foreignLead }),
        () => me.tasks.create({ title: "x", type: "todo", dueAt: inHours(1), opportunityId: foreignOpp }),
        () => me.tasks.list({ assignee: "all", leadId: foreignLead }),
        () => me.tasks.list({ assignee: "all", opportunityId: foreignOpp }),
        () => me.tasks.list({ assignee: other.rep.membershipId }),
        () => me.tasks.myDay({ assignee: other.rep.membershipId }),
      ]) {
        expect((await trpcError(attempt())).code).toBe("NOT_FOUND");
      }
      const assignForeign = await trpcError(
        me.tasks.create({ title: "x", type: "todo", dueAt: inHours(1), assigneeId: other.rep.membershipId }),
      );
      expect(assignForeign.code).toBe("BAD_REQUEST");
      const [row] = await ownerQuery(`SELECT title, "completedAt" FROM "Task" WHERE id = $1`, [foreign.id]);
      expect(row).toEqual({ title: "Alheia", completedAt: null });
    });

    it("a support session reads tasks but cannot change them", async () => {
      const task = await ws.rep.caller.tasks.create({ title: "Suporte olha", type: "todo", dueAt: inHours(1), leadId: repLead });
      const support = await supportCaller(ws.tenant);
      const page = await support.tasks.list({ assignee: "all", leadId: repLead, limit: 100 });
      expect(page.items.map((t) => t.id)).toContain(task.id);
      for (const attempt of [
        () => support.tasks.complete({ id: task.id }),
        () => support.tasks.create({ title: "x", type: "todo", dueAt: inHours(1) }),
        () => support.tasks.delete({ id: task.id }),
      ]) {
        const error = await trpcError(attempt());
        expect(error.code).toBe("FORBIDDEN");
        expect(error.message).toBe("errors.support_read_only");
      }
    });
  });
});
