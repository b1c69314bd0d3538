import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/trpc/root";
import { createContext } from "@/server/trpc/context";
import { currentSession } from "@/server/auth/session";
import { logger } from "@/server/logger";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => createContext(req.headers, await currentSession()),
    onError({ error, path, ctx }) {
      if (error.code !== "INTERNAL_SERVER_ERROR") return;
      const host = ctx?.target.kind === "tenant" ? ctx.target.slug : ctx?.target.kind;
      logger.child({ host, user: ctx?.session?.user.id, path }).error({ err: error.cause ?? error }, "trpc procedure failed");
    },
  });
}

export { handler as GET, handler as POST };
