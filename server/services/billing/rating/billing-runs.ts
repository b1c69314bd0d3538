import type pg from "pg";
import { chargeId } from "./charge-id";

// The BillingRun rows of rating runs (kinds rate and rerate; invoice runs belong to invoicing).
// Progress is written on a connection of its own, outside the run's data transaction, so the
// console sees it move while the charges are still uncommitted.

export type RatingRunKind = "rate" | "rerate";

export type RunCounters = { total: number; processed: number; rated: number; unratable: number; skipped: number };

export const ZERO_COUNTERS: RunCounters = { total: 0, processed: 0, rated: 0, unratable: 0, skipped: 0 };

export type RatingRunRequest = {
  kind: RatingRunKind;
  /** Half-open [periodStart, periodEnd): rerate only. */
  periodStart?: Date | null;
  periodEnd?: Date | null;
  /** One tenant only (null: all). */
  tenantId?: string | null;
  requestedById?: string | null;
};

export type RatingRunRow = {
  id: string;
  kind: RatingRunKind;
  periodStart: Date | null;
  periodEnd: Date | null;
  tenantId: string | null;
};

const RUN_COLUMNS = `id, kind::text AS kind, "periodStart", "periodEnd", "tenantId"`;

export async function insertRun(client: pg.ClientBase, request: RatingRunRequest, status: "queued" | "running"): Promise<RatingRunRow> {
  const { rows } = await client.query<RatingRunRow>(
    `INSERT INTO "BillingRun" (id, kind, status, "periodStart", "periodEnd", "tenantId", "requestedById", "startedAt")
     VALUES ($1, $2::"BillingRunKind", $3::"BillingRunStatus", $4, $5, $6, $7, CASE WHEN $3::"BillingRunStatus" = 'running' THEN now() END)
     RETURNING ${RUN_COLUMNS}`,
    [
      chargeId(),
      request.kind,
      status,
      request.periodStart ?? null,
      request.periodEnd ?? null,
      request.tenantId ?? null,
      request.requestedById ?? null,
    ],
  );
  return rows[0]!;
}

/** Takes the oldest queued rating run (FIFO); null when none is waiting. */
export async function claimNextQueuedRun(client: pg.ClientBase): Promise<RatingRunRow | null> {
  const { rows } = await client.query<RatingRunRow>(
    `UPDATE "BillingRun" SET status = 'running', "startedAt" = now()
     WHERE id = (SELECT id FROM "BillingRun" WHERE status = 'queued' AND kind IN ('rate', 'rerate')
                 ORDER BY "createdAt", id LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING ${RUN_COLUMNS}`,
  );
  return rows[0] ?? null;
}

export async function saveProgress(client: pg.ClientBase, runId: string, counters: RunCounters): Promise<void> {
  await client.query(`UPDATE "BillingRun" SET total = $2, processed = $3, rated = $4, unratable = $5, skipped = $6 WHERE id = $1`, [
    runId,
    counters.total,
    counters.processed,
    counters.rated,
    counters.unratable,
    counters.skipped,
  ]);
}

export async function finishRun(client: pg.ClientBase, runId: string, counters: RunCounters, error: string | null): Promise<void> {
  await client.query(
    `UPDATE "BillingRun" SET status = $2, total = $3, processed = $4, rated = $5, unratable = $6, skipped = $7, error = $8, "finishedAt" = now()
     WHERE id = $1`,
    [
      runId,
      error ? "failed" : "done",
      counters.total,
      counters.processed,
      counters.rated,
      counters.unratable,
      counters.skipped,
      error ? error.slice(0, 500) : null,
    ],
  );
}

/**
 * Runs left "running" by a process that died. Only a holder of the rating lock calls this, and
 * every run executes under that lock, so a running run seen here has nobody executing it. Its
 * charges were never committed (a run writes them in one transaction).
 */
export async function failInterruptedRuns(client: pg.ClientBase): Promise<number> {
  const { rowCount } = await client.query(
    `UPDATE "BillingRun" SET status = 'failed', error = 'interrupted: the process running it stopped', "finishedAt" = now()
     WHERE status = 'running' AND kind IN ('rate', 'rerate')`,
  );
  return rowCount ?? 0;
}
