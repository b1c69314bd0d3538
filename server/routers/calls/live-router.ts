import { router } from "@/server/trpc/init";

/** The live board: snapshot, presence and the SSE subscription. */
export const callLiveRouter = router({});
