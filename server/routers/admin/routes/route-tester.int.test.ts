import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { renderExtensionsRoutes, type GatewayModel, type PbxConfigModel, type RouteModel } from "@/asterisk/config";
import { RouteCreateInput, type RouteOutput } from "@/lib/schemas/outbound-route";
import { containsHostileFragment, hostileStrings } from "@/lib/telephony/hostile-strings";
import { parseDialPattern } from "@/lib/telephony/dial-pattern";
import { ownerQuery } from "@/server/testing/owner-db";
import { rootCaller, trpcError, unique, type Caller } from "@/server/routers/admin/inventory/inventory-test-kit";
import { routeGateways, routeTenant, starPrefix, type TestGateway } from "./route-test-kit";

describe("admin.routes.test (the route tester)", () => {
  let root: Caller;
  let gw: TestGateway[];
  let star: string;
  const used = new Set<string>();
  beforeAll(async () => {
    root = await rootCaller();
    gw = await routeGateways(root, ["1234#", null, "77"]);
  });
  // Each test dials numbers of its own, so one test's routes never match another's numbers.
  beforeEach(() => {
    do star = starPrefix();
    while (used.has(star));
    used.add(star);
  });

  it("answers with the operator's first matching route by priority, its gateways and dial strings, and the routes that lost", async () => {
    const specific = await root.admin.routes.create({
      name: unique("specific"),
      pattern: `_${star}1XXX`,
      priority: 10,
      gatewayIds: [gw[1]!.id, gw[0]!.id],
    });
    const broad = await root.admin.routes.create({ name: unique("broad"), pattern: `_${star}XXXX`, priority: 20, gatewayIds: [gw[2]!.id] });

    const result = await root.admin.routes.test({ number: `${star}1555` });
    expect(result.tenant).toBeNull();
    expect(result.selected).toMatchObject({
      route: { id: specific.id, scope: "operator" },
      dialled: `${star}1555`,
      gateways: [
        { id: gw[1]!.id, position: 0, dialString: `PJSIP/${star}1555@gw_${gw[1]!.name}` },
        { id: gw[0]!.id, position: 1, dialString: `PJSIP/1234#${star}1555@gw_${gw[0]!.name}` },
      ],
    });
    expect(result.others).toEqual([expect.objectContaining({ id: broad.id, reason: "lower_priority" })]);

    // Separators people type are dropped; a number only the broad route matches goes there.
    const other = await root.admin.routes.test({ number: ` ${star} (2) 55-5 ` });
    expect(other.number).toBe(`${star}2555`);
    expect(other.selected?.route.id).toBe(broad.id);
    expect(other.selected?.gateways.map((g) => g.dialString)).toEqual([`PJSIP/77${star}2555@gw_${gw[2]!.name}`]);
    expect(other.others).toEqual([]);
  });

  it("tries the tenant's overrides first, skips disabled routes and overrides of a plan without the feature", async () => {
    const tenant = await routeTenant(true);
    const operator = await root.admin.routes.create({ name: unique("op"), pattern: `_${star}3XXX`, priority: 1, gatewayIds: [gw[0]!.id] });
    const override = await root.admin.routes.create({
      name: unique("ovr"),
      tenantId: tenant.id,
      pattern: `_${star}3XX.`,
      priority: 500,
      stripDigits: 5,
      prepend: "0021",
      callerIdNumber: "+552130000000",
      gatewayIds: [gw[0]!.id, gw[2]!.id],
    });
    const number = `${star}3999`;

    const won = await root.admin.routes.test({ number, tenantId: tenant.id });
    expect(won.tenant).toMatchObject({ id: tenant.id, overridesAllowed: true });
    expect(won.selected).toMatchObject({
      route: { id: override.id, scope: "tenant" },
      dialled: "00213999",
      callerIdNumber: "+552130000000",
    });
    // Strip 5 removes the `*NNNN` prefix; then prepend, with each gateway's tech prefix in front.
    expect(won.selected?.gateways.map((g) => g.dialString)).toEqual([
      `PJSIP/1234#00213999@gw_${gw[0]!.name}`,
      `PJSIP/7700213999@gw_${gw[2]!.name}`,
    ]);
    expect(won.others).toEqual([expect.objectContaining({ id: operator.id, scope: "operator", reason: "lower_priority" })]);

    // Without a tenant, only the operator's routes count.
    expect((await root.admin.routes.test({ number })).selected?.route.id).toBe(operator.id);

    await root.admin.routes.setEnabled({ id: override.id, enabled: false });
    const disabled = await root.admin.routes.test({ number, tenantId: tenant.id });
    expect(disabled.selected?.route.id).toBe(operator.id);
    expect(disabled.others).toEqual([expect.objectContaining({ id: override.id, reason: "disabled" })]);

    await root.admin.routes.setEnabled({ id: override.id, enabled: true });
    await ownerQuery(`UPDATE "Plan" SET features = '{}' WHERE id = $1`, [tenant.planId]);
    const downgraded = await root.admin.routes.test({ number, tenantId: tenant.id });
    expect(downgraded.tenant?.overridesAllowed).toBe(false);
    expect(downgraded.selected?.route.id).toBe(operator.id);
    expect(downgraded.others).toEqual([expect.objectContaining({ id: override.id, reason: "plan_without_overrides" })]);
  });

  it('says "no route" clearly, and refuses a number that is not one', async () => {
    const none = await root.admin.routes.test({ number: `${star}0` });
    expect(none).toMatchObject({ selected: null, others: [] });
    for (const bad of ["", "abc", "55;11", "5511\n9", "+55+11", "55${EXTEN}"]) {
      expect((await trpcError(root.admin.routes.test({ number: bad }))).code, bad).toBe("BAD_REQUEST");
    }
  });

  it("agrees with the generated dialplan (extensions_routes.conf) for every sample number", async () => {
    const tenant = await routeTenant(true);
    const made: RouteOutput[] = [];
    const create = async (input: Parameters<Caller["admin"]["routes"]["create"]>[0]) => {
      made.push(await root.admin.routes.create(input));
    };
    // The tenant's overrides, as a Brazilian customer would have them, plus a disabled one.
    await create({
      name: "movel",
      tenantId: tenant.id,
      pattern: "_0XX9XXXXXXXX",
      priority: 10,
      stripDigits: 1,
      prepend: "55",
      gatewayIds: [gw[0]!.id, gw[1]!.id],
    });
    await create({
      name: "fixo",
      tenantId: tenant.id,
      pattern: "_0XX[2-5]XXXXXXX",
      priority: 20,
      stripDigits: 1,
      prepend: "55",
      gatewayIds: [gw[1]!.id],
    });
    await create({
      name: "e164",
      tenantId: tenant.id,
      pattern: "_+55X.",
      priority: 30,
      stripDigits: 1,
      gatewayIds: [gw[2]!.id, gw[0]!.id],
    });
    await create({ name: "intl", tenantId: tenant.id, pattern: "_00X.", priority: 40, stripDigits: 2, gatewayIds: [gw[0]!.id] });
    await create({
      name: "local",
      tenantId: tenant.id,
      pattern: "_[2-5]XXXXXXX",
      priority: 50,
      prepend: "5511",
      gatewayIds: [gw[1]!.id, gw[2]!.id],
    });
    await create({ name: "off", tenantId: tenant.id, pattern: "_0X.", priority: 5, enabled: false, gatewayIds: [gw[2]!.id] });
    // Operator routes with numbers of their own (other test files' operator routes cannot match them).
    await create({
      name: unique("op-a"),
      pattern: `_${star}XX`,
      priority: 10,
      stripDigits: 3,
      prepend: "#",
      gatewayIds: [gw[2]!.id, gw[1]!.id],
    });
    await create({ name: unique("op-b"), pattern: `_${star}X!`, priority: 20, gatewayIds: [gw[0]!.id] });

    const gateways: GatewayModel[] = [];
    for (const g of gw) {
      const full = await root.admin.inventory.gateways.get({ id: g.id });
      gateways.push({ ...full, authMode: "ip_match", username: null, secret: null });
    }
    // What the loader puts in the model: enabled routes only, gateways by name in failover order.
    const model = (route: RouteOutput): RouteModel => ({ ...route, gateways: route.gateways.map((g) => g.name) });
    const enabled = made.filter((r) => r.enabled);
    const config: PbxConfigModel = {
      node: { id: "node", name: "node" },
      gateways,
      routes: enabled.filter((r) => !r.tenant).map(model),
      tenants: [
        {
          id: tenant.id,
          code: tenant.slug,
          suspended: false,
          extensions: [],
          trunks: [],
          ringGroups: [],
          businessHours: [],
          dids: [],
          routes: enabled.filter((r) => r.tenant).map(model),
        },
      ],
    };
    const dialplan = parseDialplan(renderExtensionsRoutes(config));

    const samples = [
      "011987654321",
      "021998765432",
      "01130001234",
      "+5511987654321",
      "0014155550100",
      "30001234",
      `${star}12`,
      `${star}1`,
      `${star}123`,
      `${star}`,
    ];
    for (const number of samples) {
      const tested = await root.admin.routes.test({ number, tenantId: tenant.id });
      const walked = walk(dialplan, `t_${tenant.slug}_outbound`, number);
      // No extension anywhere (a `*` number passes even linha_no_route's `_X.`) is "no route" too.
      if (walked === null || walked.context === "linha_no_route") {
        expect(tested.selected, number).toBeNull();
      } else {
        const route = made.find((r) => r.id === tested.selected?.route.id);
        expect(walked.context, number).toBe(route?.tenant ? `t_${tenant.slug}_route_${route.name}` : `linha_route_${route?.name}`);
        expect(
          tested.selected!.gateways.map((g) => g.dialString),
          number,
        ).toEqual(walked.dials);
      }
    }
  });

  it("refuses hostile names, patterns, prepends and caller ids in the schema and in the router, writing nothing", async () => {
    const fields = {
      name: hostileStrings(600, 11, "brasil-movel"),
      pattern: hostileStrings(600, 12, "_0XX9XXXXXXXX"),
      prepend: hostileStrings(600, 13, "0021"),
      callerIdNumber: hostileStrings(600, 14, "+551130000000"),
    };
    const valid = { name: "ok", pattern: "_0XX.", gatewayIds: [gw[0]!.id], prepend: "0", callerIdNumber: "+551130000000" };
    for (const [field, values] of Object.entries(fields)) {
      for (const value of values) {
        const parsed = RouteCreateInput.safeParse({ ...valid, [field]: value });
        // A digit set like `[0]` is pattern syntax, not injection: accepted only when nothing else is hostile.
        const digitSetOnly = field === "pattern" && parseDialPattern(value).ok && !containsHostileFragment(value.replace(/[[\]]/g, ""));
        expect(parsed.success, `${field}: ${JSON.stringify(value)}`).toBe(digitSetOnly);
      }
    }
    const names: string[] = [];
    for (const [field, values] of Object.entries(fields)) {
      for (const value of values.slice(0, 100)) {
        if (field === "pattern" && parseDialPattern(value).ok) continue;
        const name = field === "name" ? value : unique("fuzz");
        names.push(name);
        const error = await trpcError(root.admin.routes.create({ ...valid, name, [field]: value }));
        expect(error.code).toBe("BAD_REQUEST");
      }
    }
    // PostgreSQL cannot even hold a NUL character: those could never have been written.
    const storable = names.filter((n) => !n.includes("\u0000"));
    expect(await ownerQuery(`SELECT id FROM "OutboundRoute" WHERE name = ANY($1)`, [storable])).toEqual([]);
    const [route] = await ownerQuery<{ id: string }>(`SELECT id FROM "OutboundRoute" LIMIT 1`);
    if (route) {
      const update = await trpcError(root.admin.routes.update({ id: route.id, data: { ...valid, pattern: "_0XX.\n[evil]" } }));
      expect(update.code).toBe("BAD_REQUEST");
    }
  });
});

// ---------------------------------------------------------------- a small dialplan walker, written
// independently of lib/telephony/dial-pattern so the comparison does not check the matcher against itself.

type Context = { includes: string[]; extens: { pattern: string; steps: string[] }[] };

function parseDialplan(text: string): Map<string, Context> {
  const contexts = new Map<string, Context>();
  let current: Context | null = null;
  for (const line of text.split("\n")) {
    const section = /^\[([^\]]+)\]$/.exec(line);
    if (section) {
      current = { includes: [], extens: [] };
      contexts.set(section[1]!, current);
      continue;
    }
    if (!current) continue;
    const include = /^include => (.+)$/.exec(line);
    const exten = /^exten => ([^,]+),1,(.+)$/.exec(line);
    const same = /^ same => n(?:\([^)]+\))?,(.+)$/.exec(line);
    if (include) current.includes.push(include[1]!);
    else if (exten) current.extens.push({ pattern: exten[1]!, steps: [exten[2]!] });
    else if (same) current.extens.at(-1)?.steps.push(same[1]!);
  }
  return contexts;
}

function asteriskRegex(pattern: string): RegExp {
  if (!pattern.startsWith("_")) return new RegExp(`^${pattern.replace(/[+*#]/g, "\\$&")}$`);
  let source = "";
  for (let i = 1; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "[") {
      const end = pattern.indexOf("]", i);
      source += pattern.slice(i, end + 1);
      i = end;
    } else source += { X: "[0-9]", Z: "[1-9]", N: "[2-9]", ".": ".+", "!": ".*" }[c] ?? c.replace(/[+*#]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

/** Where Asterisk lands from `context`: its own extensions, then its includes in order, depth first. */
function walk(contexts: Map<string, Context>, name: string, number: string): { context: string; dials: string[] } | null {
  const context = contexts.get(name);
  if (!context) throw new Error(`no context ${name}`);
  const exten = context.extens.find((e) => asteriskRegex(e.pattern).test(number));
  if (exten) {
    const dials = exten.steps
      .map((step) => /^Dial\((PJSIP\/[^,]+),/.exec(step)?.[1])
      .filter((d): d is string => Boolean(d))
      .map((d) => d.replace(/\$\{EXTEN(?::(\d+))?\}/, (_, strip?: string) => number.slice(Number(strip ?? 0))));
    return { context: name, dials };
  }
  for (const include of context.includes) {
    const found = walk(contexts, include, number);
    if (found) return found;
  }
  return null;
}
