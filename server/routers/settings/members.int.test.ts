import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { callerFor } from "@/server/testing/callers";
import { ownerQuery, tenantId } from "@/server/testing/owner-db";
import { auditActions, makePlan, makeTenant, makeWorkspace, memberCaller, trpcError } from "./settings-fixtures";

async function roleOf(membershipId: string): Promise<string | undefined> {
  const [row] = await ownerQuery<{ role: string }>(`SELECT role FROM "Membership" WHERE id = $1`, [membershipId]);
  return row?.role;
}

async function addLead(tenant: string, ownerId: string): Promise<string> {
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Lead" (id, "tenantId", name, "ownerId", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, now()) RETURNING id`,
    [tenant, `Lead ${randomUUID().slice(0, 4)}`, ownerId],
  );
  return row!.id;
}

describe("settings.members", () => {
  let ws: Awaited<ReturnType<typeof makeWorkspace>>;
  let admin: Awaited<ReturnType<typeof memberCaller>>;
  let rep: Awaited<ReturnType<typeof memberCaller>>;
  let globexMemberId: string;

  beforeAll(async () => {
    ws = await makeWorkspace();
    admin = await memberCaller(ws.tenant, "admin", "Adam Admin");
    rep = await memberCaller(ws.tenant, "rep", "Rita Rep");
    const [row] = await ownerQuery<{ id: string }>(`SELECT id FROM "Membership" WHERE "tenantId" = $1 LIMIT 1`, [await tenantId("globex")]);
    globexMemberId = row!.id;
  });

  it("lists the tenant's members with role, lead count and which one is me", async () => {
    await addLead(ws.tenant.id, rep.membershipId);
    await addLead(ws.tenant.id, rep.membershipId);
    const members = await admin.caller.settings.members.list();
    expect(members.map((m) => [m.name, m.role, m.leadCount, m.isSelf])).toEqual([
      ["Adam Admin", "admin", 0, true],
      ["Olga Owner", "owner", 0, false],
      ["Rita Rep", "rep", 2, false],
    ]);
    expect(members.find((m) => m.id === rep.membershipId)?.email).toBe(rep.user.email);
  });

  it("a rep gets FORBIDDEN from every members procedure, and nothing changes", async () => {
    expect((await trpcError(rep.caller.settings.members.list())).code).toBe("FORBIDDEN");
    expect((await trpcError(rep.caller.settings.members.changeRole({ id: rep.membershipId, role: "admin" }))).code).toBe("FORBIDDEN");
    expect((await trpcError(rep.caller.settings.members.remove({ id: admin.membershipId }))).code).toBe("FORBIDDEN");
    expect(await roleOf(rep.membershipId)).toBe("rep");
    expect(await roleOf(admin.membershipId)).toBe("admin");
  });

  it("another tenant's membership is NOT_FOUND for role change and removal, and stays as it was", async () => {
    const before = await roleOf(globexMemberId);
    expect((await trpcError(ws.owner.caller.settings.members.changeRole({ id: globexMemberId, role: "rep" }))).code).toBe("NOT_FOUND");
    expect((await trpcError(ws.owner.caller.settings.members.remove({ id: globexMemberId }))).code).toBe("NOT_FOUND");
    expect(await roleOf(globexMemberId)).toBe(before);
    const ana = await callerFor("ana@acme.test", "acme.localhost:3000");
    expect((await trpcError(ana.settings.members.changeRole({ id: rep.membershipId, role: "admin" }))).code).toBe("NOT_FOUND");
    expect(await roleOf(rep.membershipId)).toBe("rep");
  });

  it("an admin changes a rep's role; the change is audited with before/after", async () => {
    const since = new Date();
    const updated = await admin.caller.settings.members.changeRole({ id: rep.membershipId, role: "manager" });
    expect(updated).toMatchObject({ id: rep.membershipId, role: "manager", leadCount: 2 });
    expect(await roleOf(rep.membershipId)).toBe("manager");
    expect(await auditActions(ws.tenant.id, since)).toEqual([
      expect.objectContaining({
        action: "member.role_change",
        objectId: rep.membershipId,
        before: { email: rep.user.email, role: "rep" },
        after: { email: rep.user.email, role: "manager" },
      }),
    ]);
    await admin.caller.settings.members.changeRole({ id: rep.membershipId, role: "rep" });
  });

  it("only an owner grants, changes or removes the owner role", async () => {
    const promote = await trpcError(admin.caller.settings.members.changeRole({ id: rep.membershipId, role: "owner" }));
    expect(promote.code).toBe("FORBIDDEN");
    expect(promote.message).toBe("settings.errors.owner_only");
    expect((await trpcError(admin.caller.settings.members.changeRole({ id: ws.owner.membershipId, role: "admin" }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await trpcError(admin.caller.settings.members.remove({ id: ws.owner.membershipId }))).code).toBe("FORBIDDEN");
    expect(await roleOf(ws.owner.membershipId)).toBe("owner");
    expect(await roleOf(rep.membershipId)).toBe("rep");
  });

  it("the last owner can be neither demoted nor removed, not even by themselves", async () => {
    const demote = await trpcError(ws.owner.caller.settings.members.changeRole({ id: ws.owner.membershipId, role: "admin" }));
    expect(demote.code).toBe("CONFLICT");
    expect(demote.message).toBe("settings.errors.last_owner");
    expect((await trpcError(ws.owner.caller.settings.members.remove({ id: ws.owner.membershipId }))).code).toBe("CONFLICT");
    expect(await roleOf(ws.owner.membershipId)).toBe("owner");
  });

  it("with a second owner, the first may step down; then the new last owner is protected", async () => {
    const second = await memberCaller(ws.tenant, "rep", "Second Owner");
    await ws.owner.caller.settings.members.changeRole({ id: second.membershipId, role: "owner" });
    await ws.owner.caller.settings.members.changeRole({ id: ws.owner.membershipId, role: "admin" });
    expect(await roleOf(ws.owner.membershipId)).toBe("admin");
    expect((await trpcError(second.caller.settings.members.remove({ id: second.membershipId }))).code).toBe("CONFLICT");
    // Restore the workspace's original owner for the other tests.
    await second.caller.settings.members.changeRole({ id: ws.owner.membershipId, role: "owner" });
    await ws.owner.caller.settings.members.remove({ id: second.membershipId });
  });

  it("in a tenant without owners, the last admin can be neither demoted nor removed; with a second admin they can", async () => {
    const planId = await makePlan();
    const tenant = await makeTenant(planId);
    const only = await memberCaller(tenant, "admin");
    const demote = await trpcError(only.caller.settings.members.changeRole({ id: only.membershipId, role: "manager" }));
    expect(demote.code).toBe("CONFLICT");
    expect(demote.message).toBe("settings.errors.last_admin");
    expect((await trpcError(only.caller.settings.members.remove({ id: only.membershipId }))).code).toBe("CONFLICT");
    expect(await roleOf(only.membershipId)).toBe("admin");
    const second = await memberCaller(tenant, "admin");
    await second.caller.settings.members.changeRole({ id: only.membershipId, role: "manager" });
    expect(await roleOf(only.membershipId)).toBe("manager");
  });

  it("two owners demoting each other at the same time leave exactly one owner", async () => {
    const { tenant, owner } = await makeWorkspace();
    const other = await memberCaller(tenant, "owner", "Other Owner");
    const results = await Promise.allSettled([
      owner.caller.settings.members.changeRole({ id: other.membershipId, role: "admin" }),
      other.caller.settings.members.changeRole({ id: owner.membershipId, role: "admin" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [row] = await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM "Membership" WHERE "tenantId" = $1 AND role = 'owner'`, [
      tenant.id,
    ]);
    expect(row!.n).toBe(1);
  });

  it("removing a member hands their leads, opportunities and tasks to the chosen member, unassigns extensions, and audits it", async () => {
    const leaving = await memberCaller(ws.tenant, "rep", "Leo Leaving");
    const leadId = await addLead(ws.tenant.id, leaving.membershipId);
    const [stage] = await ownerQuery<{ id: string; pipelineId: string }>(
      `WITH p AS (INSERT INTO "Pipeline" (id, "tenantId", name, "updatedAt") VALUES (gen_random_uuid(), $1, 'Leaving', now()) RETURNING id)
       INSERT INTO "Stage" (id, "tenantId", "pipelineId", name, position, "updatedAt") SELECT gen_random_uuid(), $1, p.id, 'Open', 0, now() FROM p
       RETURNING id, "pipelineId"`,
      [ws.tenant.id],
    );
    const [opportunity] = await ownerQuery<{ id: string }>(
      `INSERT INTO "Opportunity" (id, "tenantId", title, "pipelineId", "stageId", "ownerId", "leadId", "updatedAt")
       VALUES (gen_random_uuid(), $1, 'Deal', $2, $3, $4, $5, now()) RETURNING id`,
      [ws.tenant.id, stage!.pipelineId, stage!.id, leaving.membershipId, leadId],
    );
    const [task] = await ownerQuery<{ id: string }>(
      `INSERT INTO "Task" (id, "tenantId", title, "dueAt", "assigneeId", "leadId", "updatedAt")
       VALUES (gen_random_uuid(), $1, 'Call back', now(), $2, $3, now()) RETURNING id`,
      [ws.tenant.id, leaving.membershipId, leadId],
    );
    await ownerQuery(
      `INSERT INTO "Extension" (id, "tenantId", number, name, "membershipId", "secretEnc", "updatedAt") VALUES (gen_random_uuid(), $1, '2001', 'Leo', $2, 'v1:x:y:z', now())`,
      [ws.tenant.id, leaving.membershipId],
    );
    const since = new Date();
    await admin.caller.settings.members.remove({ id: leaving.membershipId, reassignLeadsTo: rep.membershipId });
    expect(await roleOf(leaving.membershipId)).toBeUndefined();
    const [lead] = await ownerQuery(`SELECT "ownerId" FROM "Lead" WHERE id = $1`, [leadId]);
    expect(lead!.ownerId).toBe(rep.membershipId);
    const [movedOpportunity] = await ownerQuery(`SELECT "ownerId" FROM "Opportunity" WHERE id = $1`, [opportunity!.id]);
    expect(movedOpportunity!.ownerId).toBe(rep.membershipId);
    const [movedTask] = await ownerQuery(`SELECT "assigneeId" FROM "Task" WHERE id = $1`, [task!.id]);
    expect(movedTask!.assigneeId).toBe(rep.membershipId);
    const [ext] = await ownerQuery(`SELECT "membershipId" FROM "Extension" WHERE "tenantId" = $1 AND number = '2001'`, [ws.tenant.id]);
    expect(ext!.membershipId).toBeNull();
    const [user] = await ownerQuery(`SELECT id FROM "User" WHERE id = $1`, [leaving.user.id]);
    expect(user).toBeDefined();
    expect(await auditActions(ws.tenant.id, since)).toEqual([
      expect.objectContaining({
        action: "member.remove",
        objectId: leaving.membershipId,
        before: { email: leaving.user.email, role: "rep" },
        after: { leadsReassignedTo: rep.membershipId, leadsMoved: 1, opportunitiesMoved: 1, tasksMoved: 1, extensionsUnassigned: 1 },
      }),
    ]);
    // The removed member's session stops working at once.
    expect((await trpcError(leaving.caller.leads.list({}))).code).toBe("UNAUTHORIZED");
  });

  it("removing without an heir leaves the leads unassigned; an heir from another tenant is a field error that changes nothing", async () => {
    const leaving = await memberCaller(ws.tenant, "rep");
    const leadId = await addLead(ws.tenant.id, leaving.membershipId);
    const bad = await trpcError(admin.caller.settings.members.remove({ id: leaving.membershipId, reassignLeadsTo: globexMemberId }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.cause).toMatchObject({ details: { fieldErrors: { reassignLeadsTo: ["settings.errors.heir_not_member"] } } });
    const self = await trpcError(admin.caller.settings.members.remove({ id: leaving.membershipId, reassignLeadsTo: leaving.membershipId }));
    expect(self.code).toBe("BAD_REQUEST");
    expect(await roleOf(leaving.membershipId)).toBe("rep");

    await admin.caller.settings.members.remove({ id: leaving.membershipId });
    const [lead] = await ownerQuery(`SELECT "ownerId" FROM "Lead" WHERE id = $1`, [leadId]);
    expect(lead!.ownerId).toBeNull();
  });

  it("an admin may leave the workspace (the UI confirms first)", async () => {
    const leaving = await memberCaller(ws.tenant, "admin");
    await leaving.caller.settings.members.remove({ id: leaving.membershipId });
    expect(await roleOf(leaving.membershipId)).toBeUndefined();
    expect((await trpcError(leaving.caller.settings.members.list())).code).toBe("UNAUTHORIZED");
  });

  it("a support session can read but not change members", async () => {
    const support = await callerFor("root@linha.local", ws.tenant.host, `support:${ws.tenant.slug}`);
    expect((await support.settings.members.list()).length).toBeGreaterThan(0);
    expect((await trpcError(support.settings.members.changeRole({ id: rep.membershipId, role: "admin" }))).code).toBe("FORBIDDEN");
    expect(await roleOf(rep.membershipId)).toBe("rep");
  });
});
