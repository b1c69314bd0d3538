import type pg from "pg";
import { logger } from "@/server/logger";
import { claimNextQueuedRun, failInterruptedRuns, insertRun, type RatingRunRequest } from "./billing-runs";
import { withRatingLock } from "./rating-lock";
import { adminConnection } from "./rating-pool";
import { executeRatingRun, hasCallsToRate, startAndExecute, type RatingRunResult } from "./run-rating";

// Runs asked for from the console wait as "queued" BillingRun rows; whichever app instance takes
// the rating lock next executes them, oldest first. The row is committed before the request
// returns, so a run survives a restart and the console can poll it from any instance.

/** Records a queued run and wakes this process's worker; returns the run's id at once. */
export async function queueRatingRun(request: RatingRunRequest): Promise<string> {
  const client = await adminConnection();
  try {
    const run = await insertRun(client, request, "queued");
    wakeRatingWorker();
    return run.id;
  } finally {
    client.release();
  }
}

export type DrainOptions = {
  /** false: give up at once when another run holds the lock (the scheduler's tick). */
  wait: boolean;
  /** Also rate new calls after the queue (the scheduler's tick), recording a run only when there are some. */
  rateNew: boolean;
  /** Rate only these tenants' new calls (tests). */
  tenantIds?: readonly string[];
};

/** Executes queued runs until none is left, then (rateNew) the new calls. */
export async function drainRatingRuns(options: DrainOptions): Promise<{ ran: boolean; results: RatingRunResult[] }> {
  const outcome = await withRatingLock(
    async () => {
      const results: RatingRunResult[] = [];
      const interrupted = await withConnection(failInterruptedRuns);
      if (interrupted > 0) logger.warn({ interrupted, job: "rating" }, "rating runs interrupted by a stopped process marked failed");
      // The claiming connection goes back to the pool before the run takes its own.
      for (let run = await withConnection(claimNextQueuedRun); run; run = await withConnection(claimNextQueuedRun)) {
        results.push(await executeRatingRun(run));
      }
      const tenantIds = options.tenantIds ?? null;
      if (options.rateNew && (await hasCallsToRate(tenantIds))) {
        const tenantId = tenantIds?.length === 1 ? tenantIds[0]! : null;
        results.push(await startAndExecute({ kind: "rate", tenantId }, tenantIds));
      }
      return results;
    },
    { wait: options.wait },
  );
  return outcome.acquired ? { ran: true, results: outcome.value } : { ran: false, results: [] };
}

async function withConnection<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await adminConnection();
  try {
    return await fn(client);
  } finally {
    client.release();
  }
}

const globalForWorker = globalThis as unknown as { linhaRatingWorker?: { running: boolean; again: boolean } };

/** Drains the queue in the background; a wake-up during a drain makes it look again when done. */
export function wakeRatingWorker(): void {
  const state = (globalForWorker.linhaRatingWorker ??= { running: false, again: false });
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = true;
  void (async () => {
    try {
      do {
        state.again = false;
        await drainRatingRuns({ wait: true, rateNew: false });
      } while (state.again);
    } catch (error) {
      logger.error({ err: error, job: "rating" }, "rating worker failed; queued runs wait for the next tick");
    } finally {
      state.running = false;
    }
  })();
}
