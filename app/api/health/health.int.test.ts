import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { startAmiServer } from "@/asterisk/testing/ami-server";
import { sealSecret } from "@/server/crypto/secret-box";
import { startPbxConnections, stopPbxConnections, pbxHealth } from "@/server/services/pbx/ami-connections";
import { ownerQuery } from "@/server/testing/owner-db";
import { GET } from "./route";

const createdNodes: string[] = [];
const cleanups: Array<() => Promise<void>> = [];

afterAll(async () => {
  await stopPbxConnections();
  await ownerQuery(`DELETE FROM "PbxNode" WHERE id = ANY($1::uuid[])`, [createdNodes]);
  for (const cleanup of cleanups) await cleanup();
});

async function createNode(port: number): Promise<{ id: string; name: string }> {
  const id = randomUUID();
  const name = `health-${id.slice(0, 8)}`;
  await ownerQuery(
    `INSERT INTO "PbxNode" (id, name, "amiHost", "amiPort", "amiUser", "amiSecretEnc", "configDir", "updatedAt")
     VALUES ($1, $2, '127.0.0.1', $3, 'admin', $4, '/tmp/none', now())`,
    [id, name, port, sealSecret("secret", process.env.APP_SECRET!)],
  );
  createdNodes.push(id);
  return { id, name };
}

async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("GET /api/health", () => {
  it("is 200 with the database up", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toMatchObject({
      status: "ok",
      checks: { database: { status: "up" }, pbx: { nodes: expect.any(Array) } },
    });
  });

  it("reports each PBX node's AMI state, and stays ready while a PBX is down", async () => {
    const asterisk = await startAmiServer();
    cleanups.push(() => asterisk.close());
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const address = probe.address();
    const deadPort = typeof address === "object" && address ? address.port : 0;
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    const up = await createNode(asterisk.port);
    const down = await createNode(deadPort);
    const elsewhere = await createNode(deadPort); // no connection in this process: its stored status is reported
    await startPbxConnections({ nodeIds: [up.id, down.id], client: { initialBackoffMs: 50, maxBackoffMs: 500 } });
    await until(() => pbxHealth(up.id)?.state === "connected" && pbxHealth(down.id)?.state === "reconnecting");

    const response = await GET();
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; checks: { pbx: { nodes: Array<Record<string, unknown>> } } };
    expect(body.status).toBe("ok");
    const byId = new Map(body.checks.pbx.nodes.map((node) => [node.id, node]));
    expect(byId.get(up.id)).toMatchObject({
      name: up.name,
      state: "connected",
      lastError: null,
      source: "connection",
      since: expect.any(String),
    });
    expect(byId.get(down.id)).toMatchObject({
      name: down.name,
      state: "reconnecting",
      lastError: `connect ECONNREFUSED 127.0.0.1:${deadPort}`,
      source: "connection",
    });
    expect(byId.get(elsewhere.id)).toMatchObject({
      name: elsewhere.name,
      state: "unknown",
      lastError: null,
      since: null,
      source: "database",
    });
  });

  it("is 503 naming the database when it cannot be reached", async () => {
    const saved = { url: process.env.APP_DATABASE_URL, client: (globalThis as { linhaDb?: unknown }).linhaDb };
    const { resetServerEnvForTests } = await import("@/lib/env");
    try {
      process.env.APP_DATABASE_URL = "postgresql://linha_app:x@127.0.0.1:1/none";
      resetServerEnvForTests();
      (globalThis as { linhaDb?: unknown }).linhaDb = undefined;
      const response = await GET();
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({
        status: "unavailable",
        checks: { database: { status: "down", error: expect.any(String) }, pbx: { nodes: expect.any(Array) } },
      });
    } finally {
      process.env.APP_DATABASE_URL = saved.url;
      resetServerEnvForTests();
      (globalThis as { linhaDb?: unknown }).linhaDb = saved.client;
    }
  });
});
