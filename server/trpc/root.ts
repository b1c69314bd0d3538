import { adminRouter } from "@/server/routers/admin/router";
import { extensionsRouter } from "@/server/routers/extensions/router";
import { leadsRouter } from "@/server/routers/leads/router";
import { membersRouter } from "@/server/routers/members/router";
import { settingsRouter } from "@/server/routers/settings/router";
import { createCallerFactory, router } from "./init";

export const appRouter = router({
  leads: leadsRouter,
  members: membersRouter,
  extensions: extensionsRouter,
  settings: settingsRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
