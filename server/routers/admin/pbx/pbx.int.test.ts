import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAmiServer, type AmiTestServer } from "@/asterisk/testing/ami-server";
import { freePort } from "@/scripts/lib/free-port";
import { sealSecret } from "@/server/crypto/secret-box";
import { startPbxConnections, stopPbxConnections } from "@/server/services/pbx/ami-connections";
import { callerFor, anonymousCaller } from "@/server/testing/callers";
import { ownerQuery } from "@/server/testing/owner-db";
import { auditFor, rootCaller, trpcError, unique, type Caller } from "@/server/routers/admin/inventory/inventory-test-kit";

// The console's PBX pages over real TCP: one node with nothing listening on its AMI port (the
// "no reachable PBX" case of the issue), one on engineer A's AMI test server, one known only from
// the status the connector wrote to the database.

const AMI_SECRET = "pbx-console-test";
const nodeIds: string[] = [];

async function createNode(port: number, extra: { status?: string; amiError?: string } = {}): Promise<string> {
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "PbxNode" (id, name, "amiHost", "amiPort", "amiUser", "amiSecretEnc", "configDir", status, "amiError", "statusChangedAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, '127.0.0.1', $2, 'linha', $3, '/etc/asterisk/linha', $4, $5, now(), now()) RETURNING id`,
    [unique("pbx-console"), port, sealSecret(AMI_SECRET, process.env.APP_SECRET!), extra.status ?? "unknown", extra.amiError ?? null],
  );
  nodeIds.push(row!.id);
  return row!.id;
}

async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("admin.pbx", () => {
  let root: Caller;
  let asterisk: AmiTestServer;
  let deadPort: number;
  let dead: string, live: string, recorded: string;

  beforeAll(async () => {
    root = await rootCaller();
    asterisk = await startAmiServer({ users: [{ username: "linha", secret: AMI_SECRET }], failedLoginDelayMs: 50 });
    deadPort = await freePort();
    dead = await createNode(deadPort);
    live = await createNode(asterisk.port);
    recorded = await createNode(await freePort(), { status: "disconnected", amiError: "connect ETIMEDOUT 10.0.0.9:5038" });
    await startPbxConnections({ nodeIds: [dead, live], refreshIntervalMs: 60_000, client: { initialBackoffMs: 20, maxBackoffMs: 300 } });
  });

  afterAll(async () => {
    await stopPbxConnections();
    await ownerQuery(`DELETE FROM "PbxNode" WHERE id = ANY($1::uuid[])`, [nodeIds]);
    await asterisk?.close();
  });

  const listed = async (id: string) => (await root.admin.pbx.list()).find((n) => n.id === id);

  it("lists an unreachable node as disconnected with the reason, and its page still answers", async () => {
    const reason = `connect ECONNREFUSED 127.0.0.1:${deadPort}`;
    await until(async () => (await listed(dead))?.connection.reason === reason);
    expect(await listed(dead)).toMatchObject({
      amiHost: "127.0.0.1",
      amiPort: deadPort,
      tenantCount: 0,
      lastSync: null,
      connection: { state: "disconnected", reason, source: "live" },
    });
    const page = await root.admin.pbx.get({ id: dead });
    expect(page.connection).toMatchObject({ state: "disconnected", reason });
    expect(page.node.configDir).toBe("/etc/asterisk/linha");
    expect(page.node.writeDir).toContain(dead);
    expect(page.ami).toEqual({ host: "127.0.0.1", port: deadPort, user: "linha" });
    expect(page.lastSync).toBeNull();
    expect(JSON.stringify(page)).not.toContain(AMI_SECRET);
  });

  it("lists a node on the AMI test server as connected", async () => {
    await until(async () => (await listed(live))?.connection.state === "connected");
    expect((await root.admin.pbx.get({ id: live })).connection).toMatchObject({ state: "connected", reason: null, source: "live" });
  });

  it("falls back to the status the connector recorded when this process holds no connection", async () => {
    expect((await listed(recorded))?.connection).toMatchObject({
      state: "disconnected",
      reason: "connect ETIMEDOUT 10.0.0.9:5038",
      source: "database",
    });
  });

  it("forces a sync: a manual run queued with the admin's e-mail, audited, shown as the last sync", async () => {
    const { syncId } = await root.admin.pbx.sync({ id: dead });
    const [run] = await ownerQuery(`SELECT "pbxNodeId", trigger, reason FROM "PbxSync" WHERE id = $1`, [syncId]);
    expect(run).toEqual({ pbxNodeId: dead, trigger: "manual", reason: "root@linha.local" });
    expect((await auditFor(dead)).map((a) => a.action)).toContain("pbx_node.sync");
    expect((await listed(dead))?.lastSync?.id).toBe(syncId);
  });

  it("pages the sync history newest first by keyset", async () => {
    await ownerQuery(
      `INSERT INTO "PbxSync" (id, "pbxNodeId", status, trigger, reason, "queuedAt", "finishedAt", "changedFiles", output)
       SELECT gen_random_uuid(), $1, 'not_reloaded', 'auto', 'extension.create', now() - (n || ' minutes')::interval, now(),
              ARRAY['pjsip_extensions.conf'], 'AMI not connected: connect ECONNREFUSED'
       FROM generate_series(1, 25) AS n`,
      [recorded],
    );
    const first = await root.admin.pbx.syncs({ nodeId: recorded, limit: 10 });
    expect(first.items).toHaveLength(10);
    const second = await root.admin.pbx.syncs({ nodeId: recorded, limit: 10, cursor: first.nextCursor });
    const third = await root.admin.pbx.syncs({ nodeId: recorded, limit: 10, cursor: second.nextCursor });
    expect(third).toMatchObject({ nextCursor: null });
    const all = [...first.items, ...second.items, ...third.items];
    expect(all).toHaveLength(25);
    expect(new Set(all.map((r) => r.id)).size).toBe(25);
    const times = all.map((r) => r.queuedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // A cursor of another node's run is not this node's history.
    const foreign = await trpcError(root.admin.pbx.syncs({ nodeId: dead, cursor: first.items[0]!.id }));
    expect(foreign.code).toBe("NOT_FOUND");
  });

  it("answers NOT_FOUND for a node that does not exist", async () => {
    const missing = "0190a000-0000-7000-8000-000000000002";
    for (const call of [() => root.admin.pbx.get({ id: missing }), () => root.admin.pbx.sync({ id: missing })]) {
      expect((await trpcError(call())).code).toBe("NOT_FOUND");
    }
  });

  it("is for the operator only", async () => {
    const before = (await ownerQuery(`SELECT count(*)::int AS n FROM "PbxSync" WHERE "pbxNodeId" = $1`, [live]))[0]!.n;
    for (const caller of [
      await callerFor("ana@acme.test", "acme.localhost:3000"),
      await callerFor("ana@acme.test", "admin.localhost:3000", "tenant:acme"),
    ]) {
      expect((await trpcError(caller.admin.pbx.list())).code).toBe("FORBIDDEN");
      expect((await trpcError(caller.admin.pbx.get({ id: live }))).code).toBe("FORBIDDEN");
      expect((await trpcError(caller.admin.pbx.sync({ id: live }))).code).toBe("FORBIDDEN");
    }
    expect((await trpcError(anonymousCaller("admin.localhost:3000").admin.pbx.sync({ id: live }))).code).toBe("UNAUTHORIZED");
    expect((await ownerQuery(`SELECT count(*)::int AS n FROM "PbxSync" WHERE "pbxNodeId" = $1`, [live]))[0]!.n).toBe(before);
  });
});
