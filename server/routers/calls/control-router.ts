import { router } from "@/server/trpc/init";

/** Click-to-call and call control (hang up, transfers, monitoring). */
export const callControlRouter = router({});
