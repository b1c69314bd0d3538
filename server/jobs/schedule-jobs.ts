import { logger } from "@/server/logger";
import { rateCallsTick, RATE_CALLS_EVERY_MS } from "./rate-calls";
import { rescoreDecay } from "./rescore-decay";

const HOUR_MS = 3_600_000;
const FIRST_RUN_DELAY_MS = 60_000;
/** Rating starts soon after boot: calls that ended while the app was down are billed without delay. */
const FIRST_RATING_DELAY_MS = 10_000;

const globalForJobs = globalThis as unknown as { linhaJobsStarted?: boolean };

/**
 * Starts the in-process schedules (from instrumentation.ts, once per server process). The decay
 * pass runs hourly so a restart or a missed tick never leaves a day's scores stale for long; it is
 * cheap when there is nothing to do (one indexed query per tenant with a time-dependent rule).
 * Call rating ticks every minute (startRatingSchedule). Timers are unref'd: they never keep a process alive on their own.
 */
export function startScheduledJobs(): void {
  if (globalForJobs.linhaJobsStarted) return;
  globalForJobs.linhaJobsStarted = true;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const result = await rescoreDecay();
      if (result.ran && result.leads > 0) logger.info({ job: "rescore-decay", ...result }, "lead scores decayed");
    } catch (error) {
      logger.error({ err: error, job: "rescore-decay" }, "score decay pass failed");
    } finally {
      running = false;
    }
  };
  setTimeout(tick, FIRST_RUN_DELAY_MS).unref();
  setInterval(tick, HOUR_MS).unref();
  startRatingSchedule();
}

/**
 * Rates finished calls every minute (and runs the console's queued rating runs, which are also
 * started at once when requested). A tick still running when the next one is due is not doubled;
 * across instances the rating lock keeps it to one.
 */
function startRatingSchedule(): void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await rateCallsTick();
    } catch (error) {
      logger.error({ err: error, job: "rate-calls" }, "rating tick failed; the next one retries");
    } finally {
      running = false;
    }
  };
  setTimeout(tick, FIRST_RATING_DELAY_MS).unref();
  setInterval(tick, RATE_CALLS_EVERY_MS).unref();
}
