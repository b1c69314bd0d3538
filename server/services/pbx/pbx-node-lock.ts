import pg from "pg";
import { serverEnv } from "@/lib/env";

// One sync per PBX node at a time, across every app instance: a PostgreSQL advisory lock keyed by
// the node. It is held on a connection of its own (not a pooled transaction), so it lasts for the
// whole run however many transactions the run opens, and dies with the process if the process does.

/** The first half of the two-int advisory key: "pbx sync". The second is hashtext(node id). */
export const PBX_SYNC_LOCK_CLASS = 5_038;
/** Serialises requestPbxSync's find-or-create of the queued row (a transaction-level lock). */
export const PBX_SYNC_REQUEST_LOCK_CLASS = 5_039;

const LOCK_WAIT_MS = 10 * 60_000;

export async function withPbxNodeLock<T>(nodeId: string, fn: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverEnv().APP_DATABASE_URL, application_name: "linha-pbx-sync" });
  await client.connect();
  try {
    // A run waits for the one in progress (a forced sync during an automatic one), but not forever.
    await client.query(`SET lock_timeout = ${LOCK_WAIT_MS}`);
    await client.query("SELECT pg_advisory_lock($1, hashtext($2))", [PBX_SYNC_LOCK_CLASS, nodeId]);
    try {
      return await fn();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1, hashtext($2))", [PBX_SYNC_LOCK_CLASS, nodeId]);
    }
  } finally {
    await client.end();
  }
}
