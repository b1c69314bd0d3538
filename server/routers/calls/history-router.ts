import { router } from "@/server/trpc/init";

/** Call history, statistics and the after-call form. */
export const callHistoryRouter = router({});
