import { beforeAll, describe, expect, it } from "vitest";
import { ownerQuery } from "@/server/testing/owner-db";
import { callerFor, anonymousCaller } from "@/server/testing/callers";
import { auditFor, blamedFields, rootCaller, trpcError, unique, type Caller } from "@/server/routers/admin/inventory/inventory-test-kit";
import { routeGateways, routeRows, routeTenant, shown, starPrefix, type TestGateway } from "./route-test-kit";

describe("admin.routes", () => {
  let root: Caller;
  let gateways: TestGateway[];
  let star: string;
  beforeAll(async () => {
    root = await rootCaller();
    gateways = await routeGateways(root, ["1234#", null, "99"]);
    star = starPrefix();
  });

  const base = () => ({ pattern: `_${star}XXXX`, gatewayIds: [gateways[0]!.id] });

  it("creates an operator route with its gateways in failover order, reads it back, audits it", async () => {
    const name = unique("op");
    const route = await root.admin.routes.create({
      name,
      pattern: `_${star}XXXX`,
      gatewayIds: [gateways[1]!.id, gateways[0]!.id],
      stripDigits: "2",
      prepend: "0",
      callerIdNumber: "+551130000000",
    });
    expect(route).toMatchObject({
      name,
      tenant: null,
      stripDigits: 2,
      prepend: "0",
      callerIdNumber: "+551130000000",
      enabled: true,
      gateways: [
        { id: gateways[1]!.id, position: 0 },
        { id: gateways[0]!.id, position: 1, techPrefix: "1234#" },
      ],
    });
    expect(route.priority).toBeGreaterThan(0);
    expect(await root.admin.routes.get({ id: route.id })).toEqual(route);
    expect((await root.admin.routes.list({ tenantId: null })).map((r) => r.id)).toContain(route.id);
    const [created] = await auditFor(route.id);
    expect(created).toMatchObject({ action: "route.create", tenantId: null, actorEmail: "root@linha.local" });
    expect(created!.after).toMatchObject({ name, gateways: [gateways[1]!.name, gateways[0]!.name] });

    const updated = await root.admin.routes.update({
      id: route.id,
      data: {
        name,
        pattern: `_${star}XXXXX`,
        gatewayIds: [gateways[2]!.id],
        stripDigits: 0,
        prepend: "",
        callerIdNumber: "",
        enabled: true,
      },
    });
    expect(updated).toMatchObject({ pattern: `_${star}XXXXX`, prepend: null, callerIdNumber: null, priority: route.priority });
    expect(updated.gateways.map((g) => g.id)).toEqual([gateways[2]!.id]);

    const off = await root.admin.routes.setEnabled({ id: route.id, enabled: false });
    expect(off.enabled).toBe(false);
    await root.admin.routes.delete({ id: route.id });
    expect(await routeRows(`id = $1`, [route.id])).toEqual([]);
    expect((await auditFor(route.id)).map((a) => a.action)).toEqual(["route.create", "route.update", "route.disable", "route.delete"]);
    await expect(root.admin.routes.get({ id: route.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses bad patterns with the parser's reason, and changes nothing", async () => {
    const cases: [string, string][] = [
      ["_0XX.X", ". and ! may only appear at the end of the pattern."],
      ["_0[9-]X", "Invalid set: use [ ] with digits or ranges, e.g. [2-9] or [15-7]."],
      ["_.", "The pattern needs at least one digit or X, Z, N."],
      ["0XX.", "Invalid character. Use digits, X, Z, N, [ ], ., !, +, * and #, with _ first for patterns."],
      ["_0XX;.", "Invalid character. Use digits, X, Z, N, [ ], ., !, +, * and #, with _ first for patterns."],
      ["", "Required."],
    ];
    for (const [pattern, message] of cases) {
      const name = unique("bad");
      const error = await trpcError(root.admin.routes.create({ ...base(), name, pattern }));
      expect(error.code, pattern).toBe("BAD_REQUEST");
      expect(blamedFields(error)).toEqual(["pattern"]);
      expect(shown(error)).toBe(message);
      expect(await routeRows(`name = $1`, [name])).toEqual([]);
    }
    const pt = await rootCaller("pt-BR");
    const error = await trpcError(pt.admin.routes.create({ ...base(), name: unique("bad"), pattern: "_0XX.X" }));
    expect(shown(error, "pt-BR")).toBe(". e ! só podem aparecer no fim do padrão.");
  });

  it("refuses unknown, duplicate, missing and too many gateways", async () => {
    const name = unique("gw");
    const unknown = await trpcError(root.admin.routes.create({ ...base(), name, gatewayIds: ["0190a000-0000-7000-8000-000000000000"] }));
    expect([unknown.code, shown(unknown)]).toEqual(["BAD_REQUEST", "One of the gateways no longer exists."]);
    expect(blamedFields(unknown)).toEqual(["gatewayIds"]);
    const twice = await trpcError(root.admin.routes.create({ ...base(), name, gatewayIds: [gateways[0]!.id, gateways[0]!.id] }));
    expect(shown(twice)).toBe("The same gateway appears twice.");
    const none = await trpcError(root.admin.routes.create({ ...base(), name, gatewayIds: [] }));
    expect(shown(none)).toBe("Choose at least one gateway.");
    const six = Array.from({ length: 6 }, (_, i) => `0190a000-0000-7000-8000-00000000000${i}`);
    expect(shown(await trpcError(root.admin.routes.create({ ...base(), name, gatewayIds: six })))).toBe("At most 5 gateways per route.");
    expect(await routeRows(`name = $1`, [name])).toEqual([]);
  });

  it("keeps names unique per scope: the operator's and each tenant's", async () => {
    const tenant = await routeTenant(true);
    const name = unique("dup");
    await root.admin.routes.create({ ...base(), name });
    const clash = await trpcError(root.admin.routes.create({ ...base(), name }));
    expect([clash.code, shown(clash)]).toEqual(["CONFLICT", "A route with this name already exists in this scope."]);
    expect(blamedFields(clash)).toEqual(["name"]);
    // The same name as a tenant's override is another scope.
    const override = await root.admin.routes.create({ ...base(), name, tenantId: tenant.id });
    expect(override.tenant).toMatchObject({ id: tenant.id, overridesAllowed: true });
    expect((await trpcError(root.admin.routes.create({ ...base(), name, tenantId: tenant.id }))).code).toBe("CONFLICT");
    // Renaming onto a taken name is refused too.
    const other = await root.admin.routes.create({ ...base(), name: unique("dup") });
    const rename = await trpcError(root.admin.routes.update({ id: other.id, data: { ...base(), name } }));
    expect(rename.code).toBe("CONFLICT");
  });

  it("refuses an override for a tenant whose plan lacks route_overrides, and for an unknown tenant", async () => {
    const tenant = await routeTenant(false);
    const name = unique("ovr");
    const refused = await trpcError(root.admin.routes.create({ ...base(), name, tenantId: tenant.id }));
    expect(refused.code).toBe("FORBIDDEN");
    expect(shown(refused)).toBe(
      `${tenant.name}'s plan does not include own routes (feature "Own outbound routes"). Change the plan first.`,
    );
    expect(blamedFields(refused)).toEqual(["tenantId"]);
    const unknown = await trpcError(root.admin.routes.create({ ...base(), name, tenantId: "0190a000-0000-7000-8000-000000000000" }));
    expect(unknown.code).toBe("NOT_FOUND");
    expect(await routeRows(`name = $1`, [name])).toEqual([]);
  });

  it("reorders a scope in one go, and refuses a stale list without changing anything", async () => {
    const tenant = await routeTenant(true);
    const make = (n: string) => root.admin.routes.create({ ...base(), name: n, tenantId: tenant.id });
    const a = await make("a");
    const b = await make("b");
    const c = await make("c");
    expect([a.priority, b.priority, c.priority]).toEqual([10, 20, 30]);

    const reordered = await root.admin.routes.reorder({ tenantId: tenant.id, ids: [c.id, a.id, b.id] });
    expect(reordered.map((r) => [r.name, r.priority])).toEqual([
      ["c", 10],
      ["a", 20],
      ["b", 30],
    ]);
    const [audit] = (await auditFor(tenant.id)).filter((e) => e.action === "route.reorder");
    expect(audit).toMatchObject({ tenantId: tenant.id });

    // A list missing a route (one created meanwhile), or with another scope's route, is stale.
    const d = await make("d");
    for (const ids of [
      [b.id, a.id, c.id],
      [b.id, a.id, c.id, d.id, d.id],
      [b.id, a.id, c.id, (await root.admin.routes.create({ ...base(), name: unique("op") })).id],
    ]) {
      const stale = await trpcError(root.admin.routes.reorder({ tenantId: tenant.id, ids }));
      expect([stale.code, shown(stale)]).toEqual(["CONFLICT", "The route list changed while you were reordering. Reload and try again."]);
    }
    expect((await routeRows(`"tenantId" = $1`, [tenant.id])).map((r) => [r.name, r.priority])).toEqual([
      ["c", 10],
      ["a", 20],
      ["b", 30],
      ["d", 40],
    ]);
  });

  it("asks for a sync of every node for an operator route and of the tenant's node for an override", async () => {
    const [node] = await ownerQuery<{ id: string }>(
      `INSERT INTO "PbxNode" (id, name, "amiHost", "amiUser", "amiSecretEnc", "configDir", "updatedAt")
       VALUES (gen_random_uuid(), $1, '127.0.0.1', 'linha', 'x', '/etc/asterisk/linha', now()) RETURNING id`,
      [unique("routes-node")],
    );
    const tenant = await routeTenant(true);
    await ownerQuery(`UPDATE "Tenant" SET "pbxNodeId" = $1 WHERE id = $2`, [node!.id, tenant.id]);
    const queued = () => ownerQuery(`SELECT reason FROM "PbxSync" WHERE "pbxNodeId" = $1 AND status = 'queued'`, [node!.id]);

    await root.admin.routes.create({ ...base(), name: unique("ovr"), tenantId: tenant.id });
    expect((await queued()).length).toBe(1);
    await ownerQuery(`DELETE FROM "PbxSync" WHERE "pbxNodeId" = $1`, [node!.id]);
    await root.admin.routes.create({ ...base(), name: unique("op") });
    expect((await queued()).length).toBe(1);
  });

  it("cross-tenant: a tenant's app role sees its own overrides only; ids of routes that do not exist are NOT_FOUND", async () => {
    const mine = await routeTenant(true);
    const theirs = await routeTenant(true);
    const own = await root.admin.routes.create({ ...base(), name: unique("mine"), tenantId: mine.id });
    const foreign = await root.admin.routes.create({ ...base(), name: unique("theirs"), tenantId: theirs.id });
    const { appClient } = await import("@/server/testing/owner-db");
    const client = await appClient();
    try {
      await client.query("BEGIN");
      await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [mine.id]);
      const seen = (await client.query<{ id: string }>(`SELECT id FROM "OutboundRoute" WHERE id = ANY($1::uuid[])`, [[own.id, foreign.id]]))
        .rows;
      expect(seen.map((r) => r.id)).toEqual([own.id]);
      // The tenant role may read its overrides, never write them (no policy lets it: nothing changes).
      const write = await client.query(`UPDATE "OutboundRoute" SET enabled = false WHERE id = $1`, [own.id]).catch(() => ({ rowCount: 0 }));
      expect(write.rowCount).toBe(0);
      await client.query("ROLLBACK");
    } finally {
      await client.end();
    }
    for (const call of [
      () => root.admin.routes.get({ id: "0190a000-0000-7000-8000-000000000001" }),
      () => root.admin.routes.update({ id: "0190a000-0000-7000-8000-000000000001", data: { ...base(), name: "x" } }),
      () => root.admin.routes.setEnabled({ id: "0190a000-0000-7000-8000-000000000001", enabled: false }),
      () => root.admin.routes.delete({ id: "0190a000-0000-7000-8000-000000000001" }),
      () => root.admin.routes.test({ number: "123", tenantId: "0190a000-0000-7000-8000-000000000001" }),
    ]) {
      expect((await trpcError(call())).code).toBe("NOT_FOUND");
    }
  });

  it("keeps a gateway a route still dials from being deleted, naming the routes", async () => {
    const [spare] = await routeGateways(root, [null]);
    const name = unique("uses");
    await root.admin.routes.create({ ...base(), name, gatewayIds: [gateways[0]!.id, spare!.id] });
    const refused = await trpcError(root.admin.inventory.gateways.delete({ id: spare!.id }));
    expect([refused.code, shown(refused)]).toEqual([
      "CONFLICT",
      `This gateway is used by 1 outbound route(s) (${name}). Remove it from those routes before deleting it.`,
    ]);
    expect(await ownerQuery(`SELECT id FROM "Gateway" WHERE id = $1`, [spare!.id])).toHaveLength(1);
  });

  it("is for the operator only: tenant users get FORBIDDEN, anonymous callers UNAUTHORIZED", async () => {
    const tenantAdmin = await callerFor("ana@acme.test", "acme.localhost:3000");
    const replayed = await callerFor("ana@acme.test", "admin.localhost:3000", "tenant:acme");
    const anonymous = anonymousCaller("admin.localhost:3000");
    const name = unique("nope");
    for (const caller of [tenantAdmin, replayed]) {
      expect((await trpcError(caller.admin.routes.list({}))).code).toBe("FORBIDDEN");
      expect((await trpcError(caller.admin.routes.create({ ...base(), name }))).code).toBe("FORBIDDEN");
      expect((await trpcError(caller.admin.routes.test({ number: "5511999990000" }))).code).toBe("FORBIDDEN");
    }
    expect((await trpcError(anonymous.admin.routes.create({ ...base(), name }))).code).toBe("UNAUTHORIZED");
    expect(await routeRows(`name = $1`, [name])).toEqual([]);
  });
});
