import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { logger } from "@/server/logger";
import {
  failInterruptedRuns,
  finishRun,
  insertRun,
  saveProgress,
  ZERO_COUNTERS,
  type RatingRunRequest,
  type RatingRunRow,
  type RunCounters,
} from "./billing-runs";
import {
  candidateCount,
  candidateSelect,
  candidateWhere,
  CLEAR_STAGE,
  COPY_CHARGES_IN,
  deletePeriodCharges,
  insertStagedCharges,
  lockPeriodInvoices,
  STAGE_CHARGES_IN_TRANSACTION,
  STAGE_CHARGES_PER_BATCH,
  type CandidateScope,
} from "./candidate-calls-sql";
import { chargeLineTransform, type LineCounters } from "./charge-line";
import { copyThrough, type BatchSink } from "./copy-through";
import { loadPricedDids, loadRatingContext } from "./rating-context";
import { withRatingLock } from "./rating-lock";
import { adminConnection } from "./rating-pool";

// The rating run (issue 7): loads every deck it needs once, streams the calls out of PostgreSQL
// with COPY, rates each in memory and streams the charges back in with COPY, in batches.
// - A re-rating replaces the period's charges in ONE transaction (delete + every batch + commit):
//   a failure changes nothing, and the period's old charges stay visible until the new ones are.
// - A "rate" run (new calls) has two writers committing batch by batch in parallel: inserting is
//   the slow part (indexes, foreign keys), and two backends do it nearly twice as fast. A failure
//   keeps the batches already committed — they are right — and the next run rates the rest.
// Progress goes to the BillingRun row on a connection of its own. Every run executes under the
// rating lock (rating-lock.ts), so no two runs ever write the same calls' charges.

/** Seconds spent loading the decks (and clearing a re-rated period), streaming calls → charges, and committing. */
export type RunPhases = { load: number; stream: number; commit: number };

export type RatingRunResult = RunCounters & {
  runId: string;
  status: "done" | "failed";
  error: string | null;
  seconds: number;
  phases: RunPhases;
};

export type RunOptions = {
  /** Calls per written batch (default 50,000; tests make it small). */
  batchRows?: number;
};

/** How often the BillingRun row's counters are refreshed during a run. */
const PROGRESS_EVERY_MS = 500;
/** Parallel writers of a "rate" run (each on its own connection and transaction). */
const RATE_WRITERS = 2;

function progressReporter(client: pg.ClientBase, runId: string, counters: RunCounters) {
  let last = 0;
  let pending = Promise.resolve();
  const save = () => {
    const snapshot = { ...counters };
    pending = pending
      .then(() => saveProgress(client, runId, snapshot))
      .catch((error: unknown) => logger.warn({ err: error, runId }, "could not save rating progress"));
  };
  return {
    tick() {
      const now = Date.now();
      if (now - last < PROGRESS_EVERY_MS) return;
      last = now;
      save();
    },
    flush() {
      save();
      return pending;
    },
  };
}

function scopeOf(run: RatingRunRow, tenantIds: readonly string[] | null): CandidateScope {
  const tenants = tenantIds ?? (run.tenantId ? [run.tenantId] : null);
  if (run.kind === "rate") return { kind: "rate", tenantIds: tenants };
  if (!run.periodStart || !run.periodEnd) throw new Error("a rerate run needs its period");
  return { kind: "rerate", start: run.periodStart, end: run.periodEnd, tenantIds: tenants };
}

async function stageAndInsert(writer: pg.ClientBase, runId: string, chunks: string[]): Promise<void> {
  await pipeline(Readable.from(chunks), writer.query(copyFrom(COPY_CHARGES_IN)));
  await writer.query(insertStagedCharges(runId));
}

/** A "rate" run's writer: each batch is its own transaction. */
function committingSink(writer: pg.ClientBase, runId: string, onWritten: (counts: LineCounters) => void): BatchSink<LineCounters> {
  return async (batch) => {
    await writer.query("BEGIN");
    try {
      await stageAndInsert(writer, runId, batch.chunks);
      await writer.query("COMMIT");
    } catch (error) {
      await writer.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
    onWritten(batch.tag);
  };
}

/** A re-rating's writer: every batch inside the run's one transaction. */
function transactionSink(writer: pg.ClientBase, runId: string, onWritten: (counts: LineCounters) => void): BatchSink<LineCounters> {
  return async (batch) => {
    await stageAndInsert(writer, runId, batch.chunks);
    await writer.query(CLEAR_STAGE);
    onWritten(batch.tag);
  };
}

/**
 * Executes one run whose BillingRun row is already "running". The caller holds the rating lock.
 * `tenantIds` narrows a run to several tenants (tests); a run's own tenantId narrows it to one.
 */
export async function executeRatingRun(
  run: RatingRunRow,
  tenantIds: readonly string[] | null = null,
  options: RunOptions = {},
): Promise<RatingRunResult> {
  const started = performance.now();
  const phases: RunPhases = { load: 0, stream: 0, commit: 0 };
  let phaseStart = started;
  const endPhase = (phase: keyof RunPhases) => {
    const now = performance.now();
    phases[phase] = (now - phaseStart) / 1000;
    phaseStart = now;
  };
  const counters: RunCounters = { ...ZERO_COUNTERS };
  const progress = await adminConnection();
  let reader: pg.PoolClient | null = null;
  const writers: pg.PoolClient[] = [];
  let failure: unknown = null;
  try {
    const scope = scopeOf(run, tenantIds);
    reader = await adminConnection();
    const rerate = scope.kind === "rerate";
    for (let i = 0; i < (rerate ? 1 : RATE_WRITERS); i++) writers.push(await adminConnection());
    const dids = await loadPricedDids();
    const where = candidateWhere(scope, dids.pairs);

    // One snapshot for the count and the rows, so `total` is exactly what gets processed. The
    // count runs while the decks load on the writers' connections.
    await reader.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // The writers fill CallCharge while the reader streams. A nested loop over CallCharge (what the
    // planner picks when its statistics say the table is empty) would rescan those new rows for
    // every call — quadratic; a hash join reads CallCharge once, before the first row. Parallel
    // workers would only take CPU from the writers, which are the bottleneck.
    await reader.query("SET LOCAL enable_nestloop = off");
    await reader.query("SET LOCAL max_parallel_workers_per_gather = 0");
    const counting = reader.query<{ total: number; skipped: number }>(candidateCount(where, rerate));
    counting.catch(() => undefined); // awaited below; a deck load failing first must not leave it unobserved
    const context = await loadRatingContext(writers, dids);
    const { rows } = await counting;
    if (scope.kind === "rerate") {
      const writer = writers[0]!;
      await writer.query("BEGIN");
      await writer.query(STAGE_CHARGES_IN_TRANSACTION);
      await writer.query(lockPeriodInvoices(scope.start, scope.end, scope.tenantIds));
      await writer.query(deletePeriodCharges(scope.start, scope.end, scope.tenantIds));
    } else {
      for (const writer of writers) await writer.query(STAGE_CHARGES_PER_BATCH);
    }
    endPhase("load");

    counters.total = rows[0]!.total;
    counters.skipped = rows[0]!.skipped;
    counters.processed = counters.skipped;
    await saveProgress(progress, run.id, counters);

    const reporter = progressReporter(progress, run.id, counters);
    const onWritten = (counts: LineCounters) => {
      counters.rated += counts.rated;
      counters.unratable += counts.unratable;
      reporter.tick();
    };
    const lineCounts: LineCounters = { rated: 0, unratable: 0 };
    await copyThrough({
      reader,
      select: candidateSelect(where, rerate),
      transform: chargeLineTransform(context, lineCounts),
      sinks: writers.map((writer) => (rerate ? transactionSink(writer, run.id, onWritten) : committingSink(writer, run.id, onWritten))),
      tagBatch: () => {
        const counts = { ...lineCounts };
        lineCounts.rated = 0;
        lineCounts.unratable = 0;
        return counts;
      },
      onProgress: (read) => {
        counters.processed = counters.skipped + read;
        reporter.tick();
      },
      batchRows: options.batchRows,
    });
    await reader.query("COMMIT");
    endPhase("stream");
    if (rerate) await writers[0]!.query("COMMIT");
    await reporter.flush();
    endPhase("commit");
    await finishRun(progress, run.id, counters, null);
    const seconds = (performance.now() - started) / 1000;
    logger.info({ runId: run.id, kind: run.kind, ...counters, seconds, phases, job: "rating" }, "rating run done");
    return { runId: run.id, status: "done", error: null, ...counters, seconds, phases };
  } catch (error) {
    failure = error;
    if (run.kind === "rerate" && writers[0]) await writers[0].query("ROLLBACK").catch(() => undefined);
    const message = error instanceof Error ? error.message : String(error);
    logger.error({ err: error, runId: run.id, kind: run.kind, job: "rating" }, "rating run failed");
    // A re-rating wrote nothing; a "rate" run keeps its committed batches (counted in rated/unratable).
    if (run.kind === "rerate") Object.assign(counters, { rated: 0, unratable: 0 });
    await finishRun(progress, run.id, counters, message).catch(() => undefined);
    return { runId: run.id, status: "failed", error: message, ...counters, seconds: (performance.now() - started) / 1000, phases };
  } finally {
    // A connection that failed mid-COPY is in an unknown state, and a "rate" writer keeps its
    // staging table for the session: the pool drops both.
    reader?.release(failure ? true : undefined);
    for (const writer of writers) writer.release(failure || run.kind === "rate" ? true : undefined);
    progress.release();
  }
}

/** Records a run as running (clearing runs a dead process left behind) and executes it. Under the lock. */
export async function startAndExecute(
  request: RatingRunRequest,
  tenantIds: readonly string[] | null,
  options: RunOptions = {},
): Promise<RatingRunResult> {
  const client = await adminConnection();
  let run: RatingRunRow;
  try {
    await failInterruptedRuns(client);
    run = await insertRun(client, request, "running");
  } finally {
    client.release();
  }
  return executeRatingRun(run, tenantIds, options);
}

export type RateNewCallsOptions = RunOptions & {
  /** Only these tenants' calls (tests, tools); a single one is recorded on the run. */
  tenantIds?: readonly string[];
  requestedById?: string | null;
};

function singleTenant(tenantIds: readonly string[] | undefined): string | null {
  return tenantIds && tenantIds.length === 1 ? tenantIds[0]! : null;
}

/**
 * Rates every settled, ended call that has no charge yet, committing batch by batch. Waits for a
 * run in progress to finish first.
 */
export async function rateNewCalls(options: RateNewCallsOptions = {}): Promise<RatingRunResult> {
  const request: RatingRunRequest = { kind: "rate", tenantId: singleTenant(options.tenantIds), requestedById: options.requestedById };
  const outcome = await withRatingLock(() => startAndExecute(request, options.tenantIds ?? null, options), { wait: true });
  if (!outcome.acquired) throw new Error("unreachable: a waiting lock is always acquired");
  return outcome.value;
}

export type ReratePeriodInput = RunOptions & {
  /** Half-open [start, end). */
  start: Date;
  end: Date;
  tenantId?: string | null;
  /** Several tenants (tests, tools); overrides tenantId for what is rated. */
  tenantIds?: readonly string[];
  requestedById?: string | null;
};

/**
 * Rates the period's calls again, replacing their charges in one transaction; calls of months a
 * tenant's issued or paid invoice already bills are left as they are (counted as skipped).
 * Idempotent: the same decks give the same charges however many times it runs.
 */
export async function reratePeriod(input: ReratePeriodInput): Promise<RatingRunResult> {
  if (!(input.end.getTime() > input.start.getTime())) throw new Error("the period must end after it starts");
  const tenantIds = input.tenantIds ?? (input.tenantId ? [input.tenantId] : null);
  const request: RatingRunRequest = {
    kind: "rerate",
    periodStart: input.start,
    periodEnd: input.end,
    tenantId: input.tenantIds ? singleTenant(input.tenantIds) : (input.tenantId ?? null),
    requestedById: input.requestedById,
  };
  const outcome = await withRatingLock(() => startAndExecute(request, tenantIds, input), { wait: true });
  if (!outcome.acquired) throw new Error("unreachable: a waiting lock is always acquired");
  return outcome.value;
}

/** Whether a "rate" run would find anything (the scheduler asks before recording a run). */
export async function hasCallsToRate(tenantIds: readonly string[] | null = null): Promise<boolean> {
  const dids = await loadPricedDids();
  const client = await adminConnection();
  try {
    const where = candidateWhere({ kind: "rate", tenantIds }, dids.pairs);
    const { rows } = await client.query<{ found: boolean }>(`SELECT EXISTS (SELECT 1 FROM "Call" c WHERE ${where}) AS found`);
    return rows[0]!.found;
  } finally {
    client.release();
  }
}
