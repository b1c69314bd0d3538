/**
 * A run is worked by the process that queued it, in the background. One still queued after
 * STALE_QUEUED_MS, or running after STALE_RUNNING_MS, was left behind by a process that stopped:
 * it is shown as interrupted and no longer stands in the way of a new run of its month.
 */
export const STALE_QUEUED_MS = 5 * 60_000;
export const STALE_RUNNING_MS = 60 * 60_000;

export function isInterrupted(run: { status: string; createdAt: Date; startedAt: Date | null }, now: Date = new Date()): boolean {
  if (run.status === "queued") return now.getTime() - run.createdAt.getTime() > STALE_QUEUED_MS;
  if (run.status === "running") return now.getTime() - (run.startedAt ?? run.createdAt).getTime() > STALE_RUNNING_MS;
  return false;
}
