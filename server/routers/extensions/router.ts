import { router } from "@/server/trpc/init";

export const extensionsRouter = router({});
