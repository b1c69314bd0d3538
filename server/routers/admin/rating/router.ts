import {
  RateNowInput,
  RatingRunId,
  RatingRunListInput,
  RatingRunPage,
  RatingRunStarted,
  RatingRunView,
  RatingTenantOption,
  RatingTenantOptionsInput,
  RerateInput,
  UnratableListInput,
  UnratablePage,
  UnratableSummary,
  UnratableSummaryInput,
} from "@/lib/schemas/billing-rating";
import { adminProcedure } from "@/server/trpc/admin-procedure";
import { router } from "@/server/trpc/init";
import { getRatingRun, listRatingRuns } from "@/server/services/billing/rating/list-rating-runs";
import { listUnratable, unratableSummary } from "@/server/services/billing/rating/list-unratable";
import { ratingTenantOptions } from "@/server/services/billing/rating/rating-tenant-options";
import { requestRateNow, requestRerate } from "./request-run";

/** Rating runs: progress, re-rating a period after a tariff fix, and the calls that could not be rated. */
export const adminRatingRouter = router({
  runs: adminProcedure
    .input(RatingRunListInput)
    .output(RatingRunPage)
    .query(({ ctx, input }) => listRatingRuns(ctx.db, input)),
  /** One run, polled by the console while it is queued or running. */
  run: adminProcedure
    .input(RatingRunId)
    .output(RatingRunView)
    .query(({ ctx, input }) => getRatingRun(ctx.db, input.id)),
  /** Rates every new call now instead of at the next scheduled minute; returns at once with the run. */
  rateNow: adminProcedure.input(RateNowInput).output(RatingRunStarted).mutation(requestRateNow),
  /** Queues a re-rating of a month or a range of days (optionally one company); the console polls the run. */
  rerate: adminProcedure.input(RerateInput).output(RatingRunStarted).mutation(requestRerate),
  unratable: adminProcedure
    .input(UnratableListInput)
    .output(UnratablePage)
    .query(({ ctx, input }) => listUnratable(ctx.db, input)),
  unratableSummary: adminProcedure
    .input(UnratableSummaryInput)
    .output(UnratableSummary)
    .query(({ ctx, input }) => unratableSummary(ctx.db, input.tenantId)),
  tenantOptions: adminProcedure
    .input(RatingTenantOptionsInput)
    .output(RatingTenantOption.array())
    .query(({ ctx, input }) => ratingTenantOptions(ctx.db, input.search, input.selectedId)),
});
