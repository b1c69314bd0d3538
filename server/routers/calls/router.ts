import { router } from "@/server/trpc/init";
import { callControlRouter } from "./control-router";
import { conferenceRouter } from "./conference-router";
import { callHistoryRouter } from "./history-router";
import { callLiveRouter } from "./live-router";

/** Calls (issue 6): tenant-scoped; the tenant always comes from the Host, never from input. */
export const callsRouter = router({
  control: callControlRouter,
  conference: conferenceRouter,
  history: callHistoryRouter,
  live: callLiveRouter,
});
