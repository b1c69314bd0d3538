import { amiField } from "@/asterisk/ami/fields";
import type { AmiEvent } from "@/asterisk/ami/types";
import { presenceOf, type CallTracker } from "@/asterisk/events/call-tracker";
import type { TrackerOutput } from "@/asterisk/events/types";
import { liveNodeClient } from "@/server/services/pbx/ami-connections";
import { withAdmin } from "@/server/db";
import { endStaleCalls } from "./end-stale-calls";
import { groupOutputs } from "./group-outputs";
import { IngestLock } from "./ingest-lock";
import { newIngestMemory, persistTenantBatch, type IngestMemory, type TenantBatch } from "./persist-tenant-batch";
import type { TenantDirectory } from "./tenant-directory";

/** What the ingest needs of the call tracker (asterisk/events/call-tracker.ts). */
export type IngestTracker = Pick<CallTracker, "ingest" | "reconcile">;

export type NodeIngestOptions = {
  flushIntervalMs: number;
  /** Flush at once when this many outputs are queued. */
  maxBatch: number;
  lockRetryMs: number;
  /** How often the lock holder ends orphan click-to-call rows. */
  sweepIntervalMs: number;
  lockConnectionString?: string;
  createTracker: () => IngestTracker;
  log: IngestLogger;
};

export type IngestLogger = {
  info(data: Record<string, unknown>, message: string): void;
  warn(data: Record<string, unknown>, message: string): void;
  error(data: Record<string, unknown>, message: string): void;
};

export type NodeIngestStats = {
  nodeId: string;
  holdsLock: boolean;
  /** Times this instance took the node's lock (again after losing it). */
  lockAcquisitions: number;
  eventsIn: number;
  outputs: number;
  flushes: number;
  rowsWritten: number;
  updatesPublished: number;
  lastFlushMs: number;
  maxFlushMs: number;
  /** Age of the oldest output not yet committed (ms; 0 when idle). */
  lagMs: number;
  queued: number;
  droppedUnattributed: number;
  droppedUnknownTenant: number;
  flushErrors: number;
  reconciles: number;
  staleEnded: number;
};

/**
 * One PBX node's ingest in this process: feeds the node's events to its CallTracker while (and only
 * while) this instance holds the node's advisory lock, queues what the tracker reports, and writes it
 * every flushIntervalMs (or maxBatch outputs) with one transaction per tenant. Flushes never overlap,
 * so a call's snapshots reach the database in the order the PBX sent its events.
 */
export class NodeCallIngest {
  private tracker: IngestTracker | null = null;
  private memory: IngestMemory = newIngestMemory();
  private queue: TrackerOutput[] = [];
  private oldestQueuedAt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private sweepTimer: ReturnType<typeof setInterval> | null = null;
  private chain: Promise<void> = Promise.resolve();
  private inFlightSince = 0;
  private readonly lock: IngestLock;
  private readonly stats: Omit<NodeIngestStats, "nodeId" | "holdsLock" | "lagMs" | "queued"> = {
    lockAcquisitions: 0,
    eventsIn: 0,
    outputs: 0,
    flushes: 0,
    rowsWritten: 0,
    updatesPublished: 0,
    lastFlushMs: 0,
    maxFlushMs: 0,
    droppedUnattributed: 0,
    droppedUnknownTenant: 0,
    flushErrors: 0,
    reconciles: 0,
    staleEnded: 0,
  };

  constructor(
    readonly nodeId: string,
    private readonly directory: TenantDirectory,
    private readonly options: NodeIngestOptions,
  ) {
    this.lock = new IngestLock(nodeId, {
      retryMs: options.lockRetryMs,
      connectionString: options.lockConnectionString,
      onAcquired: () => this.onAcquired(),
      onLost: (reason) => this.onLost(reason),
      onError: (error) => options.log.warn({ err: error, nodeId }, "call ingest lock attempt failed"),
    });
  }

  start(): Promise<void> {
    this.sweepTimer = setInterval(() => void this.sweep(), this.options.sweepIntervalMs);
    this.sweepTimer.unref?.();
    return this.lock.start();
  }

  async stop(): Promise<void> {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.sweepTimer = null;
    await this.flush();
    this.tracker = null;
    await this.lock.stop();
  }

  holdsLock(): boolean {
    return this.lock.held() && this.tracker !== null;
  }

  /** An AMI event of this node. The per-event path: the tracker's step and an array push. */
  onEvent(event: AmiEvent): void {
    const tracker = this.tracker;
    if (!tracker) return;
    this.stats.eventsIn++;
    let outputs: TrackerOutput[];
    try {
      outputs = tracker.ingest(event);
    } catch (error) {
      this.options.log.error({ err: error, nodeId: this.nodeId, event: event.event }, "call tracker failed on an event");
      return;
    }
    if (outputs.length > 0) this.enqueue(outputs);
  }

  /** The node's AMI connection (re)connected: rebuild what was missed while it was down. */
  onConnected(): void {
    if (this.tracker) void this.reconcile();
  }

  private onAcquired(): void {
    this.options.log.info({ nodeId: this.nodeId }, "call ingest lock acquired: ingesting this node");
    this.stats.lockAcquisitions++;
    this.tracker = this.options.createTracker();
    this.memory = newIngestMemory();
    void this.reconcile();
  }

  private onLost(reason: string): void {
    // Another instance may take the node over now: what this one had queued is dropped rather than
    // written twice (its reconcile rebuilds the state from the PBX).
    this.options.log.warn({ nodeId: this.nodeId, reason }, "call ingest lock lost: no longer ingesting this node");
    this.tracker = null;
    this.queue = [];
    this.oldestQueuedAt = 0;
  }

  private enqueue(outputs: readonly TrackerOutput[]): void {
    if (this.queue.length === 0) this.oldestQueuedAt = performance.now();
    for (const output of outputs) this.queue.push(output);
    this.stats.outputs += outputs.length;
    if (this.queue.length >= this.options.maxBatch) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.options.flushIntervalMs);
      this.timer.unref?.();
    }
  }

  /** Writes everything queued so far; resolves once it is committed (and published). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.chain = this.chain.then(() => this.flushQueued());
    return this.chain;
  }

  private async flushQueued(): Promise<void> {
    if (this.queue.length === 0) return;
    const outputs = this.queue;
    this.inFlightSince = this.oldestQueuedAt;
    this.queue = [];
    this.oldestQueuedAt = 0;
    const started = performance.now();
    try {
      await this.persist(outputs);
    } catch (error) {
      this.stats.flushErrors++;
      this.options.log.error({ err: error, nodeId: this.nodeId, outputs: outputs.length }, "call ingest flush failed");
    } finally {
      this.inFlightSince = 0;
      this.stats.flushes++;
      this.stats.lastFlushMs = performance.now() - started;
      this.stats.maxFlushMs = Math.max(this.stats.maxFlushMs, this.stats.lastFlushMs);
    }
  }

  private async persist(outputs: readonly TrackerOutput[]): Promise<void> {
    const grouped = groupOutputs(outputs);
    this.stats.droppedUnattributed += grouped.unattributed;
    const tenants = await this.directory.tenantsBySlug([...grouped.bySlug.keys()]);
    const batches = new Map<string, TenantBatch>();
    for (const [slug, slugBatch] of grouped.bySlug) {
      const tenant = tenants.get(slug);
      if (!tenant) {
        this.stats.droppedUnknownTenant += slugBatch.calls.size;
        continue;
      }
      batches.set(tenant.id, {
        tenant,
        calls: [...slugBatch.calls.values()],
        presence: [...slugBatch.presence.values()],
        conferences: slugBatch.conferences,
        missedOriginates: [],
      });
    }
    await this.attachFailedOriginates(grouped.failedOriginates, batches);
    // Tenants are independent: their transactions run side by side (the pool bounds how many at once).
    const results = await Promise.allSettled(
      [...batches.values()].map((batch) => persistTenantBatch(this.nodeId, batch, this.directory, this.memory)),
    );
    for (const result of results) {
      if (result.status === "fulfilled") {
        this.stats.rowsWritten += result.value.rows;
        this.stats.updatesPublished += result.value.updates;
      } else {
        this.stats.flushErrors++;
        this.options.log.error({ err: result.reason, nodeId: this.nodeId }, "writing a tenant's calls failed");
      }
    }
  }

  /**
   * An Originate that failed before any channel was answered carries no tenant (capture 03): its
   * row, created by call control with the Originate's ActionID, says which tenant it belongs to.
   */
  private async attachFailedOriginates(
    failed: ReadonlyArray<{ actionId: string; at: Date }>,
    batches: Map<string, TenantBatch>,
  ): Promise<void> {
    if (failed.length === 0) return;
    const rows = await withAdmin((db) =>
      db.call.findMany({
        where: {
          pbxNodeId: this.nodeId,
          originateActionId: { in: failed.map((f) => f.actionId) },
          linkedId: null,
          state: { not: "ended" },
        },
        select: { originateActionId: true, tenant: { select: { id: true, slug: true, status: true } } },
      }),
    );
    for (const row of rows) {
      if (row.tenant.status !== "active") continue;
      const at = failed.find((f) => f.actionId === row.originateActionId)!.at;
      let batch = batches.get(row.tenant.id);
      if (!batch) {
        batch = { tenant: { id: row.tenant.id, slug: row.tenant.slug }, calls: [], presence: [], conferences: [], missedOriginates: [] };
        batches.set(row.tenant.id, batch);
      }
      batch.missedOriginates.push({ actionId: row.originateActionId!, at });
    }
  }

  /**
   * After a (re)connect or on taking the lock: the PBX does not replay what it sent while nobody
   * listened, so the live channels (CoreShowChannels) and phones (PJSIPShowEndpoints) are asked for,
   * the tracker rebuilds its calls from them, and rows of calls that ended meanwhile are closed.
   */
  async reconcile(): Promise<void> {
    const tracker = this.tracker;
    const client = liveNodeClient(this.nodeId);
    if (!tracker || !client) return;
    const before = new Date();
    try {
      const channels = await client.action({ action: "CoreShowChannels" });
      if (this.tracker !== tracker) return;
      this.enqueue(tracker.reconcile(channels.events, new Date()));
      try {
        const endpoints = await client.action({ action: "PJSIPShowEndpoints" });
        const presence = endpoints.events.flatMap((item) => presenceOf(item) ?? []);
        this.enqueue(presence.map((change) => ({ kind: "presence" as const, presence: change })));
      } catch (error) {
        this.options.log.warn({ err: error, nodeId: this.nodeId }, "PJSIPShowEndpoints failed: presence not refreshed");
      }
      await this.flush();
      const live = channels.events.flatMap((event) => amiField(event.fields, "linkedid") ?? []);
      this.stats.staleEnded += await endStaleCalls(this.nodeId, { liveLinkedIds: live, before });
      this.stats.reconciles++;
    } catch (error) {
      this.options.log.error({ err: error, nodeId: this.nodeId }, "reconciling calls after reconnect failed");
    }
  }

  private async sweep(): Promise<void> {
    if (!this.tracker) return;
    try {
      this.stats.staleEnded += await endStaleCalls(this.nodeId, { liveLinkedIds: null, before: new Date() });
    } catch (error) {
      this.options.log.warn({ err: error, nodeId: this.nodeId }, "ending orphan click-to-call rows failed");
    }
  }

  snapshot(): NodeIngestStats {
    const oldest = this.inFlightSince || this.oldestQueuedAt;
    return {
      nodeId: this.nodeId,
      holdsLock: this.holdsLock(),
      ...this.stats,
      lagMs: oldest ? performance.now() - oldest : 0,
      queued: this.queue.length,
    };
  }
}
