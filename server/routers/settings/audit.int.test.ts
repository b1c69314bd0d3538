import { beforeAll, describe, expect, it } from "vitest";
import { callerFor } from "@/server/testing/callers";
import { ownerQuery, tenantId } from "@/server/testing/owner-db";
import { makeWorkspace, memberCaller, trpcError } from "./settings-fixtures";

async function addEntry(tenant: string | null, action: string, objectType: string, actorEmail: string, createdAt: string): Promise<string> {
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "AuditLog" (id, "tenantId", "actorKind", "actorEmail", action, "objectType", "createdAt")
     VALUES (gen_random_uuid(), $1, 'member', $2, $3, $4, $5) RETURNING id`,
    [tenant, actorEmail, action, objectType, createdAt],
  );
  return row!.id;
}

describe("settings.audit", () => {
  let ws: Awaited<ReturnType<typeof makeWorkspace>>;

  beforeAll(async () => {
    ws = await makeWorkspace();
    for (let day = 1; day <= 9; day++) {
      await addEntry(
        ws.tenant.id,
        day % 2 ? "member.role_change" : "invitation.create",
        day % 2 ? "membership" : "invitation",
        `actor${day % 3}@x.test`,
        `2026-01-0${day}T12:00:00Z`,
      );
    }
    await addEntry(await tenantId("globex"), "member.role_change", "membership", "gil@globex.test", "2026-01-05T13:00:00Z");
    await addEntry(null, "plan.update", "plan", "root@linha.local", "2026-01-05T14:00:00Z");
  });

  it("pages through this tenant's entries, newest first, and never shows another tenant's or the platform's", async () => {
    const first = await ws.owner.caller.settings.audit.list({ limit: 4, to: new Date("2026-02-01") });
    expect(first.items.map((e) => e.createdAt.toISOString().slice(0, 10))).toEqual([
      "2026-01-09",
      "2026-01-08",
      "2026-01-07",
      "2026-01-06",
    ]);
    const second = await ws.owner.caller.settings.audit.list({ limit: 4, to: new Date("2026-02-01"), cursor: first.nextCursor });
    const third = await ws.owner.caller.settings.audit.list({ limit: 4, to: new Date("2026-02-01"), cursor: second.nextCursor });
    expect(third.nextCursor).toBeNull();
    const all = [...first.items, ...second.items, ...third.items];
    expect(all).toHaveLength(9);
    expect(new Set(all.map((e) => e.id)).size).toBe(9);
    expect(all.some((e) => e.actorEmail === "gil@globex.test" || e.action === "plan.update")).toBe(false);
  });

  it("filters by action prefix, object type, actor and date range", async () => {
    const list = (input: Parameters<typeof ws.owner.caller.settings.audit.list>[0]) => ws.owner.caller.settings.audit.list(input);
    expect((await list({ action: "invitation." })).items.every((e) => e.action === "invitation.create")).toBe(true);
    expect((await list({ action: "invitation.", to: new Date("2026-02-01") })).items).toHaveLength(4);
    expect((await list({ objectType: "membership", to: new Date("2026-02-01") })).items).toHaveLength(5);
    expect((await list({ actor: "ACTOR1@", to: new Date("2026-02-01") })).items.map((e) => e.actorEmail)).toEqual([
      "actor1@x.test",
      "actor1@x.test",
      "actor1@x.test",
    ]);
    const range = await list({ from: new Date("2026-01-03T00:00:00Z"), to: new Date("2026-01-05T23:59:59Z") });
    expect(range.items).toHaveLength(3);
    expect((await trpcError(list({ from: new Date("2026-01-05"), to: new Date("2026-01-01") }))).code).toBe("BAD_REQUEST");
    expect(await ws.owner.caller.settings.audit.objectTypes()).toEqual(expect.arrayContaining(["invitation", "membership"]));
    expect(await ws.owner.caller.settings.audit.objectTypes()).not.toContain("plan");
  });

  it("is for owners and admins only", async () => {
    for (const role of ["rep", "manager"] as const) {
      const { caller } = await memberCaller(ws.tenant, role);
      expect((await trpcError(caller.settings.audit.list({}))).code).toBe("FORBIDDEN");
      expect((await trpcError(caller.settings.audit.objectTypes())).code).toBe("FORBIDDEN");
    }
    const admin = (await memberCaller(ws.tenant, "admin")).caller;
    expect((await admin.settings.audit.list({ limit: 1 })).items).toHaveLength(1);
  });

  it("acme's admin sees none of this tenant's entries", async () => {
    const ana = await callerFor("ana@acme.test", "acme.localhost:3000");
    const page = await ana.settings.audit.list({ limit: 100, from: new Date("2026-01-01"), to: new Date("2026-01-10") });
    expect(page.items.some((e) => e.actorEmail?.endsWith("@x.test"))).toBe(false);
  });
});
