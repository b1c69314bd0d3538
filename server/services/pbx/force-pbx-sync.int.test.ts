import type { Session } from "next-auth";
import { beforeAll, describe, expect, it } from "vitest";
import { parseHost } from "@/lib/host";
import { AppError } from "@/server/errors";
import { ownerQuery } from "@/server/testing/owner-db";
import { forcePbxSync } from "./force-pbx-sync";
import { addMember, makePbxNode, makeTenantOnNode, makeUser, syncRows } from "./pbx-sync-fixtures";

// Who may force a sync (the syncPbx server action delegates here): a super admin on the console
// host, any node; a tenant's admin or owner on its own host, its own node only. The queue is not
// running in this file, so requests stay queued rows: exactly what the caller gets back.

type Scope = Session["user"]["scope"];

async function sessionFor(user: { id: string; email: string }, scope: Scope): Promise<Session> {
  return {
    user: { id: user.id, email: user.email, name: "x", scope, locale: "en" },
    expires: new Date(Date.now() + 3600_000).toISOString(),
  };
}

async function force(host: string, session: Session | null, nodeId?: string) {
  return forcePbxSync({ target: parseHost(host, "localhost"), session, ip: "127.0.0.1" }, { nodeId });
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

let nodeA: { id: string };
let nodeB: { id: string };
let tenantA: { id: string; slug: string; host: string };
let tenantB: { id: string; slug: string; host: string };
const users: Record<string, { id: string; email: string }> = {};

beforeAll(async () => {
  nodeA = await makePbxNode();
  nodeB = await makePbxNode();
  tenantA = await makeTenantOnNode(nodeA.id);
  tenantB = await makeTenantOnNode(nodeB.id);
  for (const role of ["owner", "admin", "manager", "rep"] as const) {
    users[role] = await makeUser();
    await addMember(tenantA.id, users[role]!.id, role);
  }
  users.adminB = await makeUser();
  await addMember(tenantB.id, users.adminB.id, "admin");
  const [root] = await ownerQuery<{ id: string; email: string }>(`SELECT id, email FROM "User" WHERE email = 'root@linha.local'`);
  users.root = root!;
});

describe("forcePbxSync (the syncPbx action)", () => {
  it("a super admin on the console host syncs any node, audited", async () => {
    const session = await sessionFor(users.root!, "admin");
    const { syncId } = await force("admin.localhost:3000", session, nodeB.id);
    const rows = await syncRows(nodeB.id);
    expect(rows.find((r) => r.id === syncId)).toMatchObject({ status: "queued", trigger: "manual", reason: "forced by root@linha.local" });
    const audit = await ownerQuery(`SELECT action, "tenantId", "actorEmail" FROM "AuditLog" WHERE "objectId" = $1`, [nodeB.id]);
    expect(audit).toContainEqual({ action: "pbx_node.sync", tenantId: null, actorEmail: "root@linha.local" });
  });

  it("the console needs a node that exists", async () => {
    const session = await sessionFor(users.root!, "admin");
    expect((await failure(force("admin.localhost:3000", session))).code).toBe("INVALID_INPUT");
    expect((await failure(force("admin.localhost:3000", session, "00000000-0000-4000-8000-000000000000"))).code).toBe("NOT_FOUND");
  });

  it("a console session of a user who is not a super admin is refused", async () => {
    const session = await sessionFor(users.admin!, "admin");
    expect((await failure(force("admin.localhost:3000", session, nodeA.id))).code).toBe("FORBIDDEN");
  });

  it("a tenant admin or owner syncs its own node from its own host, audited in the tenant", async () => {
    for (const role of ["admin", "owner"] as const) {
      const { syncId } = await force(tenantA.host, await sessionFor(users[role]!, `tenant:${tenantA.slug}`));
      expect((await syncRows(nodeA.id)).some((r) => r.id === syncId)).toBe(true);
    }
    const audit = await ownerQuery(`SELECT action, "tenantId" FROM "AuditLog" WHERE "objectId" = $1 AND "tenantId" = $2`, [
      nodeA.id,
      tenantA.id,
    ]);
    expect(audit.length).toBeGreaterThanOrEqual(2);
    // Given explicitly, its own node is fine too.
    await expect(force(tenantA.host, await sessionFor(users.admin!, `tenant:${tenantA.slug}`), nodeA.id)).resolves.toHaveProperty("syncId");
  });

  it("another tenant's node is not found for a tenant admin", async () => {
    const error = await failure(force(tenantA.host, await sessionFor(users.admin!, `tenant:${tenantA.slug}`), nodeB.id));
    expect(error.code).toBe("NOT_FOUND");
    expect((await syncRows(nodeB.id)).every((r) => r.reason !== `forced by ${users.admin!.email}`)).toBe(true);
  });

  it("managers and reps are refused", async () => {
    for (const role of ["manager", "rep"] as const) {
      const error = await failure(force(tenantA.host, await sessionFor(users[role]!, `tenant:${tenantA.slug}`)));
      expect(error.code).toBe("FORBIDDEN");
    }
  });

  it("a read-only support session is refused", async () => {
    const error = await failure(force(tenantA.host, await sessionFor(users.root!, `support:${tenantA.slug}`)));
    expect(error).toMatchObject({ code: "FORBIDDEN", message: "errors.support_read_only" });
  });

  it("a session of one tenant is useless on another tenant's host, and no session is unauthorized", async () => {
    expect((await failure(force(tenantB.host, await sessionFor(users.admin!, `tenant:${tenantA.slug}`)))).code).toBe("UNAUTHORIZED");
    expect((await failure(force(tenantB.host, await sessionFor(users.admin!, `tenant:${tenantB.slug}`)))).code).toBe("UNAUTHORIZED");
    expect((await failure(force(tenantA.host, null))).code).toBe("UNAUTHORIZED");
  });

  it("a tenant without a node gets a clear conflict; a suspended tenant is refused", async () => {
    const loose = await makeTenantOnNode(null);
    const admin = await makeUser();
    await addMember(loose.id, admin.id, "admin");
    const error = await failure(force(loose.host, await sessionFor(admin, `tenant:${loose.slug}`)));
    expect(error).toMatchObject({ code: "CONFLICT", message: "pbx.errors.no_node" });

    const suspended = await makeTenantOnNode(nodeA.id);
    await addMember(suspended.id, admin.id, "admin");
    await ownerQuery(`UPDATE "Tenant" SET status = 'suspended' WHERE id = $1`, [suspended.id]);
    expect((await failure(force(suspended.host, await sessionFor(admin, `tenant:${suspended.slug}`)))).code).toBe("FORBIDDEN");
  });
});
