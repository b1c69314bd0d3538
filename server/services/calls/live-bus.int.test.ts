import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { LiveUpdate } from "@/lib/schemas/calls";
import { withTenant } from "@/server/db";
import { ownerQuery, tenantId } from "@/server/testing/owner-db";
import {
  configureLiveBus,
  dropLiveBusConnectionForTests,
  liveBusStatus,
  liveStream,
  parseLiveEnvelope,
  stopLiveBus,
  subscribeLive,
  type LiveBusMessage,
  type LiveStreamMessage,
} from "./live-bus";
import { publishLive } from "./live-publish";

const presence = (extensionNumber: string): LiveUpdate => ({ type: "presence", extensionNumber, registered: true });

function collect(tenant: string) {
  const messages: LiveBusMessage[] = [];
  const unsubscribe = subscribeLive(tenant, (m) => messages.push(m));
  const has = (match: (m: LiveBusMessage) => boolean) => messages.some(match);
  return { messages, unsubscribe, has };
}

const isUpdate = (number: string) => (m: LiveBusMessage) =>
  m.kind === "updates" && m.updates.some((u) => u.type === "presence" && u.extensionNumber === number);

afterAll(() => stopLiveBus());

describe("parseLiveEnvelope", () => {
  it("accepts exactly a tenant uuid with known updates, and nothing else", () => {
    const id = randomUUID();
    expect(parseLiveEnvelope(JSON.stringify({ tenantId: id, updates: [presence("1001")] }))).toEqual({
      tenantId: id,
      updates: [presence("1001")],
    });
    for (const bad of [
      undefined,
      "",
      "not json",
      "null",
      JSON.stringify({ tenantId: "acme", updates: [presence("1")] }),
      JSON.stringify({ tenantId: id, updates: [] }),
      JSON.stringify({ tenantId: id, updates: [{ type: "secret" }] }),
      JSON.stringify({ tenantId: [id], updates: [presence("1")] }),
    ]) {
      expect(parseLiveEnvelope(bad)).toBeNull();
    }
  });
});

describe("live bus", () => {
  it("delivers a tenant's committed updates to its subscribers only, after a first resync", async () => {
    const acme = await tenantId("acme");
    const globex = await tenantId("globex");
    const a = collect(acme);
    const g = collect(globex);
    await expect.poll(() => a.messages[0]).toEqual({ kind: "resync", reason: "subscribed" });
    await withTenant(acme, (db) => publishLive(db, acme, [presence("7001")]));
    await withTenant(globex, (db) => publishLive(db, globex, [presence("7002")]));
    await expect.poll(() => a.has(isUpdate("7001")) && g.has(isUpdate("7002"))).toBe(true);
    expect(a.has(isUpdate("7002"))).toBe(false);
    expect(g.has(isUpdate("7001"))).toBe(false);
    a.unsubscribe();
    await withTenant(acme, (db) => publishLive(db, acme, [presence("7003")]));
    await withTenant(globex, (db) => publishLive(db, globex, [presence("7004")]));
    await expect.poll(() => g.has(isUpdate("7004"))).toBe(true);
    expect(a.has(isUpdate("7003"))).toBe(false);
    g.unsubscribe();
  });

  it("reconnects after the LISTEN connection drops, tells subscribers to resync, and delivers again", async () => {
    configureLiveBus({ backoff: { initialMs: 50, maxMs: 200 } });
    const acme = await tenantId("acme");
    const a = collect(acme);
    await expect.poll(() => liveBusStatus().listening).toBe(true);
    dropLiveBusConnectionForTests();
    expect(liveBusStatus().listening).toBe(false);
    await expect.poll(() => a.has((m) => m.kind === "resync" && m.reason === "reconnected"), { timeout: 5_000 }).toBe(true);
    await withTenant(acme, (db) => publishLive(db, acme, [presence("7101")]));
    await expect.poll(() => a.has(isUpdate("7101"))).toBe(true);
    a.unsubscribe();
  });

  it("a server-side kill of the LISTEN backend is noticed and healed", async () => {
    configureLiveBus({ backoff: { initialMs: 50, maxMs: 200 } });
    const acme = await tenantId("acme");
    const a = collect(acme);
    await expect.poll(() => liveBusStatus().listening).toBe(true);
    await ownerQuery(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`, [
      `linha-live-bus-${process.pid}`,
    ]);
    await expect.poll(() => a.has((m) => m.kind === "resync" && m.reason === "reconnected"), { timeout: 5_000 }).toBe(true);
    await withTenant(acme, (db) => publishLive(db, acme, [presence("7201")]));
    await expect.poll(() => a.has(isUpdate("7201"))).toBe(true);
    a.unsubscribe();
  });

  it("bounds a slow reader's queue: what it could not keep up with becomes one resync", async () => {
    const tenant = await tenantId("globex");
    const abort = new AbortController();
    const stream = liveStream(tenant, { signal: abort.signal, maxQueue: 4, heartbeatMs: 0 });
    const first = await stream.next();
    expect(first.value).toEqual({ kind: "resync", reason: "subscribed" });
    const before = liveBusStatus().received;
    for (let i = 0; i < 10; i++) await withTenant(tenant, (db) => publishLive(db, tenant, [presence(String(7300 + i))]));
    await expect.poll(() => liveBusStatus().received - before).toBeGreaterThanOrEqual(10);
    const read: LiveStreamMessage[] = [];
    setTimeout(() => abort.abort(), 100);
    for await (const message of stream) read.push(message);
    // 10 arrived while nobody read: at most 4 were held, the oldest replaced by a resync.
    expect(read.length).toBeLessThanOrEqual(4);
    expect(read[0]).toEqual({ kind: "resync", reason: "overflow" });
    expect(read.at(-1)).toMatchObject({ kind: "updates", updates: [presence("7309")] });
    expect(liveBusStatus().subscribers).toBe(0);
  });

  it("yields heartbeats on schedule even while idle, and ends when aborted", async () => {
    const tenant = randomUUID();
    const abort = new AbortController();
    const kinds: string[] = [];
    setTimeout(() => abort.abort(), 260);
    for await (const message of liveStream(tenant, { signal: abort.signal, heartbeatMs: 50 })) kinds.push(message.kind);
    expect(kinds.filter((k) => k === "heartbeat").length).toBeGreaterThanOrEqual(3);
  });
});
