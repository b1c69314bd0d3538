import type { LiveUpdate } from "@/lib/schemas/calls";
import type { TenantDb } from "@/server/db";

/** The PostgreSQL channel every app instance LISTENs on (server/services/calls/live-bus.ts). */
export const LIVE_CHANNEL = "linha_live";

/** A NOTIFY payload must stay under 8000 bytes; leave room for the envelope. */
const MAX_PAYLOAD_BYTES = 7_000;

/** What travels in one NOTIFY: the tenant it belongs to and its updates, in order. */
export type LiveEnvelope = { tenantId: string; updates: LiveUpdate[] };

/** Splits updates into envelopes that each fit one NOTIFY, keeping their order. */
export function liveEnvelopes(tenantId: string, updates: readonly LiveUpdate[]): string[] {
  const payloads: string[] = [];
  let batch: LiveUpdate[] = [];
  let size = 0;
  const flush = () => {
    if (batch.length) payloads.push(JSON.stringify({ tenantId, updates: batch } satisfies LiveEnvelope));
    batch = [];
    size = 0;
  };
  for (const update of updates) {
    const bytes = Buffer.byteLength(JSON.stringify(update));
    if (bytes > MAX_PAYLOAD_BYTES) throw new Error(`live update too large for NOTIFY (${bytes} bytes)`);
    if (size + bytes > MAX_PAYLOAD_BYTES) flush();
    batch.push(update);
    size += bytes + 1;
  }
  flush();
  return payloads;
}

/**
 * Publishes a tenant's live updates to every app instance. Runs in the caller's transaction:
 * PostgreSQL delivers a NOTIFY only when that transaction commits, so subscribers never see a
 * change that was rolled back, and see changes in commit order.
 */
export async function publishLive(db: TenantDb, tenantId: string, updates: readonly LiveUpdate[]): Promise<void> {
  const payloads = liveEnvelopes(tenantId, updates);
  if (payloads.length === 0) return;
  // One statement for every envelope: a busy ingest flush publishes dozens at once.
  await db.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, payload) FROM unnest(${payloads}::text[]) AS p(payload)`;
}
