import { router } from "@/server/trpc/init";
import { businessHoursRouter } from "./business-hours-router";
import { didsRouter } from "./dids-router";
import { extensionsRouter } from "./extensions-router";
import { telephonyPbxRouter } from "./pbx-router";
import { ringGroupsRouter } from "./ring-groups-router";
import { trunksRouter } from "./trunks-router";

/** The tenant's phone system: what it configures here is rendered into its PBX node's Asterisk. */
export const telephonyRouter = router({
  extensions: extensionsRouter,
  trunks: trunksRouter,
  ringGroups: ringGroupsRouter,
  businessHours: businessHoursRouter,
  dids: didsRouter,
  pbx: telephonyPbxRouter,
});
