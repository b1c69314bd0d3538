import { randomInt, randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { serverEnv } from "@/lib/env";
import { openSecret } from "@/server/crypto/secret-box";
import { auditOf, telephonyTenant, trpcError, type Caller } from "@/server/services/extensions/telephony.fixture";
import { callerFor } from "@/server/testing/callers";
import { ownerQuery } from "@/server/testing/owner-db";

const CLIENTES = { name: "clientes", authMode: "ip" as const, ipMatches: ["192.0.2.10"], host: "192.0.2.10", channelLimit: 60 };
// Source addresses are unique across every tenant's trunks, and test files share one database.
let nextAddress = randomInt(0, 1 << 20);
beforeEach(() => {
  const n = nextAddress++;
  const ip = `172.${16 + ((n >> 16) & 15)}.${(n >> 8) & 255}.${n & 255}`;
  Object.assign(CLIENTES, { ipMatches: [ip], host: ip });
});

async function trunkRows(tenantId: string) {
  return ownerQuery<{ id: string; name: string; operatorManaged: boolean; secretEnc: string | null; channelLimit: number }>(
    `SELECT id, name, "operatorManaged", "secretEnc", "channelLimit" FROM "Trunk" WHERE "tenantId" = $1 ORDER BY name`,
    [tenantId],
  );
}

describe("admin.trunks", () => {
  let root: Caller;
  beforeAll(async () => {
    root = await callerFor("root@linha.local", "admin.localhost:3000");
  });

  it("creates, updates, regenerates and deletes the operator's trunk for a tenant, auditing each with the tenant", async () => {
    const t = await telephonyTenant();
    const created = await root.admin.trunks.create({ tenantId: t.id, data: { ...CLIENTES, authMode: "registration" } });
    expect(created.trunk).toMatchObject({ name: "clientes", operatorManaged: true, endpoint: `${t.slug}_trunk_clientes` });
    expect(openSecret((await trunkRows(t.id))[0]!.secretEnc!, serverEnv().APP_SECRET)).toBe(created.secret);

    // The tenant sees it, read-only.
    expect(await t.admin.caller.telephony.trunks.list()).toEqual([
      expect.objectContaining({ id: created.trunk.id, operatorManaged: true }),
    ]);
    const tenantEdit = await trpcError(
      t.admin.caller.telephony.trunks.update({ id: created.trunk.id, data: { authMode: "registration" } }),
    );
    expect(tenantEdit.message).toBe("telephony.trunks.errors.operator_managed");

    const { name: _n, ...settings } = CLIENTES;
    const updated = await root.admin.trunks.update({ id: created.trunk.id, data: { ...settings, channelLimit: 90 } });
    expect(updated).toMatchObject({ secret: null, trunk: { authMode: "ip", channelLimit: 90 } });
    await root.admin.trunks.update({ id: created.trunk.id, data: { authMode: "registration" } });
    const regenerated = await root.admin.trunks.regenerateSecret({ id: created.trunk.id });
    expect(openSecret((await trunkRows(t.id))[0]!.secretEnc!, serverEnv().APP_SECRET)).toBe(regenerated.secret);
    expect(await root.admin.trunks.list({ tenantId: t.id })).toHaveLength(1);
    expect(await root.admin.trunks.delete({ id: created.trunk.id })).toEqual({ id: created.trunk.id });
    expect(await trunkRows(t.id)).toEqual([]);

    const audit = await auditOf("trunk", created.trunk.id);
    expect(audit.map((e) => [e.action, e.tenantId, e.actorKind])).toEqual([
      ["trunk.create", t.id, "super_admin"],
      ["trunk.update", t.id, "super_admin"],
      ["trunk.update", t.id, "super_admin"],
      ["trunk.regenerate_secret", t.id, "super_admin"],
      ["trunk.delete", t.id, "super_admin"],
    ]);
    const text = JSON.stringify(audit);
    expect(text).not.toContain(created.secret!);
    expect(text).not.toContain(regenerated.secret!);
  });

  it("lists the tenant's own trunks too but leaves them to the tenant (FORBIDDEN), and only the chosen tenant's", async () => {
    const t = await telephonyTenant();
    const other = await telephonyTenant();
    const own = await t.admin.caller.telephony.trunks.create({ name: "propria", authMode: "registration" });
    await root.admin.trunks.create({ tenantId: other.id, data: CLIENTES });
    expect((await root.admin.trunks.list({ tenantId: t.id })).map((x) => [x.name, x.operatorManaged])).toEqual([["propria", false]]);
    for (const attempt of [
      () => root.admin.trunks.update({ id: own.trunk.id, data: { authMode: "registration", channelLimit: 1 } }),
      () => root.admin.trunks.delete({ id: own.trunk.id }),
      () => root.admin.trunks.regenerateSecret({ id: own.trunk.id }),
    ]) {
      const error = await trpcError(attempt());
      expect(error.code).toBe("FORBIDDEN");
      expect(error.message).toBe("telephony.trunks.errors.tenant_owned");
    }
    expect((await trunkRows(t.id))[0]).toMatchObject({ name: "propria", channelLimit: 10 });
  });

  it("an unknown tenant or trunk is NOT_FOUND; bad input and duplicate names write nothing", async () => {
    expect((await trpcError(root.admin.trunks.create({ tenantId: randomUUID(), data: CLIENTES }))).code).toBe("NOT_FOUND");
    expect((await trpcError(root.admin.trunks.list({ tenantId: randomUUID() }))).code).toBe("NOT_FOUND");
    expect((await trpcError(root.admin.trunks.delete({ id: randomUUID() }))).code).toBe("NOT_FOUND");
    const t = await telephonyTenant();
    expect((await trpcError(root.admin.trunks.create({ tenantId: t.id, data: { ...CLIENTES, host: "x;y" } }))).code).toBe("BAD_REQUEST");
    await root.admin.trunks.create({ tenantId: t.id, data: CLIENTES });
    expect((await trpcError(root.admin.trunks.create({ tenantId: t.id, data: CLIENTES }))).code).toBe("CONFLICT");
    expect(await trunkRows(t.id)).toHaveLength(1);
  });

  it("test: a tenant without a PBX node is a clear error and records nothing", async () => {
    const t = await telephonyTenant();
    const { trunk } = await root.admin.trunks.create({ tenantId: t.id, data: CLIENTES });
    const error = await trpcError(root.admin.trunks.test({ id: trunk.id }));
    expect(error.message).toBe("telephony.trunks.errors.no_pbx_node");
    expect((await auditOf("trunk", trunk.id)).map((e) => e.action)).toEqual(["trunk.create"]);
  });

  it("is for super admins on the console host only", async () => {
    const t = await telephonyTenant();
    const tenantAdminOnConsole = await callerFor(t.admin.email, "admin.localhost:3000");
    expect((await trpcError(tenantAdminOnConsole.admin.trunks.list({ tenantId: t.id }))).code).toBe("FORBIDDEN");
    expect((await trpcError(tenantAdminOnConsole.admin.trunks.create({ tenantId: t.id, data: CLIENTES }))).code).toBe("FORBIDDEN");
    expect(await trunkRows(t.id)).toEqual([]);
  });
});
