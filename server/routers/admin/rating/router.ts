import { router } from "@/server/trpc/init";

/** Rating runs: progress, re-rating a period after a tariff fix, and the calls that could not be rated. */
export const adminRatingRouter = router({});
