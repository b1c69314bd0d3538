import PgBoss from "pg-boss";
import { platformDb } from "@/server/db";
import { logger } from "@/server/logger";
import { onNodeConnected } from "@/server/services/pbx/ami-connections";
import { pbxEnv } from "@/server/services/pbx/pbx-env";
import { runQueuedPbxSync } from "@/server/services/pbx/run-pbx-sync";
import { requestPbxSync } from "@/server/services/pbx/sync-requests";

// The config sync's queue on pg-boss: one queue per PBX node (`pbx-sync.<node id>`) with the
// "singleton" policy, so at most one job of a node is active at a time across every app instance
// (the advisory lock in run-pbx-sync backs that up for direct calls). A job carries only the node:
// it runs whatever PbxSync row is queued for it, so several wake-ups for one queued row run it once.
// pg-boss connects as the tables' owner (DATABASE_URL): it creates and migrates its own schema,
// which the app's role may not.

type QueueState = {
  boss: PgBoss;
  /** queue name → worker id (only for the nodes this process works). */
  workers: Map<string, string>;
  /** Only these nodes are worked here (tests); null = all. */
  onlyNodes: Set<string> | null;
  stopWatching: (() => void) | null;
};

// On globalThis: Next.js bundles instrumentation and route handlers separately, and both must see
// the one queue of the process.
const globalForQueue = globalThis as unknown as { linhaPbxQueue?: QueueState; linhaPbxQueueStarting?: Promise<QueueState | null> };

export const pbxSyncQueueName = (nodeId: string) => `pbx-sync.${nodeId}`;

const QUEUE_OPTIONS = { policy: "singleton", retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 15 * 60 } as const;

async function ensureNodeQueue(state: QueueState, nodeId: string): Promise<string | null> {
  const name = pbxSyncQueueName(nodeId);
  const existing = state.workers.get(name);
  if (existing) return existing;
  await state.boss.createQueue(name, { name, ...QUEUE_OPTIONS });
  if (state.onlyNodes && !state.onlyNodes.has(nodeId)) return null;
  const workerId = await state.boss.work<{ nodeId: string }>(name, { pollingIntervalSeconds: 2 }, async () => {
    // Throws only when the run could not start (database down): pg-boss retries with backoff and
    // the PbxSync row is still queued for the retry. Failures of the sync itself are recorded on the row.
    await runQueuedPbxSync(nodeId);
  });
  state.workers.set(name, workerId);
  return workerId;
}

export type StartPbxSyncOptions = {
  /** The owner's connection string (default DATABASE_URL). */
  connectionString?: string;
  /** Queue a startup sync of every node (default true). */
  syncAllNodes?: boolean;
  /** Work and sync only these nodes (tests: never touch other tests' nodes). */
  nodeIds?: readonly string[];
};

async function start(options: StartPbxSyncOptions): Promise<QueueState | null> {
  const connectionString = options.connectionString ?? pbxEnv().queueDatabaseUrl;
  if (!connectionString) {
    logger.error("PBX sync queue not started: DATABASE_URL (the tables' owner) is not set; syncs stay queued");
    return null;
  }
  const boss = new PgBoss({ connectionString, application_name: "linha-queue", max: 4, schedule: false });
  boss.on("error", (error) => logger.error({ err: error }, "pg-boss error"));
  await boss.start();
  const state: QueueState = { boss, workers: new Map(), onlyNodes: options.nodeIds ? new Set(options.nodeIds) : null, stopWatching: null };
  const nodes = await platformDb().pbxNode.findMany({
    where: options.nodeIds ? { id: { in: [...options.nodeIds] } } : {},
    select: { id: true },
    orderBy: { name: "asc" },
  });
  for (const node of nodes) await ensureNodeQueue(state, node.id);
  globalForQueue.linhaPbxQueue = state;
  // Files written while the PBX was down are loaded as soon as it is back.
  state.stopWatching = onNodeConnected((nodeId) => {
    if (state.onlyNodes && !state.onlyNodes.has(nodeId)) return;
    void requestPbxSync({ nodeId, trigger: "startup", reason: "pbx.connected" });
  });
  if (options.syncAllNodes !== false) {
    for (const node of nodes) await requestPbxSync({ nodeId: node.id, trigger: "startup", reason: "app.start" });
  }
  logger.info({ nodes: nodes.length }, "PBX sync queue started");
  return state;
}

/**
 * Starts pg-boss and a worker per PBX node, then queues a startup sync of every node. Idempotent
 * (one queue per process). Called from instrumentation.ts next to startPbxConnections().
 */
export async function startPbxSyncWorkers(options: StartPbxSyncOptions = {}): Promise<boolean> {
  if (globalForQueue.linhaPbxQueue) return true;
  globalForQueue.linhaPbxQueueStarting ??= start(options).catch((error: unknown) => {
    logger.error({ err: error }, "PBX sync queue could not start; syncs stay queued");
    return null;
  });
  const state = await globalForQueue.linhaPbxQueueStarting;
  globalForQueue.linhaPbxQueueStarting = undefined;
  return state !== null;
}

/** Wakes the node's queue in `delayMs` (0: now). Throws when the queue is not running (the caller logs). */
export async function enqueuePbxSync(nodeId: string, delayMs: number): Promise<void> {
  const state = globalForQueue.linhaPbxQueue;
  if (!state) throw new Error("the PBX sync queue is not running in this process");
  const workerId = await ensureNodeQueue(state, nodeId);
  const options = delayMs > 0 ? { startAfter: new Date(Date.now() + delayMs) } : {};
  await state.boss.send(pbxSyncQueueName(nodeId), { nodeId }, { ...options, retryLimit: 5, retryDelay: 5, retryBackoff: true });
  // pg-boss polls every 2 s; a forced sync should not wait for the next poll in this process.
  if (delayMs === 0 && workerId) state.boss.notifyWorker(workerId);
}

export async function stopPbxSyncWorkers(): Promise<void> {
  const state = globalForQueue.linhaPbxQueue;
  if (!state) return;
  globalForQueue.linhaPbxQueue = undefined;
  state.stopWatching?.();
  await state.boss.stop({ graceful: true, wait: true, timeout: 30_000 });
}
