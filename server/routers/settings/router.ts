import { router } from "@/server/trpc/init";

export const settingsRouter = router({});
