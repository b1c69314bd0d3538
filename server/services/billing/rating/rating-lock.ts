import { dedicatedConnection } from "./rating-pool";

// One rating run at a time, across every app instance: a run that rates new calls and a re-rating
// of the same period would both write those calls' charges. The lock is a session advisory lock on
// a connection of its own, so PostgreSQL releases it if the process dies mid-run.

/** "CDR rating" — shared by the scheduled job, the console's runs and direct calls. */
export const RATING_LOCK_KEY = 7_301_442_019;

export type LockOutcome<T> = { acquired: false } | { acquired: true; value: T };

/**
 * Runs `fn` holding the rating lock. `wait: false` gives up at once when another run holds it (the
 * scheduler's tick); `wait: true` queues behind it (a console request, a test).
 */
export async function withRatingLock<T>(fn: () => Promise<T>, options: { wait: boolean }): Promise<LockOutcome<T>> {
  const client = dedicatedConnection("linha-rating-lock");
  client.on("error", () => undefined);
  await client.connect();
  try {
    if (options.wait) {
      await client.query("SELECT pg_advisory_lock($1)", [RATING_LOCK_KEY]);
    } else {
      const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [RATING_LOCK_KEY]);
      if (!rows[0]?.locked) return { acquired: false };
    }
    try {
      return { acquired: true, value: await fn() };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [RATING_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}
