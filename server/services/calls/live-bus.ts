import pg from "pg";
import { z } from "zod";
import { reconnectDelayMs } from "@/asterisk/ami/backoff";
import { serverEnv } from "@/lib/env";
import type { LiveUpdate } from "@/lib/schemas/calls";
import { logger } from "@/server/logger";
import { LIVE_CHANNEL } from "./live-publish";

// Every app instance LISTENs on one dedicated connection and fans the tenant's updates out to its
// own SSE subscribers. Whichever instance ingests a PBX node publishes with pg_notify in the same
// transaction as the rows (live-publish.ts), so every instance sees committed changes only, in
// commit order. The state lives on globalThis: Next.js dev reloads modules and bundles route
// handlers apart, and a module-level client would LISTEN once per copy.

const log = logger.child({ module: "live-bus" });

/** Why a subscriber should refetch the board: it may have missed updates (or has none yet). */
export type ResyncReason = "subscribed" | "reconnected" | "overflow";

export type LiveBusMessage = { kind: "updates"; updates: LiveUpdate[] } | { kind: "resync"; reason: ResyncReason };

type Listener = (message: LiveBusMessage) => void;

export type LiveBusOptions = {
  /** Overrides serverEnv().APP_DATABASE_URL (the benchmark points it at its own database). */
  connectionString?: string;
  backoff?: { initialMs: number; maxMs: number };
  /** A silent TCP drop is noticed by this query's failure (ms; 0 = never). */
  pingIntervalMs?: number;
};

type BusState = {
  options: LiveBusOptions;
  client: pg.Client | null;
  listening: boolean;
  /** Set once the first connection has listened: later ones are reconnects. */
  everListened: boolean;
  connecting: Promise<void> | null;
  failures: number;
  retryTimer: ReturnType<typeof setTimeout> | null;
  pingTimer: ReturnType<typeof setInterval> | null;
  stopped: boolean;
  subscribers: Map<string, Set<Listener>>;
  received: number;
};

const globalForBus = globalThis as unknown as { linhaLiveBus?: BusState };

function bus(): BusState {
  globalForBus.linhaLiveBus ??= {
    options: {},
    client: null,
    listening: false,
    everListened: false,
    connecting: null,
    failures: 0,
    retryTimer: null,
    pingTimer: null,
    stopped: false,
    subscribers: new Map(),
    received: 0,
  };
  return globalForBus.linhaLiveBus;
}

/** Settings for the bus before its first subscriber (the benchmark; tests of reconnects). */
export function configureLiveBus(options: LiveBusOptions): void {
  bus().options = options;
}

const UPDATE_TYPES = ["call", "presence", "conference", "incoming"] as const;

// The envelope is checked, not trusted: anything that is not exactly a tenant and its updates is
// dropped, so a malformed or foreign NOTIFY can never reach a subscriber of the wrong tenant.
const LiveEnvelopeSchema = z.object({
  tenantId: z.uuid(),
  updates: z.array(z.looseObject({ type: z.enum(UPDATE_TYPES) })).min(1),
});

/** Parses one NOTIFY payload; null when it is not a valid envelope. */
export function parseLiveEnvelope(payload: string | undefined): { tenantId: string; updates: LiveUpdate[] } | null {
  if (!payload) return null;
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return null;
  }
  const parsed = LiveEnvelopeSchema.safeParse(json);
  return parsed.success ? { tenantId: parsed.data.tenantId, updates: parsed.data.updates as unknown as LiveUpdate[] } : null;
}

function deliver(state: BusState, payload: string | undefined): void {
  const envelope = parseLiveEnvelope(payload);
  if (!envelope) {
    log.warn({ bytes: payload?.length ?? 0 }, "ignoring a malformed live envelope");
    return;
  }
  state.received += 1;
  const listeners = state.subscribers.get(envelope.tenantId);
  if (!listeners) return;
  for (const listener of [...listeners]) safeCall(listener, { kind: "updates", updates: envelope.updates });
}

function safeCall(listener: Listener, message: LiveBusMessage): void {
  try {
    listener(message);
  } catch (error) {
    log.error({ err: error }, "live subscriber failed");
  }
}

function broadcastResync(state: BusState, reason: ResyncReason): void {
  for (const listeners of state.subscribers.values()) for (const listener of [...listeners]) safeCall(listener, { kind: "resync", reason });
}

function ensureConnected(state: BusState): void {
  if (state.stopped) state.stopped = false;
  if (state.client || state.connecting || state.retryTimer) return;
  state.connecting = connect(state).finally(() => {
    state.connecting = null;
  });
}

async function connect(state: BusState): Promise<void> {
  const client = new pg.Client({
    connectionString: state.options.connectionString ?? serverEnv().APP_DATABASE_URL,
    keepAlive: true,
    application_name: `linha-live-bus-${process.pid}`,
  });
  client.on("notification", (message) => {
    if (message.channel === LIVE_CHANNEL) deliver(state, message.payload);
  });
  client.on("error", (error) => lost(state, client, error));
  client.on("end", () => lost(state, client, new Error("connection ended")));
  state.client = client;
  try {
    await client.connect();
    await client.query(`LISTEN ${LIVE_CHANNEL}`);
  } catch (error) {
    lost(state, client, error);
    return;
  }
  if (state.client !== client) return; // stopped (or lost) while connecting
  const reconnected = state.everListened;
  state.listening = true;
  state.everListened = true;
  state.failures = 0;
  startPing(state, client);
  if (reconnected) log.info("live bus listening again");
  // Whatever was published while nobody listened is gone: every subscriber refetches its snapshot.
  // A first LISTEN tells subscribers that waited for it that from now on nothing is missed.
  broadcastResync(state, reconnected ? "reconnected" : "subscribed");
}

function startPing(state: BusState, client: pg.Client): void {
  const interval = state.options.pingIntervalMs ?? 30_000;
  if (interval <= 0) return;
  state.pingTimer = setInterval(() => {
    client.query("SELECT 1").catch((error: unknown) => lost(state, client, error));
  }, interval);
  state.pingTimer.unref?.();
}

function lost(state: BusState, client: pg.Client, error: unknown): void {
  if (state.client !== client) return;
  state.client = null;
  state.listening = false;
  if (state.pingTimer) clearInterval(state.pingTimer);
  state.pingTimer = null;
  client.removeAllListeners("notification");
  client.on("error", () => undefined); // a late socket error must not crash the process
  void client.end().catch(() => undefined);
  if (state.stopped) return;
  const delay = reconnectDelayMs(state.failures, state.options.backoff ?? { initialMs: 250, maxMs: 10_000 });
  state.failures += 1;
  log.warn({ err: error instanceof Error ? error.message : String(error), retryInMs: delay }, "live bus connection lost");
  state.retryTimer = setTimeout(() => {
    state.retryTimer = null;
    if (!state.stopped && state.subscribers.size > 0) ensureConnected(state);
  }, delay);
  state.retryTimer.unref?.();
}

/**
 * Listens for one tenant's live updates in this process. The listener gets `resync` once the bus
 * is listening (immediately when it already is) and after every reconnect: it should then refetch
 * the board, since updates published meanwhile were not seen. Only envelopes whose tenantId is
 * exactly this tenant's are delivered.
 */
export function subscribeLive(tenantId: string, listener: Listener): () => void {
  const state = bus();
  let listeners = state.subscribers.get(tenantId);
  if (!listeners) state.subscribers.set(tenantId, (listeners = new Set()));
  listeners.add(listener);
  if (state.listening) queueMicrotask(() => listeners.has(listener) && safeCall(listener, { kind: "resync", reason: "subscribed" }));
  else ensureConnected(state);
  return () => {
    const current = state.subscribers.get(tenantId);
    if (!current) return;
    current.delete(listener);
    if (current.size === 0) state.subscribers.delete(tenantId);
  };
}

export type LiveStreamOptions = {
  signal?: AbortSignal;
  /** Messages held for a subscriber that reads slower than updates arrive (default 500). */
  maxQueue?: number;
  /** Yields `heartbeat` this often, busy or not (default 25 s; 0 = never). */
  heartbeatMs?: number;
};

export type LiveStreamMessage = LiveBusMessage | { kind: "heartbeat" };

/**
 * The tenant's bus messages as an async iterable for one subscriber, with a bounded queue: when a
 * slow reader falls `maxQueue` behind, what it has not read is dropped and replaced by a single
 * `resync` (refetch the board), so memory stays bounded whatever the client's speed.
 * Ends when the signal aborts.
 */
export async function* liveStream(
  tenantId: string,
  { signal, maxQueue = 500, heartbeatMs = 25_000 }: LiveStreamOptions = {},
): AsyncGenerator<LiveStreamMessage> {
  const queue: LiveBusMessage[] = [];
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  const unsubscribe = subscribeLive(tenantId, (message) => {
    if (queue.length >= maxQueue) {
      queue.length = 0;
      queue.push({ kind: "resync", reason: "overflow" });
    } else queue.push(message);
    notify();
  });
  signal?.addEventListener("abort", notify, { once: true });
  let nextHeartbeat = heartbeatMs > 0 ? Date.now() + heartbeatMs : Infinity;
  try {
    while (!signal?.aborted) {
      if (Date.now() >= nextHeartbeat) {
        nextHeartbeat = Date.now() + heartbeatMs;
        yield { kind: "heartbeat" };
        continue;
      }
      const next = queue.shift();
      if (next) {
        yield next;
        continue;
      }
      let timer: ReturnType<typeof setTimeout> | undefined;
      await new Promise<void>((resolve) => {
        wake = resolve;
        if (nextHeartbeat !== Infinity) timer = setTimeout(notify, Math.max(0, nextHeartbeat - Date.now()));
      });
      clearTimeout(timer);
    }
  } finally {
    unsubscribe();
    signal?.removeEventListener("abort", notify);
  }
}

/** What this process's bus is doing (health checks, tests, the benchmark). */
export function liveBusStatus(): { listening: boolean; subscribers: number; tenants: number; received: number } {
  const state = bus();
  let subscribers = 0;
  for (const listeners of state.subscribers.values()) subscribers += listeners.size;
  return { listening: state.listening, subscribers, tenants: state.subscribers.size, received: state.received };
}

/** Closes the LISTEN connection and stops reconnecting; subscribers stay and a later subscribe reconnects. */
export async function stopLiveBus(): Promise<void> {
  const state = bus();
  state.stopped = true;
  if (state.retryTimer) clearTimeout(state.retryTimer);
  state.retryTimer = null;
  await state.connecting?.catch(() => undefined);
  const client = state.client;
  if (client) lost(state, client, new Error("stopped"));
}

/** Drops the LISTEN connection as a network failure would (tests of the reconnect path). */
export function dropLiveBusConnectionForTests(): void {
  const state = bus();
  const client = state.client;
  if (client) lost(state, client, new Error("dropped by a test"));
}
