import { leadsRouter } from "@/server/routers/leads/router";
import { membersRouter } from "@/server/routers/members/router";
import { createCallerFactory, router } from "./init";

export const appRouter = router({
  leads: leadsRouter,
  members: membersRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
