import { beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/trpc/root";
import { anonymousCaller, callerFor } from "@/server/testing/callers";
import { ownerQuery } from "@/server/testing/owner-db";
import { insertFreeDids, rootCaller, throwawayTenant, trpcError, unique } from "./inventory-test-kit";

type AnyCaller = Record<string, unknown>;
const call = (caller: unknown, path: string, input: unknown) => {
  const fn = path.split(".").reduce<unknown>((node, key) => (node as AnyCaller)[key], caller);
  return (fn as (input: unknown) => Promise<unknown>)(input);
};

const PROCEDURES = Object.keys(appRouter._def.procedures).filter((path) => path.startsWith("admin.inventory."));

describe("admin.inventory access", () => {
  // Real, valid inputs: a refusal must come from who is asking, not from what was asked.
  const inputs: Record<string, unknown> = {};
  let secrets: string[];

  beforeAll(async () => {
    const root = await rootCaller();
    const provider = await root.admin.inventory.providers.create({ name: unique("Access provider") });
    const gateway = await root.admin.inventory.gateways.create({
      providerId: provider.id,
      name: unique("acc-gw"),
      host: "sip.access.example",
      codecs: ["alaw"],
      authMode: "credentials",
      username: "acc",
      password: "gw-Plain-Secret",
    });
    const pbx = await root.admin.inventory.pbxNodes.create({
      name: unique("acc-pbx"),
      amiHost: "pbx.access.example",
      amiUser: "linha",
      amiSecret: "ami-Plain-Secret",
      configDir: "/etc/asterisk",
    });
    const [free, allocated] = await insertFreeDids(provider.id, 2, gateway.id);
    const tenant = await throwawayTenant(5);
    await root.admin.inventory.dids.allocate({ id: allocated!.id, tenantId: tenant.id });
    const [sealed] = await ownerQuery<{ gw: string; ami: string }>(
      `SELECT (SELECT "secretEnc" FROM "Gateway" WHERE id = $1) AS gw, (SELECT "amiSecretEnc" FROM "PbxNode" WHERE id = $2) AS ami`,
      [gateway.id, pbx.id],
    );
    secrets = ["gw-Plain-Secret", "ami-Plain-Secret", sealed!.gw, sealed!.ami];

    const gatewayData = { providerId: provider.id, name: gateway.name, host: "h.example", codecs: ["alaw"] };
    const pbxData = { name: pbx.name, amiHost: "h.example", amiUser: "linha", configDir: "/etc/asterisk" };
    Object.assign(inputs, {
      "admin.inventory.providers.list": undefined,
      "admin.inventory.providers.get": { id: provider.id },
      "admin.inventory.providers.create": { name: unique("Hijack") },
      "admin.inventory.providers.update": { id: provider.id, data: { name: "Hijacked" } },
      "admin.inventory.providers.delete": { id: provider.id },
      "admin.inventory.gateways.list": {},
      "admin.inventory.gateways.get": { id: gateway.id },
      "admin.inventory.gateways.create": { ...gatewayData, name: unique("hijack") },
      "admin.inventory.gateways.update": { id: gateway.id, data: { ...gatewayData, host: "evil.example" } },
      "admin.inventory.gateways.delete": { id: gateway.id },
      "admin.inventory.pbxNodes.list": undefined,
      "admin.inventory.pbxNodes.get": { id: pbx.id },
      "admin.inventory.pbxNodes.create": { ...pbxData, name: unique("hijack"), amiSecret: "abcd1234" },
      "admin.inventory.pbxNodes.update": { id: pbx.id, data: { ...pbxData, amiHost: "evil.example" } },
      "admin.inventory.pbxNodes.setStatus": { id: pbx.id, status: "maintenance" },
      "admin.inventory.pbxNodes.delete": { id: pbx.id },
      "admin.inventory.dids.list": {},
      "admin.inventory.dids.get": { id: free!.id },
      "admin.inventory.dids.import": { csv: `number,provider,gateway,monthly_cost\n(11) 4999-0001,${provider.name},,1` },
      "admin.inventory.dids.update": { id: free!.id, data: { monthlyCost: "99", gatewayId: null } },
      "admin.inventory.dids.delete": { id: free!.id },
      "admin.inventory.dids.allocate": { id: free!.id, tenantId: tenant.id },
      "admin.inventory.dids.release": { id: allocated!.id },
      "admin.inventory.dids.returnToPool": { id: allocated!.id },
      "admin.inventory.dids.tenantOptions": {},
    });
  });

  it("has an input for every inventory procedure", () => {
    expect(PROCEDURES.sort()).toEqual(Object.keys(inputs).sort());
  });

  it("refuses acme's admin on her own host, her session replayed on the console host, and anonymous callers — and nothing changes", async () => {
    // Only this file's rows: other files write to the same tables meanwhile.
    const snapshot = () =>
      ownerQuery(
        `SELECT (SELECT row_to_json(p) FROM "Provider" p WHERE id = $1) AS provider,
                (SELECT row_to_json(g) FROM "Gateway" g WHERE id = $2) AS gateway,
                (SELECT row_to_json(n) FROM "PbxNode" n WHERE id = $3) AS pbx,
                (SELECT json_agg(d ORDER BY d.id) FROM "Did" d WHERE id = ANY($4::uuid[]) OR number = '+551149990001') AS dids,
                (SELECT count(*) FROM "Provider" WHERE name LIKE 'Hijack%') AS hijacked`,
        [
          (inputs["admin.inventory.providers.get"] as { id: string }).id,
          (inputs["admin.inventory.gateways.get"] as { id: string }).id,
          (inputs["admin.inventory.pbxNodes.get"] as { id: string }).id,
          [(inputs["admin.inventory.dids.get"] as { id: string }).id, (inputs["admin.inventory.dids.release"] as { id: string }).id],
        ],
      );
    const before = await snapshot();
    const callers: [string, unknown, string[]][] = [
      ["ana on acme", await callerFor("ana@acme.test", "acme.localhost:3000"), ["FORBIDDEN"]],
      ["ana's acme session on admin", await callerFor("ana@acme.test", "admin.localhost:3000", "tenant:acme"), ["FORBIDDEN"]],
      ["ana with a console-scoped session", await callerFor("ana@acme.test", "admin.localhost:3000"), ["FORBIDDEN"]],
      ["rui (rep) on acme", await callerFor("rui@acme.test", "acme.localhost:3000"), ["FORBIDDEN"]],
      ["anonymous", anonymousCaller("admin.localhost:3000"), ["UNAUTHORIZED"]],
    ];
    for (const [who, caller, codes] of callers) {
      for (const path of PROCEDURES) {
        const error = await trpcError(call(caller, path, inputs[path]));
        expect(codes, `${who} → ${path}`).toContain(error.code);
      }
    }
    expect(await snapshot()).toEqual(before);
    // Refusals write nothing either (other files may add entries meanwhile, but not with ana's name).
    const [mine] = await ownerQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM "AuditLog" WHERE "actorEmail" IN ('ana@acme.test', 'rui@acme.test') AND "objectType" IN ('provider','gateway','pbx_node','did')`,
    );
    expect(mine!.n).toBe(0);
  });

  it("never returns a secret, in clear or sealed, from any read", async () => {
    const root = await rootCaller();
    const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>;
    const reads = PROCEDURES.filter((path) => procedures[path]!._def.type === "query");
    expect(reads.length).toBeGreaterThanOrEqual(8);
    for (const path of reads) {
      const output = JSON.stringify(await call(root, path, inputs[path]));
      for (const secret of secrets) expect(output, path).not.toContain(secret);
      expect(output, path).not.toMatch(/secretEnc|amiSecret"|"password"/);
    }
  });
});
