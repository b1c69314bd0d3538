import { adminRouter } from "@/server/routers/admin/router";
import { leadsRouter } from "@/server/routers/leads/router";
import { membersRouter } from "@/server/routers/members/router";
import { settingsRouter } from "@/server/routers/settings/router";
import { scoringRouter } from "@/server/routers/scoring/router";
import { pipelinesRouter } from "@/server/routers/pipelines/router";
import { activitiesRouter } from "@/server/routers/activities/router";
import { tasksRouter } from "@/server/routers/tasks/router";
import { callsRouter } from "@/server/routers/calls/router";
import { telephonyRouter } from "@/server/routers/telephony/router";
import { billingRouter } from "@/server/routers/billing/router";
import { createCallerFactory, router } from "./init";

export const appRouter = router({
  leads: leadsRouter,
  pipelines: pipelinesRouter,
  activities: activitiesRouter,
  tasks: tasksRouter,
  scoring: scoringRouter,
  members: membersRouter,
  telephony: telephonyRouter,
  calls: callsRouter,
  billing: billingRouter,
  settings: settingsRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
