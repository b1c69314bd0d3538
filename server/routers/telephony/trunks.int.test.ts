import { randomInt, randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startAmiServer, type AmiTestServer } from "@/asterisk/testing/ami-server";
import { serverEnv } from "@/lib/env";
import type { TrunkCreateInput } from "@/lib/schemas/trunk";
import { hostileStrings } from "@/lib/telephony/hostile-strings";
import { openSecret } from "@/server/crypto/secret-box";
import {
  allocateDid,
  assignPbxNode,
  auditOf,
  failedFields,
  routeDid,
  telephonyTenant,
  trpcError,
  type TelephonyTenant,
} from "@/server/services/extensions/telephony.fixture";
import { callerFor } from "@/server/testing/callers";
import { ownerQuery } from "@/server/testing/owner-db";

type Row = {
  id: string;
  name: string;
  authMode: string;
  secretEnc: string | null;
  host: string | null;
  ipMatches: string[];
  operatorManaged: boolean;
};

async function trunkRows(tenantIdValue: string) {
  return ownerQuery<Row>(
    `SELECT id, name, "authMode", "secretEnc", host, "ipMatches", "operatorManaged" FROM "Trunk" WHERE "tenantId" = $1 ORDER BY name`,
    [tenantIdValue],
  );
}

const IP_TRUNK = {
  name: "matriz",
  authMode: "ip",
  ipMatches: ["203.0.113.10", "198.51.100.0/24"],
  host: "203.0.113.10",
  port: 5060,
  codecs: ["alaw", "ulaw"],
  channelLimit: 30,
  callerIdPolicy: "passthrough",
  enabled: true,
} satisfies TrunkCreateInput;
const { name: _name, ...IP_SETTINGS } = IP_TRUNK;

// No two trunks of any tenant may claim the same source address, and test files share one
// database: every test gets addresses of its own (a /32 in 10/8 and a /24 in 100.64/10).
let nextAddress = randomInt(0, 1 << 20);
function freshAddresses() {
  const n = nextAddress++;
  const ip = `10.${(n >> 12) & 255}.${(n >> 4) & 255}.${(n & 15) + 1}`;
  const block = `100.${64 + ((n >> 8) & 63)}.${n & 255}.0/24`;
  return { ipMatches: [ip, block], host: ip };
}
beforeEach(() => {
  Object.assign(IP_TRUNK, freshAddresses());
  Object.assign(IP_SETTINGS, { ipMatches: IP_TRUNK.ipMatches, host: IP_TRUNK.host });
});

/** An operator-managed trunk, written as the console would (the console's own tests cover admin.trunks). */
async function operatorTrunk(t: TelephonyTenant): Promise<string> {
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Trunk" (id, "tenantId", name, "authMode", "ipMatches", host, "operatorManaged", "updatedAt")
     VALUES (gen_random_uuid(), $1, 'clientes', 'ip', ARRAY['192.0.2.1'], '192.0.2.1', true, now()) RETURNING id`,
    [t.id],
  );
  return row!.id;
}

describe("telephony.trunks", () => {
  describe("create and list", () => {
    it("an IP trunk: no password, the PJSIP section named <slug>_trunk_<name>, audited", async () => {
      const t = await telephonyTenant();
      const created = await t.admin.caller.telephony.trunks.create({ ...IP_TRUNK, name: "Matriz" });
      expect(created.secret).toBeNull();
      expect(created.trunk).toMatchObject({
        name: "matriz",
        endpoint: `${t.slug}_trunk_matriz`,
        authMode: "ip",
        ipMatches: IP_TRUNK.ipMatches,
        host: IP_TRUNK.host,
        channelLimit: 30,
        operatorManaged: false,
      });
      expect((await trunkRows(t.id))[0]!.secretEnc).toBeNull();
      const [entry] = await auditOf("trunk", created.trunk.id);
      expect(entry).toMatchObject({ action: "trunk.create", tenantId: t.id, actorEmail: t.admin.email, after: { name: "matriz" } });
    });

    it("a registration trunk: a generated password returned once, sealed in the row, never listed or audited", async () => {
      const t = await telephonyTenant();
      const created = await t.admin.caller.telephony.trunks.create({ name: "filial", authMode: "registration", codecs: ["g722", "alaw"] });
      expect(created.secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(created.trunk).toMatchObject({ authMode: "registration", ipMatches: [], host: null, codecs: ["g722", "alaw"] });
      const [row] = await trunkRows(t.id);
      expect(openSecret(row!.secretEnc!, serverEnv().APP_SECRET)).toBe(created.secret);
      for (const reader of [t.admin.caller, t.manager.caller, t.support]) {
        const text = JSON.stringify(await reader.telephony.trunks.list());
        expect(text).not.toContain(created.secret!);
        expect(text).not.toContain(row!.secretEnc!);
      }
      expect(JSON.stringify(await auditOf("trunk", created.trunk.id))).not.toContain(created.secret!);
    });

    it("a duplicate name is a CONFLICT on the name field", async () => {
      const t = await telephonyTenant();
      await t.admin.caller.telephony.trunks.create(IP_TRUNK);
      const error = await trpcError(t.admin.caller.telephony.trunks.create({ ...IP_TRUNK, host: "pbx.example.com" }));
      expect(error.code).toBe("CONFLICT");
      expect(error.cause).toMatchObject({ details: { fieldErrors: { name: ["telephony.trunks.errors.name_taken?name=matriz"] } } });
      expect(await trunkRows(t.id)).toHaveLength(1);
    });

    it("an address another tenant's trunk or a carrier already uses is a CONFLICT that names no one", async () => {
      const t = await telephonyTenant();
      const other = await telephonyTenant();
      await other.admin.caller.telephony.trunks.create(IP_TRUNK);
      const inside = IP_TRUNK.ipMatches[1]!.replace(/0\/24$/, "77");
      const error = await trpcError(t.admin.caller.telephony.trunks.create({ ...IP_TRUNK, ipMatches: ["192.0.2.200", inside] }));
      expect(error.code).toBe("CONFLICT");
      expect(error.cause).toMatchObject({
        details: { fieldErrors: { "ipMatches.1": [`telephony.trunks.errors.ip_in_use?ip=${encodeURIComponent(inside)}`] } },
      });
      expect(await trunkRows(t.id)).toEqual([]);
      // The demo carrier vivo-sp1 answers from 200.185.0.10.
      const carrier = await trpcError(t.admin.caller.telephony.trunks.create({ ...IP_TRUNK, ipMatches: ["200.185.0.0/24"] }));
      expect(carrier.code).toBe("CONFLICT");
    });

    it.each([
      ["IP mode without addresses", { ipMatches: [] }, "ipMatches"],
      ["IP mode without a host", { host: "" }, "host"],
      ["a CIDR wider than /8", { ipMatches: ["10.0.0.0/4"] }, "ipMatches.0"],
      ["a hostname as a source address", { ipMatches: ["pbx.example.com"] }, "ipMatches.0"],
      ["an unknown codec", { codecs: ["speex"] }, "codecs.0"],
      ["no codec", { codecs: [] }, "codecs"],
      ["a channel limit of 0", { channelLimit: 0 }, "channelLimit"],
      ["a channel limit of 1001", { channelLimit: 1001 }, "channelLimit"],
      ["a fixed caller id without a number", { callerIdPolicy: "fixed" }, "callerIdNumber"],
      ["a name with an underscore", { name: "matriz_sp" }, "name"],
    ])("refuses %s and writes nothing", async (_label, change, field) => {
      const t = await telephonyTenant();
      const error = await trpcError(t.admin.caller.telephony.trunks.create({ ...IP_TRUNK, ...change } as TrunkCreateInput));
      expect(error.code).toBe("BAD_REQUEST");
      expect(failedFields(error)).toContain(field);
      expect(await trunkRows(t.id)).toEqual([]);
    });

    it("a fixed caller id must be one of the tenant's DIDs", async () => {
      const t = await telephonyTenant();
      const other = await telephonyTenant();
      const theirs = await allocateDid(other.id);
      const mine = await allocateDid(t.id);
      const error = await trpcError(
        t.admin.caller.telephony.trunks.create({ ...IP_TRUNK, callerIdPolicy: "fixed", callerIdNumber: theirs.number }),
      );
      expect(error.cause).toMatchObject({
        code: "INVALID_INPUT",
        details: { fieldErrors: { callerIdNumber: ["telephony.trunks.errors.caller_id_not_did"] } },
      });
      expect(await trunkRows(t.id)).toEqual([]);
      const created = await t.admin.caller.telephony.trunks.create({ ...IP_TRUNK, callerIdPolicy: "fixed", callerIdNumber: mine.number });
      expect(created.trunk).toMatchObject({ callerIdPolicy: "fixed", callerIdNumber: mine.number });
    });
  });

  describe("update and regenerateSecret", () => {
    it("switching to registration generates a password; back to IP drops it; the name never changes", async () => {
      const t = await telephonyTenant();
      const { trunk } = await t.admin.caller.telephony.trunks.create(IP_TRUNK);
      const toRegistration = await t.admin.caller.telephony.trunks.update({
        id: trunk.id,
        data: { ...IP_SETTINGS, authMode: "registration" },
      });
      expect(toRegistration.secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(toRegistration.trunk).toMatchObject({ authMode: "registration", ipMatches: [], host: null });
      expect(openSecret((await trunkRows(t.id))[0]!.secretEnc!, serverEnv().APP_SECRET)).toBe(toRegistration.secret);

      // Saving a registration trunk again keeps its password (no new one to show).
      const again = await t.admin.caller.telephony.trunks.update({ id: trunk.id, data: { authMode: "registration", channelLimit: 5 } });
      expect(again.secret).toBeNull();
      expect(openSecret((await trunkRows(t.id))[0]!.secretEnc!, serverEnv().APP_SECRET)).toBe(toRegistration.secret);

      const regenerated = await t.admin.caller.telephony.trunks.regenerateSecret({ id: trunk.id });
      expect(regenerated.secret).not.toBe(toRegistration.secret);
      expect(openSecret((await trunkRows(t.id))[0]!.secretEnc!, serverEnv().APP_SECRET)).toBe(regenerated.secret);

      const toIp = await t.admin.caller.telephony.trunks.update({ id: trunk.id, data: IP_SETTINGS });
      expect(toIp.secret).toBeNull();
      expect((await trunkRows(t.id))[0]).toMatchObject({ authMode: "ip", secretEnc: null, host: IP_TRUNK.host });
      const ipRegenerate = await trpcError(t.admin.caller.telephony.trunks.regenerateSecret({ id: trunk.id }));
      expect(ipRegenerate.message).toBe("telephony.trunks.errors.not_registration");

      const rename = await trpcError(
        t.admin.caller.telephony.trunks.update({ id: trunk.id, data: { ...IP_SETTINGS, name: "outro" } as never }),
      );
      expect(rename.code).toBe("BAD_REQUEST");
      expect((await trunkRows(t.id))[0]!.name).toBe("matriz");
      expect((await auditOf("trunk", trunk.id)).map((e) => e.action)).toEqual([
        "trunk.create",
        "trunk.update",
        "trunk.update",
        "trunk.regenerate_secret",
        "trunk.update",
      ]);
    });
  });

  describe("operator-managed trunks", () => {
    it("are listed for the tenant but every change is FORBIDDEN with a clear message, and nothing changes", async () => {
      const t = await telephonyTenant();
      const id = await operatorTrunk(t);
      const listed = await t.admin.caller.telephony.trunks.list();
      expect(listed).toEqual([expect.objectContaining({ id, name: "clientes", operatorManaged: true })]);
      const before = await trunkRows(t.id);
      for (const attempt of [
        () => t.admin.caller.telephony.trunks.update({ id, data: { ...IP_SETTINGS, channelLimit: 1 } }),
        () => t.admin.caller.telephony.trunks.delete({ id }),
        () => t.admin.caller.telephony.trunks.regenerateSecret({ id }),
      ]) {
        const error = await trpcError(attempt());
        expect(error.code).toBe("FORBIDDEN");
        expect(error.message).toBe("telephony.trunks.errors.operator_managed");
      }
      expect(await trunkRows(t.id)).toEqual(before);
    });
  });

  describe("roles and tenancy", () => {
    it("reps may do nothing; managers and support read; only a member admin changes", async () => {
      const t = await telephonyTenant();
      const { trunk } = await t.admin.caller.telephony.trunks.create(IP_TRUNK);
      expect((await trpcError(t.rep.caller.telephony.trunks.list())).code).toBe("FORBIDDEN");
      expect((await trpcError(t.rep.caller.telephony.trunks.test({ id: trunk.id }))).code).toBe("FORBIDDEN");
      for (const reader of [t.manager.caller, t.support])
        expect((await reader.telephony.trunks.list()).map((x) => x.id)).toEqual([trunk.id]);
      for (const denied of [t.rep.caller, t.manager.caller, t.support]) {
        expect((await trpcError(denied.telephony.trunks.create({ ...IP_TRUNK, name: "outro" }))).code).toBe("FORBIDDEN");
        expect((await trpcError(denied.telephony.trunks.update({ id: trunk.id, data: IP_SETTINGS }))).code).toBe("FORBIDDEN");
        expect((await trpcError(denied.telephony.trunks.delete({ id: trunk.id }))).code).toBe("FORBIDDEN");
        expect((await trpcError(denied.telephony.trunks.regenerateSecret({ id: trunk.id }))).code).toBe("FORBIDDEN");
      }
      expect((await trunkRows(t.id)).map((r) => r.name)).toEqual(["matriz"]);
    });

    it("another tenant's trunk is NOT_FOUND for every procedure, and is left alone", async () => {
      const mine = await telephonyTenant();
      const theirs = await telephonyTenant();
      const { trunk } = await theirs.admin.caller.telephony.trunks.create({ name: "deles", authMode: "registration" });
      const before = await trunkRows(theirs.id);
      for (const attempt of [
        () => mine.admin.caller.telephony.trunks.update({ id: trunk.id, data: IP_SETTINGS }),
        () => mine.admin.caller.telephony.trunks.delete({ id: trunk.id }),
        () => mine.admin.caller.telephony.trunks.regenerateSecret({ id: trunk.id }),
        () => mine.admin.caller.telephony.trunks.test({ id: trunk.id }),
        () => mine.admin.caller.telephony.trunks.delete({ id: randomUUID() }),
      ]) {
        expect((await trpcError(attempt())).code).toBe("NOT_FOUND");
      }
      expect(await mine.admin.caller.telephony.trunks.list()).toEqual([]);
      expect(await trunkRows(theirs.id)).toEqual(before);
      const ana = await callerFor("ana@acme.test", "acme.localhost:3000");
      expect((await trpcError(ana.telephony.trunks.delete({ id: trunk.id }))).code).toBe("NOT_FOUND");
    });
  });

  describe("delete", () => {
    it("is refused, naming the DID, while a DID rings the trunk; then deletes and audits", async () => {
      const t = await telephonyTenant();
      const did = await allocateDid(t.id);
      const { trunk } = await t.admin.caller.telephony.trunks.create(IP_TRUNK);
      await routeDid(t.id, did.id, { trunkId: trunk.id });
      const error = await trpcError(t.admin.caller.telephony.trunks.delete({ id: trunk.id }));
      expect(error.code).toBe("CONFLICT");
      expect(error.message).toBe(`telephony.trunks.errors.in_use_by_did?did=${encodeURIComponent(did.number)}`);
      expect(await trunkRows(t.id)).toHaveLength(1);
      await ownerQuery(`DELETE FROM "DidRoute" WHERE "didId" = $1`, [did.id]);
      expect(await t.admin.caller.telephony.trunks.delete({ id: trunk.id })).toEqual({ id: trunk.id });
      expect(await trunkRows(t.id)).toEqual([]);
      expect((await auditOf("trunk", trunk.id)).at(-1)).toMatchObject({ action: "trunk.delete", before: { name: "matriz" } });
    });
  });

  describe("test (qualify over AMI)", () => {
    let ami: AmiTestServer;
    beforeAll(async () => {
      ami = await startAmiServer({ users: [{ username: "linha", secret: "ami-test-secret" }] });
    });
    afterAll(async () => {
      await ami.close();
    });

    it("reports reachability and round-trip time from the PBX's PJSIPShowEndpoint after a PJSIPQualify", async () => {
      const t = await telephonyTenant();
      await assignPbxNode(t.id, { host: ami.host, port: ami.port, secret: "ami-test-secret" });
      const { trunk } = await t.admin.caller.telephony.trunks.create(IP_TRUNK);
      const endpoint = `${t.slug}_trunk_matriz`;
      ami.setEndpoints([
        { name: endpoint, auth: null, contacts: [{ uri: "sip:203.0.113.10:5060", status: "Reachable", roundtripUsec: 23456 }] },
      ]);
      const result = await t.manager.caller.telephony.trunks.test({ id: trunk.id });
      expect(result).toMatchObject({ reachable: true, status: "Reachable", rttMs: 23.5, contact: "sip:203.0.113.10:5060" });
      expect(result.checkedAt).toBeInstanceOf(Date);
      const qualify = ami.actions.find((a) => a.action.toLowerCase() === "pjsipqualify" && JSON.stringify(a.fields).includes(endpoint));
      expect(qualify).toBeDefined();

      ami.setEndpoints([{ name: endpoint, auth: null, contacts: [{ uri: "sip:203.0.113.10:5060", status: "Unreachable" }] }]);
      expect(await t.admin.caller.telephony.trunks.test({ id: trunk.id })).toMatchObject({
        reachable: false,
        status: "Unreachable",
        rttMs: null,
      });
    });

    it("says the PBX has not loaded the trunk when Asterisk does not know the endpoint", async () => {
      const t = await telephonyTenant();
      await assignPbxNode(t.id, { host: ami.host, port: ami.port, secret: "ami-test-secret" });
      const { trunk } = await t.admin.caller.telephony.trunks.create({ name: "novo", authMode: "registration" });
      const error = await trpcError(t.admin.caller.telephony.trunks.test({ id: trunk.id }));
      expect(error.message).toBe("telephony.trunks.errors.endpoint_not_loaded");
    });

    it("an unreachable PBX or a tenant without a node is a clear error, not a crash", async () => {
      const t = await telephonyTenant();
      const { trunk } = await t.admin.caller.telephony.trunks.create(IP_TRUNK);
      const noNode = await trpcError(t.admin.caller.telephony.trunks.test({ id: trunk.id }));
      expect(noNode.code).toBe("SERVICE_UNAVAILABLE");
      expect(noNode.message).toBe("telephony.trunks.errors.no_pbx_node");

      // A port nothing listens on: the AMI connection is refused.
      const closed = await startAmiServer();
      const port = closed.port;
      await closed.close();
      await assignPbxNode(t.id, { host: "127.0.0.1", port, secret: "whatever" });
      const down = await trpcError(t.admin.caller.telephony.trunks.test({ id: trunk.id }));
      expect(down.code).toBe("SERVICE_UNAVAILABLE");
      expect(down.message).toMatch(/^telephony\.trunks\.errors\.pbx_unreachable\?reason=.+/);
    });
  });

  describe("injection (save side)", () => {
    it("hundreds of hostile names, addresses, hosts, codecs and caller ids are refused by the router and nothing is written", async () => {
      const t = await telephonyTenant();
      const cases: [string, Record<string, unknown>][] = [
        ...hostileStrings(80, 21, "matriz").map((v): [string, Record<string, unknown>] => ["name", { name: v }]),
        ...hostileStrings(80, 22, "203.0.113.10").map((v): [string, Record<string, unknown>] => ["ipMatches.0", { ipMatches: [v] }]),
        ...hostileStrings(80, 23, "pbx.cliente.com.br").map((v): [string, Record<string, unknown>] => ["host", { host: v }]),
        ...hostileStrings(60, 24, "alaw").map((v): [string, Record<string, unknown>] => ["codecs.0", { codecs: [v] }]),
        ...hostileStrings(60, 25, "+551133334444").map((v): [string, Record<string, unknown>] => [
          "callerIdNumber",
          { callerIdPolicy: "fixed", callerIdNumber: v },
        ]),
      ];
      for (const [field, change] of cases) {
        const error = await trpcError(t.admin.caller.telephony.trunks.create({ ...IP_TRUNK, ...change } as TrunkCreateInput));
        expect(error.code, JSON.stringify(change)).toBe("BAD_REQUEST");
        expect(failedFields(error), JSON.stringify(change)).toContain(field);
      }
      expect(await trunkRows(t.id)).toEqual([]);
    });
  });
});
