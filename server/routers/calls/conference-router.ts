import { router } from "@/server/trpc/init";

/** ConfBridge conferences: start, add, mute, kick, end. */
export const conferenceRouter = router({});
