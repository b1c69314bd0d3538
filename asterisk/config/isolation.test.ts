import { describe, expect, it } from "vitest";
import { applicationReferences, type Dialplan, lintPbxConfig, parseDialplan } from "./lint";
import { renderPbxConfig } from "./render-pbx-config";
import { goldenModel } from "./testdata/model";

// Must show 1b: acme and globex both have extension 1001. Walk the dialplan the way Asterisk can
// move a call (include =>, Goto to another context, Dial's pre-dial handler) and prove that nothing
// reachable from one tenant's contexts enters the other's or dials the other's endpoints.

type Reach = {
  contexts: Set<string>;
  endpoints: Set<string>;
  mailboxes: Set<string>;
  rooms: Set<string>;
  recordings: Set<string>;
  dynamic: string[];
};

function reachableFrom(dialplan: Dialplan, start: string): Reach {
  const reach: Reach = {
    contexts: new Set(),
    endpoints: new Set(),
    mailboxes: new Set(),
    rooms: new Set(),
    recordings: new Set(),
    dynamic: [],
  };
  const queue = [start];
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (reach.contexts.has(name)) continue;
    reach.contexts.add(name);
    const context = dialplan.get(name);
    if (!context) throw new Error(`the walk reached a missing context ${name}`);
    queue.push(...context.includes);
    for (const steps of context.extens.values()) {
      for (const step of steps) {
        const refs = applicationReferences(step.app);
        for (const target of refs.contexts) (target.includes("$") ? reach.dynamic : queue).push(target);
        for (const endpoint of refs.endpoints) reach.endpoints.add(endpoint);
        for (const box of refs.mailboxes) reach.mailboxes.add(box);
        for (const room of refs.rooms) reach.rooms.add(room);
        for (const file of refs.recordings) reach.recordings.add(file);
        for (const m of step.app.matchAll(/VoiceMailMain\([^@]*@([^,)]+)/g)) reach.mailboxes.add(`*@${m[1]}`);
      }
    }
  }
  return reach;
}

const rendered = renderPbxConfig(goldenModel());
const dialplan = parseDialplan(rendered);

describe("tenant isolation in the generated config", () => {
  it("gives the same extension number distinct endpoints and contexts", () => {
    const pjsip = rendered["pjsip_extensions.conf"];
    expect(pjsip).toMatch(/\[acme_1001\]\ntype=endpoint\ntenantid=acme\ncontext=t_acme_internal\n/);
    expect(pjsip).toMatch(/\[globex_1001\]\ntype=endpoint\ntenantid=globex\ncontext=t_globex_internal\n/);
    const dial = (context: string) =>
      dialplan
        .get(context)!
        .extens.get("1001")!
        .find((s) => s.app.startsWith("Dial("))!.app;
    expect(dial("t_acme_internal")).toBe("Dial(PJSIP/acme_1001,30)");
    expect(dial("t_globex_internal")).toBe("Dial(PJSIP/globex_1001,30)");
  });

  const pairs = [
    ["acme", "globex"],
    ["globex", "acme"],
  ] as const;

  it.each(pairs)("nothing reachable from %s's contexts belongs to %s", (self, other) => {
    const starts = [...dialplan.keys()].filter((c) => c.startsWith(`t_${self}_`));
    expect(starts).toContain(`t_${self}_internal`);
    expect(starts).toContain(`t_${self}_inbound`);
    for (const start of starts) {
      const reach = reachableFrom(dialplan, start);
      expect(reach.dynamic, start).toEqual([]);
      for (const context of reach.contexts) {
        expect(context.startsWith(`t_${other}_`), `${start} reaches ${context}`).toBe(false);
        // Only the tenant's own contexts and the shared, tenant-free helpers are reachable.
        expect(context.startsWith(`t_${self}_`) || context.startsWith("linha_"), `${start} reaches ${context}`).toBe(true);
      }
      for (const endpoint of reach.endpoints) {
        expect(endpoint.startsWith(`${self}_`) || endpoint.startsWith("gw_"), `${start} dials ${endpoint}`).toBe(true);
      }
      for (const box of reach.mailboxes) expect(box.endsWith(`@t_${self}`), `${start} opens ${box}`).toBe(true);
      for (const room of reach.rooms) expect(room.startsWith(`${self}_conf_`), `${start} joins ${room}`).toBe(true);
      for (const file of reach.recordings) expect(file.startsWith(`${self}/`), `${start} records into ${file}`).toBe(true);
    }
  });

  it("each active tenant has its own conference context and room; only recording tenants record", () => {
    expect(
      dialplan
        .get("t_acme_conf")!
        .extens.get("_XXXXXX")!
        .map((s) => s.app),
    ).toEqual(["Set(CHANNEL(tenantid)=acme)", "Answer()", "ConfBridge(acme_conf_${EXTEN})", "Hangup()"]);
    expect(reachableFrom(dialplan, "t_globex_conf").rooms).toEqual(new Set(["globex_conf_${EXTEN}"]));
    expect(dialplan.has("t_initech_conf")).toBe(false);
    // acme's plan records (internal, outbound and inbound flows), globex's does not.
    for (const start of ["t_acme_internal", "t_acme_inbound", "t_acme_trunk_matriz"]) {
      expect(reachableFrom(dialplan, start).recordings, start).toEqual(new Set(["acme/"]));
    }
    for (const start of ["t_globex_internal", "t_globex_inbound", "t_globex_conf"])
      expect(reachableFrom(dialplan, start).recordings.size, start).toBe(0);
    // Once per call: every MixMonitor is guarded and sets the inherited guard right after.
    for (const [, context] of dialplan) {
      for (const steps of context.extens.values()) {
        steps.forEach((step, index) => {
          if (!step.app.includes("MixMonitor(")) return;
          expect(step.app).toMatch(/^ExecIf\(\$\["\$\{LINHA_REC\}" = ""\]\?MixMonitor\([a-z0-9-]+\/\$\{CHANNEL\(linkedid\)\}\.wav,b\)\)$/);
          expect(steps[index + 1]!.app).toBe("Set(__LINHA_REC=1)");
        });
      }
    }
  });

  it("a planted cross-tenant conference room or recording path is seen by the walk and by the lint", () => {
    const leaky = {
      ...rendered,
      "extensions_tenants.conf": rendered["extensions_tenants.conf"]
        .replace("ConfBridge(acme_conf_${EXTEN})", "ConfBridge(globex_conf_${EXTEN})")
        .replace(
          'exten => 1002,1,ExecIf($["${LINHA_REC}" = ""]?MixMonitor(acme/',
          'exten => 1002,1,ExecIf($["${LINHA_REC}" = ""]?MixMonitor(globex/',
        ),
    };
    expect(leaky["extensions_tenants.conf"]).not.toBe(rendered["extensions_tenants.conf"]);
    const reach = reachableFrom(parseDialplan(leaky), "t_acme_conf");
    expect(reach.rooms).toContain("globex_conf_${EXTEN}");
    expect(reachableFrom(parseDialplan(leaky), "t_acme_internal").recordings).toContain("globex/");
    const problems = lintPbxConfig(leaky);
    expect(problems.some((p) => p.includes("conference room globex_conf_"))).toBe(true);
    expect(problems.some((p) => p.includes("records into globex/"))).toBe(true);
  });

  it("the internal context really dials its own 1001 and reaches the carriers (the walk is not vacuous)", () => {
    const reach = reachableFrom(dialplan, "t_acme_internal");
    expect(reach.endpoints).toContain("acme_1001");
    expect(reach.endpoints).toContain("gw_carrier-a");
    expect(reach.contexts).toContain("linha_outbound_leg");
    expect(reach.contexts).toContain("linha_no_route");
  });

  it("the walk does see a leak when one is planted (the test can fail)", () => {
    const leaky = parseDialplan({
      ...rendered,
      "extensions_tenants.conf": rendered["extensions_tenants.conf"].replace(
        " same => n,Dial(PJSIP/acme_1002,30)",
        " same => n,Goto(t_globex_internal,1001,1)",
      ),
    });
    const reach = reachableFrom(leaky, "t_acme_internal");
    expect(reach.contexts).toContain("t_globex_internal");
    expect(reach.endpoints).toContain("globex_1001");
  });

  it("the shared contexts name no tenant", () => {
    for (const [name, context] of dialplan) {
      if (!name.startsWith("linha_") || name === "linha_from_gateways") continue;
      const text = [...context.includes, ...[...context.extens.values()].flat().map((s) => s.app)].join("\n");
      expect(text, name).not.toMatch(/\b(acme|globex|initech)\b|t_[a-z]/);
    }
  });

  it("routes each DID from the carriers only into its owner's inbound context", () => {
    const owners: Record<string, string> = {};
    for (const tenant of goldenModel().tenants)
      for (const did of tenant.dids) owners[did.number.slice(1)] = tenant.suspended ? "" : tenant.code;
    const entry = dialplan.get("linha_from_gateways")!;
    for (const [exten, steps] of entry.extens) {
      if (exten.startsWith("_")) {
        expect(steps.map((s) => s.app)).toEqual(["Hangup(1)"]);
        continue;
      }
      const digits = exten.replace(/^\+/, "");
      const owner = owners[digits];
      expect(owner, exten).toBeDefined();
      const targets = steps.flatMap((s) => applicationReferences(s.app).contexts);
      expect(targets, exten).toEqual([owner ? `t_${owner}_inbound` : "linha_unavailable"]);
      if (owner) expect(dialplan.get(`t_${owner}_inbound`)!.extens.get(digits)![0]!.app).toBe(`Set(CHANNEL(tenantid)=${owner})`);
    }
  });

  it("a customer trunk's calls can only go out through its own tenant's routes", () => {
    const reach = reachableFrom(dialplan, "t_acme_trunk_matriz");
    expect([...reach.contexts].filter((c) => c.startsWith("t_"))).toEqual(
      expect.arrayContaining(["t_acme_trunk_matriz", "t_acme_outbound", "t_acme_route_acme-movel-sp"]),
    );
    expect(reach.contexts.has("t_acme_internal")).toBe(false);
    expect([...reach.endpoints].every((e) => e.startsWith("gw_"))).toBe(true);
  });
});
