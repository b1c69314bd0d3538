import { logger } from "@/server/logger";
import { drainRatingRuns } from "@/server/services/billing/rating/rating-worker";

/** How often finished calls are rated: a tenant's usage to date is at most about this far behind. */
export const RATE_CALLS_EVERY_MS = 60_000;

export type RateCallsTickResult = { ran: false } | { ran: true; runs: number; rated: number; unratable: number; failed: number };

/**
 * The scheduled rating tick: runs the console's queued runs, then rates the calls that ended since
 * the last tick (a BillingRun is recorded only when there are some). Every app instance ticks; the
 * one that gets the rating lock works and the others return { ran: false } at once.
 */
export async function rateCallsTick(options: { tenantIds?: readonly string[] } = {}): Promise<RateCallsTickResult> {
  const outcome = await drainRatingRuns({ wait: false, rateNew: true, tenantIds: options.tenantIds });
  if (!outcome.ran) return { ran: false };
  const result = {
    ran: true as const,
    runs: outcome.results.length,
    rated: outcome.results.reduce((sum, run) => sum + run.rated, 0),
    unratable: outcome.results.reduce((sum, run) => sum + run.unratable, 0),
    failed: outcome.results.filter((run) => run.status === "failed").length,
  };
  if (result.runs > 0) logger.info({ job: "rate-calls", ...result }, "calls rated");
  return result;
}
