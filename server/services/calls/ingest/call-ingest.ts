import { CallTracker } from "@/asterisk/events/call-tracker";
import { withAdmin } from "@/server/db";
import { logger } from "@/server/logger";
import { onNodeConnected, onNodeEvent } from "@/server/services/pbx/ami-connections";
import { NodeCallIngest, type IngestTracker, type NodeIngestOptions, type NodeIngestStats } from "./node-call-ingest";
import { TenantDirectory } from "./tenant-directory";

// The call event ingest of this server process: one NodeCallIngest per PBX node, fed by the node's
// AMI connection (server/services/pbx/ami-connections). Every instance runs it; per node only the
// holder of that node's advisory lock writes. State on globalThis for the same reason as the AMI
// registry: Next.js dev reloads modules, and a second copy would ingest every event twice.

const log = logger.child({ module: "call-ingest" });

export type CallIngestOptions = {
  /** Only these nodes (tests, bench: never touch other tests' rows). Default: every PbxNode, re-read every refreshIntervalMs. */
  nodeIds?: readonly string[];
  refreshIntervalMs?: number;
  flushIntervalMs?: number;
  maxBatch?: number;
  lockRetryMs?: number;
  sweepIntervalMs?: number;
  /** The advisory lock's connection (default serverEnv().APP_DATABASE_URL). */
  lockConnectionString?: string;
  /** Tests: a tracker of their own making. */
  createTracker?: () => IngestTracker;
};

type IngestState = {
  started: boolean;
  nodes: Map<string, NodeCallIngest>;
  options: CallIngestOptions;
  unsubscribe: Array<() => void>;
  timer: ReturnType<typeof setInterval> | null;
};

const globalForIngest = globalThis as unknown as { linhaCallIngest?: IngestState };

function state(): IngestState {
  globalForIngest.linhaCallIngest ??= {
    started: false,
    nodes: new Map(),
    options: {},
    unsubscribe: [],
    timer: null,
  };
  return globalForIngest.linhaCallIngest;
}

/** Builds one node's ingest with the process defaults (exported for tests that run two "instances" of a node). */
export function createNodeIngest(nodeId: string, options: CallIngestOptions = {}): NodeCallIngest {
  const ingestOptions: NodeIngestOptions = {
    flushIntervalMs: options.flushIntervalMs ?? 50,
    maxBatch: options.maxBatch ?? 1000,
    lockRetryMs: options.lockRetryMs ?? 3_000,
    sweepIntervalMs: options.sweepIntervalMs ?? 30_000,
    lockConnectionString: options.lockConnectionString,
    createTracker: options.createTracker ?? (() => new CallTracker()),
    log,
  };
  return new NodeCallIngest(nodeId, new TenantDirectory(log), ingestOptions);
}

/** Starts ingesting (once per process); call after startPbxConnections. */
export async function startCallIngest(options: CallIngestOptions = {}): Promise<void> {
  const ingest = state();
  if (ingest.started) return;
  ingest.started = true;
  ingest.options = options;
  ingest.unsubscribe.push(
    onNodeEvent((nodeId, event) => ingest.nodes.get(nodeId)?.onEvent(event)),
    onNodeConnected((nodeId) => ingest.nodes.get(nodeId)?.onConnected()),
  );
  await refreshIngestNodes();
  if (!options.nodeIds) {
    ingest.timer = setInterval(() => {
      refreshIngestNodes().catch((error: unknown) => log.error({ err: error }, "refreshing the ingested PBX nodes failed"));
    }, options.refreshIntervalMs ?? 30_000);
    ingest.timer.unref?.();
  }
}

async function refreshIngestNodes(): Promise<void> {
  const ingest = state();
  const ids = ingest.options.nodeIds ?? (await withAdmin((db) => db.pbxNode.findMany({ select: { id: true } }))).map((node) => node.id);
  for (const nodeId of ids) {
    if (ingest.nodes.has(nodeId)) continue;
    const node = createNodeIngest(nodeId, ingest.options);
    ingest.nodes.set(nodeId, node);
    await node.start();
  }
  for (const [nodeId, node] of ingest.nodes) {
    if (ids.includes(nodeId)) continue;
    ingest.nodes.delete(nodeId);
    await node.stop();
  }
}

/** Writes what was queued, releases the locks and stops (tests, shutdown). */
export async function stopCallIngest(): Promise<void> {
  const ingest = state();
  if (ingest.timer) clearInterval(ingest.timer);
  ingest.timer = null;
  for (const unsubscribe of ingest.unsubscribe.splice(0)) unsubscribe();
  await Promise.all([...ingest.nodes.values()].map((node) => node.stop()));
  ingest.nodes.clear();
  ingest.started = false;
}

/** Resolves once every event received so far is written and published (tests, bench). */
export async function flushCallIngest(): Promise<void> {
  await Promise.all([...state().nodes.values()].map((node) => node.flush()));
}

/** Counters per node, for the bench and health pages. */
export function ingestStats(): NodeIngestStats[] {
  return [...state().nodes.values()].map((node) => node.snapshot());
}

/** Re-asks the PBX for live channels and phones, as after a reconnect (tests; an operator's "resync"). */
export async function reconcileCallIngest(nodeId: string): Promise<void> {
  await state().nodes.get(nodeId)?.reconcile();
}
