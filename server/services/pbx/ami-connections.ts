import { createAmiClient, type AmiClientOptions, type AmiLogger } from "@/asterisk/ami/client";
import { AmiError, type AmiClient, type AmiEvent, type AmiHealth } from "@/asterisk/ami/types";
import { serverEnv } from "@/lib/env";
import { openSecret } from "@/server/crypto/secret-box";
import { withAdmin } from "@/server/db";
import { logger } from "@/server/logger";

// One AMI connection per PBX node for the whole server process. The registry lives on globalThis
// because Next.js dev reloads modules (and bundles route handlers and instrumentation apart): a
// module-level map would open a second connection per reload.

const log = logger.child({ module: "pbx-ami" });
const AMI_ERROR_MAX = 500;

type NodeRow = { id: string; name: string; amiHost: string; amiPort: number; amiUser: string; amiSecretEnc: string; status: string };

type NodeConnection = {
  nodeId: string;
  name: string;
  /** host|port|user|sealed secret: a change means reconnecting. */
  key: string;
  /** null when the node cannot be connected at all (no or unreadable secret). */
  client: AmiClient | null;
  health: AmiHealth;
  stopWatching: () => void;
  /** Status writes of this node, in order. */
  writes: Promise<void>;
  /** Last status/amiError written (or found), so unchanged health is not written again. */
  written: { status: "connected" | "disconnected"; amiError: string | null } | null;
};

export type PbxConnectionsOptions = {
  refreshIntervalMs?: number;
  /** Only these nodes (tests: never touch other tests' rows). */
  nodeIds?: readonly string[];
  client?: Omit<AmiClientOptions, "logger">;
};

type Registry = {
  started: boolean;
  options: PbxConnectionsOptions;
  nodes: Map<string, NodeConnection>;
  timer: ReturnType<typeof setInterval> | null;
  refreshing: Promise<void> | null;
  connectedListeners: Set<(nodeId: string) => void>;
  /** Every event of every node's connection (the call ingest); added after the first release, hence optional. */
  eventListeners?: Set<NodeEventListener>;
};

export type NodeEventListener = (nodeId: string, event: AmiEvent) => void;

const globalForAmi = globalThis as unknown as { linhaPbxConnections?: Registry };

function registry(): Registry {
  globalForAmi.linhaPbxConnections ??= {
    started: false,
    options: {},
    nodes: new Map(),
    timer: null,
    refreshing: null,
    connectedListeners: new Set(),
  };
  return globalForAmi.linhaPbxConnections;
}

export type NodeHealth = { nodeId: string; name: string; health: AmiHealth };

/** Opens a connection per PBX node and re-reads the nodes every refreshIntervalMs (default 30 s). Once per process. */
export async function startPbxConnections(options: PbxConnectionsOptions = {}): Promise<void> {
  const state = registry();
  if (state.started) return;
  state.started = true;
  state.options = options;
  await refreshPbxConnections().catch((error: unknown) => log.error({ err: error }, "reading PBX nodes failed"));
  state.timer = setInterval(() => {
    refreshPbxConnections().catch((error: unknown) => log.error({ err: error }, "refreshing PBX connections failed"));
  }, options.refreshIntervalMs ?? 30_000);
  state.timer.unref?.();
}

/** Re-reads PbxNode: new nodes connect, changed host/port/user/secret reconnect, removed ones close. */
export function refreshPbxConnections(): Promise<void> {
  const state = registry();
  // Overlapping refreshes (timer + console change) would open two clients for one new node.
  state.refreshing ??= refresh(state).finally(() => {
    state.refreshing = null;
  });
  return state.refreshing;
}

async function refresh(state: Registry): Promise<void> {
  const rows: NodeRow[] = await withAdmin((db) =>
    db.pbxNode.findMany({
      where: state.options.nodeIds ? { id: { in: [...state.options.nodeIds] } } : {},
      select: { id: true, name: true, amiHost: true, amiPort: true, amiUser: true, amiSecretEnc: true, status: true },
    }),
  );
  const seen = new Set<string>();
  for (const row of rows) {
    seen.add(row.id);
    const key = [row.amiHost, row.amiPort, row.amiUser, row.amiSecretEnc].join("|");
    const existing = state.nodes.get(row.id);
    if (existing && existing.key === key) {
      existing.name = row.name;
      // The operator ended maintenance (status back to unknown): say again what this process knows.
      if (row.status === "unknown") {
        existing.written = null;
        recordHealth(existing);
      }
      continue;
    }
    if (existing) {
      log.info({ node: row.name }, "PBX node AMI settings changed: reconnecting");
      await closeConnection(state, existing);
    }
    openConnection(state, row, key);
  }
  for (const connection of [...state.nodes.values()]) {
    if (!seen.has(connection.nodeId)) {
      log.info({ node: connection.name }, "PBX node removed: closing its AMI connection");
      await closeConnection(state, connection);
    }
  }
}

function openConnection(state: Registry, row: NodeRow, key: string): void {
  const target = { host: row.amiHost, port: row.amiPort };
  let secret: string | null = null;
  let problem: string | null = null;
  try {
    if (row.amiSecretEnc === "") problem = "no AMI secret stored for this node";
    else secret = openSecret(row.amiSecretEnc, serverEnv().APP_SECRET);
  } catch {
    problem = "the stored AMI secret cannot be decrypted (APP_SECRET changed?)";
  }
  const nodeLog = log.child({ node: row.name });
  const connection: NodeConnection = {
    nodeId: row.id,
    name: row.name,
    key,
    client: null,
    health: {
      state: "idle",
      ...target,
      since: new Date(),
      connectedAt: null,
      lastError: problem,
      attempts: 0,
      nextRetryAt: null,
    },
    stopWatching: () => undefined,
    writes: Promise.resolve(),
    written: null,
  };
  state.nodes.set(row.id, connection);
  if (secret === null) {
    nodeLog.warn({ reason: problem }, "PBX node cannot connect to AMI");
    recordStatus(connection, "disconnected", problem);
    return;
  }
  const client = createAmiClient({ ...target, username: row.amiUser, secret }, { ...state.options.client, logger: amiLogger(nodeLog) });
  connection.client = client;
  const stopHealth = client.onHealth((health) => onHealthChange(state, connection, health));
  const stopEvents = client.onEvent((event) => {
    for (const listener of eventListeners(state)) {
      try {
        listener(row.id, event);
      } catch (error) {
        log.error({ err: error, node: row.name }, "PBX event listener failed");
      }
    }
  });
  connection.stopWatching = () => {
    stopHealth();
    stopEvents();
  };
  client.connect().catch(() => undefined); // the outcome is in the health, and it keeps retrying
}

function onHealthChange(state: Registry, connection: NodeConnection, health: AmiHealth): void {
  const previous = connection.health.state;
  connection.health = health;
  if (health.state === "connected") {
    recordStatus(connection, "connected", null);
    if (previous !== "connected") {
      for (const listener of state.connectedListeners) {
        try {
          listener(connection.nodeId);
        } catch (error) {
          log.error({ err: error, node: connection.name }, "PBX connected listener failed");
        }
      }
    }
  } else recordHealth(connection);
}

function recordHealth(connection: NodeConnection): void {
  const { state, lastError } = connection.health;
  if (state === "connected") recordStatus(connection, "connected", null);
  else if (state === "reconnecting" || state === "auth_failed" || (state === "idle" && lastError)) {
    recordStatus(connection, "disconnected", lastError);
  }
  // connecting says nothing new yet; closed is this process letting go, not the PBX going down.
}

/** Writes PbxNode.status/statusChangedAt/amiError; an operator's `maintenance` is never overwritten. */
function recordStatus(connection: NodeConnection, status: "connected" | "disconnected", amiError: string | null): void {
  const bounded = amiError === null ? null : amiError.slice(0, AMI_ERROR_MAX);
  if (connection.written?.status === status && connection.written.amiError === bounded) return;
  connection.written = { status, amiError: bounded };
  const since = connection.health.since;
  connection.writes = connection.writes
    .then(() =>
      withAdmin(async (db) => {
        await db.pbxNode.updateMany({
          where: { id: connection.nodeId, status: { notIn: ["maintenance", status] } },
          data: { status, statusChangedAt: since, amiError: bounded },
        });
        await db.pbxNode.updateMany({ where: { id: connection.nodeId, status }, data: { amiError: bounded } });
      }),
    )
    .catch((error: unknown) => {
      connection.written = null;
      log.error({ err: error, node: connection.name }, "writing the PBX node status failed");
    });
}

async function closeConnection(state: Registry, connection: NodeConnection): Promise<void> {
  state.nodes.delete(connection.nodeId);
  connection.stopWatching();
  await connection.client?.close().catch(() => undefined);
  await connection.writes;
}

/** Closes every connection and stops refreshing (tests, shutdown). */
export async function stopPbxConnections(): Promise<void> {
  const state = registry();
  if (state.timer) clearInterval(state.timer);
  state.timer = null;
  state.started = false;
  await state.refreshing?.catch(() => undefined);
  await Promise.all([...state.nodes.values()].map((connection) => closeConnection(state, connection)));
}

/**
 * Runs fn with a logged-in AMI client of the node: the live connection when it is up, else a one-shot
 * connection bounded by connectTimeoutMs (closed afterwards). Throws AmiError("not_connected", reason).
 */
export async function withNodeAmi<T>(
  nodeId: string,
  fn: (ami: AmiClient) => Promise<T>,
  options: { connectTimeoutMs?: number } = {},
): Promise<T> {
  const live = registry().nodes.get(nodeId)?.client;
  if (live && live.health().state === "connected") return fn(live);

  const row = await withAdmin((db) =>
    db.pbxNode.findUnique({ where: { id: nodeId }, select: { amiHost: true, amiPort: true, amiUser: true, amiSecretEnc: true } }),
  );
  if (!row) throw new AmiError("not_connected", "PBX node not found");
  let secret: string;
  try {
    secret = openSecret(row.amiSecretEnc, serverEnv().APP_SECRET);
  } catch {
    throw new AmiError("not_connected", "the stored AMI secret cannot be decrypted");
  }
  const client = createAmiClient(
    { host: row.amiHost, port: row.amiPort, username: row.amiUser, secret },
    { reconnect: false, keepAliveMs: 0, connectTimeoutMs: options.connectTimeoutMs ?? 2_000, logger: amiLogger(log) },
  );
  try {
    await client.connect();
  } catch (error) {
    await client.close();
    throw new AmiError("not_connected", error instanceof Error ? error.message : String(error));
  }
  try {
    return await fn(client);
  } finally {
    await client.close();
  }
}

/** The node's connection health in this process, or null when this process holds no connection to it. */
export function pbxHealth(nodeId: string): AmiHealth | null {
  return registry().nodes.get(nodeId)?.health ?? null;
}

export function allPbxHealth(): NodeHealth[] {
  return [...registry().nodes.values()].map(({ nodeId, name, health }) => ({ nodeId, name, health }));
}

/** Called whenever a node's connection (re)connects, e.g. to reload files written while it was down. */
export function onNodeConnected(listener: (nodeId: string) => void): () => void {
  const { connectedListeners } = registry();
  connectedListeners.add(listener);
  return () => connectedListeners.delete(listener);
}

/** Every AMI event of every node this process is connected to, as the node's connection receives it. */
export function onNodeEvent(listener: NodeEventListener): () => void {
  const listeners = eventListeners(registry());
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The node's live, logged-in connection, or null (not connected now, or not held by this process). */
export function liveNodeClient(nodeId: string): AmiClient | null {
  const client = registry().nodes.get(nodeId)?.client ?? null;
  return client && client.health().state === "connected" ? client : null;
}

function eventListeners(state: Registry): Set<NodeEventListener> {
  state.eventListeners ??= new Set();
  return state.eventListeners;
}

function amiLogger(target: typeof log): AmiLogger {
  return {
    info: (message, data) => target.info(data ?? {}, message),
    warn: (message, data) => target.warn(data ?? {}, message),
    error: (message, data) => target.error(data ?? {}, message),
  };
}
