import pg from "pg";
import { serverEnv } from "@/lib/env";

// Only one app instance ingests a PBX node's events: the one holding a session-level advisory lock
// keyed by the node. It lives on a pg connection of its own (never a pooled one: a pool would hand
// the session, and the lock with it, to unrelated queries). PostgreSQL drops the lock when that
// connection dies, so another instance can take over; this side notices through the connection's
// error/end events or a failed heartbeat and stops ingesting at once.

/** The first half of the two-int advisory key: "call ingest". The second is hashtext(node id). */
export const CALL_INGEST_LOCK_CLASS = 5_040;

export type IngestLockOptions = {
  /** How often an instance without the lock tries again, and how often the holder checks its connection. */
  retryMs: number;
  connectionString?: string;
  onAcquired: () => void;
  onLost: (reason: string) => void;
  onError?: (error: unknown) => void;
};

export class IngestLock {
  private client: pg.Client | null = null;
  private holding = false;
  private stopped = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private ticking: Promise<void> | null = null;

  constructor(
    private readonly nodeId: string,
    private readonly options: IngestLockOptions,
  ) {}

  held(): boolean {
    return this.holding;
  }

  start(): Promise<void> {
    this.stopped = false;
    return this.tick();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), this.options.retryMs);
    this.timer.unref?.();
  }

  private tick(): Promise<void> {
    this.ticking ??= (this.holding ? this.heartbeat() : this.tryAcquire())
      .catch((error: unknown) => this.options.onError?.(error))
      .finally(() => {
        this.ticking = null;
        this.schedule();
      });
    return this.ticking;
  }

  private async tryAcquire(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.options.connectionString ?? serverEnv().APP_DATABASE_URL,
      application_name: "linha-call-ingest",
    });
    client.on("error", () => this.lose(client, "lock connection failed"));
    client.on("end", () => this.lose(client, "lock connection closed"));
    try {
      await client.connect();
      const { rows } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok", [
        CALL_INGEST_LOCK_CLASS,
        this.nodeId,
      ]);
      if (!rows[0]?.ok || this.stopped) {
        await endQuietly(client);
        return;
      }
    } catch (error) {
      await endQuietly(client);
      throw error;
    }
    this.client = client;
    this.holding = true;
    this.options.onAcquired();
  }

  private async heartbeat(): Promise<void> {
    const client = this.client;
    if (!client) return;
    try {
      await client.query("SELECT 1");
    } catch {
      this.lose(client, "lock connection heartbeat failed");
    }
  }

  private lose(client: pg.Client, reason: string): void {
    if (this.client !== client || !this.holding) return;
    this.client = null;
    this.holding = false;
    void endQuietly(client);
    if (!this.stopped) this.options.onLost(reason);
  }

  /** Releases the lock (closing its connection) and stops retrying. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.ticking?.catch(() => undefined);
    const client = this.client;
    this.client = null;
    this.holding = false;
    if (client) await endQuietly(client);
  }
}

async function endQuietly(client: pg.Client): Promise<void> {
  client.removeAllListeners("end");
  client.on("error", () => undefined);
  await client.end().catch(() => undefined);
}
