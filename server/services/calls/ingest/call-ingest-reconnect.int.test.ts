import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packetHeader } from "@/asterisk/testing/capture-rewrite";
import { startAmiServer, type AmiTestServer } from "@/asterisk/testing/ami-server";
import { assignPbxNode } from "@/server/services/extensions/telephony.fixture";
import { onNodeConnected, onNodeEvent, startPbxConnections, stopPbxConnections } from "@/server/services/pbx/ami-connections";
import { insertPlan, insertTenant } from "@/server/services/plans/throwaway-tenant.fixture";
import { ownerQuery } from "@/server/testing/owner-db";
import { createNodeIngest, flushCallIngest, ingestStats, startCallIngest, stopCallIngest } from "./call-ingest";
import { CALL_INGEST_LOCK_CLASS } from "./ingest-lock";
import {
  activitiesOf,
  callsOf,
  captureListItems,
  clickToCallRow,
  ingestTenant,
  LAB_NUMBERS,
  replayLab,
  token,
  until,
} from "./ingest.fixture";
import type { NodeCallIngest } from "./node-call-ingest";

// Losing the AMI connection mid-call (capture 16), calls that ended while nobody listened, and the
// advisory lock that lets only one app instance ingest a node.

let dir: string;
let server: AmiTestServer;
let lockServer: AmiTestServer;
let nodeId: string;
let lockNodeId: string;

const stats = () => ingestStats().find((s) => s.nodeId === nodeId)!;
const ingest = { eventsIn: () => stats().eventsIn, flush: flushCallIngest };

async function nodeFor(target: AmiTestServer): Promise<string> {
  const tenant = await insertTenant((await insertPlan()).id);
  return assignPbxNode(tenant.id, { host: target.host, port: target.port, secret: "ingest-secret" });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "linha-ingest-reconnect-"));
  const users = [{ username: "linha", secret: "ingest-secret" }];
  server = await startAmiServer({ users, capturesDir: dir });
  lockServer = await startAmiServer({ users, capturesDir: dir });
  nodeId = await nodeFor(server);
  lockNodeId = await nodeFor(lockServer);
  await startPbxConnections({ nodeIds: [nodeId, lockNodeId], client: { initialBackoffMs: 50, maxBackoffMs: 100, keepAliveMs: 0 } });
  // The process-wide ingest takes only the first node; the lock test runs two "instances" on the second.
  await startCallIngest({ nodeIds: [nodeId], lockRetryMs: 100 });
  await until(() => stats().reconciles >= 1, 10_000, "first reconcile");
});

afterAll(async () => {
  await stopCallIngest();
  await stopPbxConnections();
  await server?.close();
  await lockServer?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Drops the AMI connection and resolves once the ingest reconnected and reconciled. */
async function dropAndReconcile(): Promise<void> {
  const before = stats().reconciles;
  const csc = server.actions.filter((action) => action.action.toLowerCase() === "coreshowchannels").length;
  server.dropConnections();
  await until(() => stats().reconciles > before, 10_000, "reconcile after reconnect");
  expect(server.actions.filter((action) => action.action.toLowerCase() === "coreshowchannels").length).toBeGreaterThan(csc);
}

describe("AMI connection lost mid-call", () => {
  it("16: reconnects, rebuilds the call from CoreShowChannels, and ends it once: one row, right billsec, one activity", async () => {
    const tenant = await ingestTenant(nodeId);
    const row = await clickToCallRow(tenant, nodeId);
    const rewrite = {
      acme: tenant.slug,
      replace: [
        [token("c-123"), row.id],
        [token("c2c-0016"), row.actionId],
      ] as const,
    };
    await replayLab(server, dir, "16-ami-disconnect-midcall.conn1", rewrite, ingest);
    expect(await callsOf(tenant.id)).toEqual([expect.objectContaining({ id: row.id, state: "answered", linkedId: "1795220861.66" })]);

    // Asterisk still has the call's two channels when we come back (conn2's CoreShowChannels answer).
    server.setChannels(await captureListItems("16-ami-disconnect-midcall.conn2", "CoreShowChannel", rewrite));
    await dropAndReconcile();
    await flushCallIngest();
    expect(await callsOf(tenant.id)).toEqual([expect.objectContaining({ id: row.id, state: "answered", endedAt: null })]);

    // The rest of the call, as conn2 recorded it after its CoreShowChannels.
    await replayLab(server, dir, "16-ami-disconnect-midcall.conn2", rewrite, ingest);
    server.setChannels([]);
    const calls = await callsOf(tenant.id);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      id: row.id,
      linkedId: "1795220861.66",
      state: "ended",
      disposition: "answered",
      billsec: 14,
      leadId: tenant.leads[LAB_NUMBERS.lead],
    });
    const activities = await activitiesOf(tenant.id);
    expect(activities).toHaveLength(1);
    expect(activities[0]!.data).toMatchObject({ callId: row.id, durationSec: 14, outcome: "connected" });
  });

  it("16 across an app restart: a fresh tracker rebuilds the call from CoreShowChannels onto the same row", async () => {
    const tenant = await ingestTenant(nodeId);
    const row = await clickToCallRow(tenant, nodeId);
    const rewrite = {
      acme: tenant.slug,
      replace: [
        [token("c-123"), row.id],
        [token("c2c-0016"), row.actionId],
        ["1795220861.", "1795227861."],
      ] as const,
    };
    await replayLab(server, dir, "16-ami-disconnect-midcall.conn1", rewrite, ingest);
    server.setChannels(await captureListItems("16-ami-disconnect-midcall.conn2", "CoreShowChannel", rewrite));
    // The process goes away with the PBX connection (its lock with it) and a new one starts from nothing.
    await stopCallIngest();
    server.dropConnections();
    await startCallIngest({ nodeIds: [nodeId], lockRetryMs: 100 });
    await until(() => stats().reconciles >= 1, 10_000, "reconcile of the new instance");
    expect(await callsOf(tenant.id)).toEqual([expect.objectContaining({ id: row.id, state: "answered", endedAt: null })]);

    await replayLab(server, dir, "16-ami-disconnect-midcall.conn2", rewrite, ingest);
    server.setChannels([]);
    const calls = await callsOf(tenant.id);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ id: row.id, linkedId: "1795227861.66", state: "ended", disposition: "answered", billsec: 14 });
    expect(await activitiesOf(tenant.id)).toHaveLength(1);
  });

  it("calls that ended during the outage are ended by the reconcile, once; orphan click-to-call rows end as failed", async () => {
    const tenant = await ingestTenant(nodeId);
    const row = await clickToCallRow(tenant, nodeId);
    // Capture 02 cut after its second BridgeEnter: the call is up when the connection drops…
    let bridged = 0;
    await replayLab(
      server,
      dir,
      "02-c2c-answered",
      {
        acme: tenant.slug,
        replace: [
          [token("c-123"), row.id],
          [token("c2c-0002"), row.actionId],
          ["1795220605.", "1795228605."],
        ],
        transform: (packet) => {
          if (bridged >= 2) return null;
          if (packetHeader(packet, "Event") === "BridgeEnter") bridged++;
          return packet;
        },
      },
      ingest,
    );
    expect(await callsOf(tenant.id)).toEqual([expect.objectContaining({ id: row.id, state: "answered" })]);
    // …a row of a call this process never tracked (an earlier instance's), still open in the database…
    const [stranger] = await ownerQuery<{ id: string }>(
      `INSERT INTO "Call" (id, "tenantId", "pbxNodeId", "linkedId", direction, state, "fromNumber", "toNumber", "extensionNumber", "leadId",
         "startedAt", "answeredAt", "createdAt", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, '1795220000.1', 'inbound', 'answered', '5511988887777', '1002', '1002', $3,
         now() - interval '3 minutes', now() - interval '3 minutes', now() - interval '3 minutes', now()) RETURNING id`,
      [tenant.id, nodeId, tenant.leads[LAB_NUMBERS.inboundCaller]],
    );
    // …and a click-to-call whose Originate never produced a single event, two minutes ago.
    const orphan = await clickToCallRow(tenant, nodeId, { extension: "1002", createdAgoMs: 120_000 });

    // …and when we are back, Asterisk has no channels at all: everything ended meanwhile.
    server.setChannels([]);
    await dropAndReconcile();

    const calls = await callsOf(tenant.id);
    expect(calls).toHaveLength(3);
    const byId = new Map(calls.map((call) => [call.id, call]));
    expect(byId.get(row.id)).toMatchObject({ state: "ended", disposition: "answered" });
    expect(byId.get(stranger!.id)).toMatchObject({ state: "ended", disposition: "answered" });
    expect(byId.get(orphan.id)).toMatchObject({ state: "ended", disposition: "failed", linkedId: null });
    for (const call of calls) expect(call.endedAt).not.toBeNull();

    // One timeline entry per answered call with a lead; the orphan never reached the lead.
    const activities = await activitiesOf(tenant.id);
    expect(activities.map((a) => a.data.callId).sort()).toEqual([row.id, stranger!.id].sort());

    // A second reconcile changes nothing: no second activity, no row touched again.
    const before = stats().staleEnded;
    await dropAndReconcile();
    expect(stats().staleEnded).toBe(before);
    expect(await activitiesOf(tenant.id)).toHaveLength(2);
  });
});

describe("one ingest per node", () => {
  it("of two instances only the lock holder writes; when its lock connection dies it stops, and one instance takes over", async () => {
    const tenant = await ingestTenant(lockNodeId);
    const instances: NodeCallIngest[] = [
      createNodeIngest(lockNodeId, { lockRetryMs: 100 }),
      createNodeIngest(lockNodeId, { lockRetryMs: 100 }),
    ];
    const unsubscribe = instances.flatMap((instance) => [
      onNodeEvent((node, event) => node === lockNodeId && instance.onEvent(event)),
      onNodeConnected((node) => node === lockNodeId && instance.onConnected()),
    ]);
    try {
      await Promise.all(instances.map((instance) => instance.start()));
      await until(() => instances.some((instance) => instance.holdsLock()), 5_000, "a lock holder");
      // Give the other one several retries: it must keep failing to take the lock.
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(instances.filter((instance) => instance.holdsLock())).toHaveLength(1);
      const holder = instances.find((instance) => instance.holdsLock())!;
      const other = instances.find((instance) => instance !== holder)!;

      const both = {
        eventsIn: () => instances.reduce((sum, instance) => sum + instance.snapshot().eventsIn, 0),
        flush: async () => void (await Promise.all(instances.map((instance) => instance.flush()))),
      };
      const first = await clickToCallRow(tenant, lockNodeId);
      await replayLab(
        lockServer,
        dir,
        "02-c2c-answered",
        {
          acme: tenant.slug,
          replace: [
            [token("c-123"), first.id],
            [token("c2c-0002"), first.actionId],
          ],
        },
        both,
      );
      expect(other.snapshot().eventsIn).toBe(0);
      expect(await callsOf(tenant.id)).toEqual([expect.objectContaining({ id: first.id, state: "ended" })]);
      expect(await activitiesOf(tenant.id)).toHaveLength(1);

      // The holder's lock connection dies (as if its database session were killed).
      const [lock] = await ownerQuery<{ pid: number }>(
        `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = $1::int::oid
           AND objid = ((hashtext($2)::bigint + 4294967296) % 4294967296)::oid AND objsubid = 2`,
        [CALL_INGEST_LOCK_CLASS, lockNodeId],
      );
      expect(lock).toBeDefined();
      await ownerQuery(`SELECT pg_terminate_backend($1)`, [lock!.pid]);
      // Either instance may take it next (the old holder retries too), but only after the old session
      // is gone, and never both: a new session holds it and exactly one instance ingests.
      const [newLock] = await (async () => {
        let rows: Array<{ pid: number }> = [];
        await until(
          async () => {
            rows = await ownerQuery<{ pid: number }>(
              `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = $1::int::oid
               AND objid = ((hashtext($2)::bigint + 4294967296) % 4294967296)::oid AND objsubid = 2`,
              [CALL_INGEST_LOCK_CLASS, lockNodeId],
            );
            return rows.length === 1 && rows[0]!.pid !== lock!.pid && instances.filter((instance) => instance.holdsLock()).length === 1;
          },
          5_000,
          "the lock taken again by a new session",
        );
        return rows;
      })();
      expect(newLock!.pid).not.toBe(lock!.pid);
      expect(instances.reduce((sum, instance) => sum + instance.snapshot().lockAcquisitions, 0)).toBe(2);
      const current = instances.find((instance) => instance.holdsLock())!;
      const idle = instances.find((instance) => instance !== current)!;

      const second = await clickToCallRow(tenant, lockNodeId);
      const idleBefore = idle.snapshot().eventsIn;
      await replayLab(
        lockServer,
        dir,
        "04-c2c-carrier-busy",
        {
          acme: tenant.slug,
          replace: [
            [token("c-123"), second.id],
            [token("c2c-0004"), second.actionId],
          ],
        },
        both,
      );
      expect(idle.snapshot().eventsIn).toBe(idleBefore);
      const calls = await callsOf(tenant.id);
      expect(calls.map((call) => [call.id, call.state, call.disposition])).toEqual([
        [first.id, "ended", "answered"],
        [second.id, "ended", "busy"],
      ]);
      expect(await activitiesOf(tenant.id)).toHaveLength(2);
    } finally {
      for (const stop of unsubscribe) stop();
      await Promise.all(instances.map((instance) => instance.stop()));
    }
  });
});
