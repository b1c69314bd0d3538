import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AmiError } from "@/asterisk/ami/types";
import { startAmiServer, type AmiTestServer } from "@/asterisk/testing/ami-server";
import { sealSecret } from "@/server/crypto/secret-box";
import { ownerQuery } from "@/server/testing/owner-db";
import {
  allPbxHealth,
  onNodeConnected,
  pbxHealth,
  refreshPbxConnections,
  startPbxConnections,
  stopPbxConnections,
  withNodeAmi,
} from "./ami-connections";

// Real PbxNode rows (our own, uniquely named) and real TCP to the AMI test server.

type NodeRow = { status: string; amiError: string | null; statusChangedAt: Date | null };

const nodeIds: string[] = [];
let asterisk: AmiTestServer;
let silent: Server;
let silentPort: number;
let deadPort: number;
const connectedEvents: string[] = [];
let stopWatching: () => void;

async function createNode(port: number, options: { secret?: string; status?: string; register?: boolean } = {}): Promise<string> {
  const id = randomUUID();
  await ownerQuery(
    `INSERT INTO "PbxNode" (id, name, "amiHost", "amiPort", "amiUser", "amiSecretEnc", "configDir", status, "updatedAt")
     VALUES ($1, $2, '127.0.0.1', $3, 'admin', $4, '/tmp/none', $5::"PbxNodeStatus", now())`,
    [id, `ami-test-${id.slice(0, 8)}`, port, sealSecret(options.secret ?? "secret", process.env.APP_SECRET!), options.status ?? "unknown"],
  );
  if (options.register !== false) nodeIds.push(id);
  return id;
}

async function nodeRow(id: string): Promise<NodeRow> {
  const [row] = await ownerQuery<NodeRow>(`SELECT status, "amiError", "statusChangedAt" FROM "PbxNode" WHERE id = $1`, [id]);
  return row!;
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return typeof address === "object" && address ? address.port : 0;
}

let live: string, dead: string, badSecret: string, maintenance: string;

beforeAll(async () => {
  asterisk = await startAmiServer({ failedLoginDelayMs: 50 });
  // Accepts TCP and never says a word: a PBX that hangs.
  silent = createServer(() => undefined);
  silentPort = await listen(silent);
  const probe = createServer();
  deadPort = await listen(probe);
  await new Promise<void>((resolve) => probe.close(() => resolve()));

  live = await createNode(asterisk.port);
  dead = await createNode(deadPort);
  badSecret = await createNode(asterisk.port, { secret: "wrong" });
  maintenance = await createNode(deadPort, { status: "maintenance" });
  stopWatching = onNodeConnected((nodeId) => connectedEvents.push(nodeId));
  await startPbxConnections({ nodeIds, refreshIntervalMs: 60_000, client: { initialBackoffMs: 20, maxBackoffMs: 300 } });
});

afterAll(async () => {
  stopWatching?.();
  await stopPbxConnections();
  await ownerQuery(`DELETE FROM "PbxNode" WHERE id = ANY($1::uuid[])`, [nodeIds]);
  await asterisk?.close();
  silent?.close();
});

describe("PBX AMI connections", () => {
  it("marks a reachable node connected and tells onNodeConnected", async () => {
    await until(async () => (await nodeRow(live)).status === "connected");
    const row = await nodeRow(live);
    expect(row.amiError).toBeNull();
    expect(row.statusChangedAt).toBeInstanceOf(Date);
    expect(pbxHealth(live)).toMatchObject({ state: "connected", port: asterisk.port });
    expect(connectedEvents).toContain(live);
  });

  it("marks a node disconnected with the ECONNREFUSED reason when nothing listens", async () => {
    await until(async () => (await nodeRow(dead)).status === "disconnected");
    expect((await nodeRow(dead)).amiError).toBe(`connect ECONNREFUSED 127.0.0.1:${deadPort}`);
    expect(pbxHealth(dead)).toMatchObject({ state: "reconnecting", lastError: `connect ECONNREFUSED 127.0.0.1:${deadPort}` });
    expect(connectedEvents).not.toContain(dead);
  });

  it("marks a node with a wrong secret disconnected with Asterisk's reason", async () => {
    await until(async () => (await nodeRow(badSecret)).status === "disconnected");
    expect((await nodeRow(badSecret)).amiError).toBe("Authentication failed");
    expect(pbxHealth(badSecret)?.state).toBe("auth_failed");
  });

  it("never overwrites an operator's maintenance status", async () => {
    await until(() => pbxHealth(maintenance)?.state === "reconnecting");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await nodeRow(maintenance)).status).toBe("maintenance");
  });

  it("lists every node's health", () => {
    const listed = allPbxHealth().filter((node) => nodeIds.includes(node.nodeId));
    expect(listed.map((node) => node.nodeId).sort()).toEqual([...nodeIds].sort());
    expect(listed.find((node) => node.nodeId === live)?.name).toMatch(/^ami-test-/);
  });

  it("reconnects after Asterisk drops the connection and tells onNodeConnected again", async () => {
    await until(() => pbxHealth(live)?.state === "connected");
    const before = connectedEvents.filter((id) => id === live).length;
    asterisk.dropConnections();
    await until(() => connectedEvents.filter((id) => id === live).length === before + 1);
    expect(pbxHealth(live)?.state).toBe("connected");
  });

  it("withNodeAmi runs on the live connection when the node is connected", async () => {
    await until(() => pbxHealth(live)?.state === "connected");
    // (The wrong-secret node keeps trying its own logins meanwhile: count the good ones only.)
    const goodLogins = () =>
      asterisk.actions.filter((action) => action.action.toLowerCase() === "login" && action.fields.secret === "secret");
    const logins = goodLogins().length;
    const result = await withNodeAmi(live, (ami) => ami.command("dialplan reload"));
    expect(result).toEqual({ ok: true, output: ["Dialplan reloaded."] });
    expect(goodLogins()).toHaveLength(logins);
  });

  it("withNodeAmi rejects an unreachable node at once with not_connected and the reason", async () => {
    const started = Date.now();
    const error = await withNodeAmi(dead, async () => "never").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AmiError);
    expect(error).toMatchObject({ code: "not_connected", message: `connect ECONNREFUSED 127.0.0.1:${deadPort}` });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("withNodeAmi gives up on a PBX that never answers within the ~2 s bound", async () => {
    const hanging = await createNode(silentPort, { register: true });
    const started = Date.now();
    const error = await withNodeAmi(hanging, async () => "never").catch((caught: unknown) => caught);
    const elapsed = Date.now() - started;
    expect(error).toMatchObject({ code: "not_connected", message: expect.stringContaining("timed out after 2000 ms") });
    expect(elapsed).toBeGreaterThanOrEqual(1_900);
    expect(elapsed).toBeLessThan(3_000);
  });

  it("withNodeAmi opens a one-shot connection for a node this process does not hold, and logs it off", async () => {
    const other = await createNode(asterisk.port);
    expect(pbxHealth(other)).toBeNull();
    const output = await withNodeAmi(other, (ami) => ami.command("core show version"));
    expect(output.ok).toBe(true);
    const session = asterisk.actions.find((action) => action.fields.command === "core show version")!.session;
    await until(() => asterisk.actions.filter((action) => action.session === session).length === 3);
    expect(asterisk.actions.filter((action) => action.session === session).map((action) => action.action.toLowerCase())).toEqual([
      "login",
      "command",
      "logoff",
    ]);
    await expect(withNodeAmi(randomUUID(), async () => 1)).rejects.toMatchObject({ code: "not_connected", message: "PBX node not found" });
  });

  it("refresh connects new nodes, reconnects changed ones and closes removed ones", async () => {
    // Point the dead node at the live server: a changed port means a new connection.
    await ownerQuery(`UPDATE "PbxNode" SET "amiPort" = $2 WHERE id = $1`, [dead, asterisk.port]);
    await refreshPbxConnections();
    await until(async () => (await nodeRow(dead)).status === "connected");
    expect((await nodeRow(dead)).amiError).toBeNull();
    expect(connectedEvents).toContain(dead);

    await ownerQuery(`DELETE FROM "PbxNode" WHERE id = $1`, [badSecret]);
    await refreshPbxConnections();
    expect(pbxHealth(badSecret)).toBeNull();
  });
});
