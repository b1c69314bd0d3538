import { randomInt, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { withAdmin } from "@/server/db";
import { ownerQuery } from "@/server/testing/owner-db";
import { loadPbxConfigModel } from "./load-config-model";
import { addExtensions, makePbxNode, makePlan, makeTenantOnNode } from "./pbx-sync-fixtures";

// The loader on rows of its own: what each tenant of the node gets, in a stable order, with its
// secrets opened. Gateways and operator routes are global (other tests add theirs), so only this
// file's tenants and routes are asserted.

const one = async <T extends Record<string, unknown>>(sql: string, params: unknown[]) => (await ownerQuery<T>(sql, params))[0]!;

async function extensionId(tenantId: string, number: string): Promise<string> {
  return (await one<{ id: string }>(`SELECT id FROM "Extension" WHERE "tenantId" = $1 AND number = $2`, [tenantId, number])).id;
}

async function did(providerId: string, tenantId: string | null): Promise<{ id: string; number: string }> {
  const number = `+55${randomInt(11, 99)}${randomInt(20_000_000, 39_999_999)}`;
  return one(
    `INSERT INTO "Did" (id, number, "providerId", status, "tenantId", "allocatedAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, now(), now()) RETURNING id, number`,
    [number, providerId, tenantId ? "allocated" : "free", tenantId],
  );
}

describe("loadPbxConfigModel", () => {
  it("loads every tenant of the node with its extensions, ring groups, hours, DIDs and (plan permitting) route overrides and recording", async () => {
    const node = await makePbxNode();
    const withOverrides = await makeTenantOnNode(node.id, await makePlan(["route_overrides", "call_recording"]));
    const without = await makeTenantOnNode(node.id);
    const elsewhere = await makeTenantOnNode((await makePbxNode()).id);
    await ownerQuery(`UPDATE "Tenant" SET status = 'suspended' WHERE id = $1`, [without.id]);
    await addExtensions(withOverrides.id, ["1002", "1001", "1003"]);
    await addExtensions(elsewhere.id, ["9001"]);
    await ownerQuery(`UPDATE "Extension" SET enabled = false, name = 'João Simões' WHERE "tenantId" = $1 AND number = '1003'`, [
      withOverrides.id,
    ]);

    const group = await one<{ id: string }>(
      `INSERT INTO "RingGroup" (id, "tenantId", name, strategy, "ringSeconds", "updatedAt") VALUES (gen_random_uuid(), $1, 'Vendas', 'sequential', 15, now()) RETURNING id`,
      [withOverrides.id],
    );
    for (const [number, position] of [
      ["1002", 0],
      ["1001", 1],
    ] as const) {
      await ownerQuery(`INSERT INTO "RingGroupMember" ("tenantId", "ringGroupId", "extensionId", position) VALUES ($1, $2, $3, $4)`, [
        withOverrides.id,
        group.id,
        await extensionId(withOverrides.id, number),
        position,
      ]);
    }
    const hours = await one<{ id: string }>(
      `INSERT INTO "BusinessHours" (id, "tenantId", name, rules, "updatedAt") VALUES (gen_random_uuid(), $1, 'Comercial', $2, now()) RETURNING id`,
      [withOverrides.id, JSON.stringify([{ days: ["mon", "tue"], open: "08:00", close: "18:00" }])],
    );
    const provider = await one<{ id: string }>(
      `INSERT INTO "Provider" (id, name, "updatedAt") VALUES (gen_random_uuid(), $1, now()) RETURNING id`,
      [`prov-${randomUUID().slice(0, 8)}`],
    );
    const routed = await did(provider.id, withOverrides.id);
    const unrouted = await did(provider.id, withOverrides.id);
    await did(provider.id, null);
    await ownerQuery(
      `INSERT INTO "DidRoute" (id, "tenantId", "didId", "destType", "extensionId", "businessHoursId", "afterType", "afterRingGroupId", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, 'extension', $3, $4, 'ring_group', $5, now())`,
      [withOverrides.id, routed.id, await extensionId(withOverrides.id, "1001"), hours.id, group.id],
    );
    for (const tenant of [withOverrides, without]) {
      await ownerQuery(
        `INSERT INTO "OutboundRoute" (id, "tenantId", name, pattern, priority, "updatedAt") VALUES (gen_random_uuid(), $1, 'local', '_0XX.', 5, now())`,
        [tenant.id],
      );
    }

    const model = await withAdmin((db) => loadPbxConfigModel(db, node.id));
    expect(model.node).toEqual({ id: node.id, name: expect.any(String) });
    expect(model.tenants.map((t) => t.code)).toEqual([withOverrides.slug, without.slug].sort());
    const a = model.tenants.find((t) => t.id === withOverrides.id)!;
    const b = model.tenants.find((t) => t.id === without.id)!;
    expect([a.suspended, b.suspended]).toEqual([false, true]);
    // Plan feature call_recording → the dialplan records this tenant's calls; the other plan has none.
    expect([a.recordCalls, b.recordCalls]).toEqual([true, false]);
    expect(a.extensions.map((e) => [e.number, e.enabled])).toEqual([
      ["1001", true],
      ["1002", true],
      ["1003", false],
    ]);
    expect(a.extensions[2]!.callerIdName).toBe("Joao Simoes");
    expect(a.extensions[0]!.secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(a.ringGroups).toEqual([{ id: group.id, name: "Vendas", strategy: "sequential", ringSeconds: 15, members: ["1002", "1001"] }]);
    expect(a.businessHours).toEqual([
      { id: hours.id, name: "Comercial", timezone: "America/Sao_Paulo", rules: [{ days: ["mon", "tue"], open: "08:00", close: "18:00" }] },
    ]);
    expect(a.dids).toEqual(
      [
        {
          number: routed.number,
          destination: { type: "extension", number: "1001" },
          businessHoursId: hours.id,
          afterHours: { type: "ring_group", ringGroupId: group.id },
        },
        { number: unrouted.number, destination: null, businessHoursId: null, afterHours: null },
      ].sort((x, y) => (x.number < y.number ? -1 : 1)),
    );
    expect(a.routes.map((r) => r.name)).toEqual(["local"]);
    // The override of a tenant whose plan lacks route_overrides is not rendered.
    expect(b.routes).toEqual([]);
    expect(model.routes.every((r) => r.name !== "local" || r.id !== a.routes[0]!.id)).toBe(true);
  });

  it("an unknown node is not found", async () => {
    await expect(withAdmin((db) => loadPbxConfigModel(db, randomUUID()))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
