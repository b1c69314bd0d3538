import { router } from "@/server/trpc/init";

export const adminPlansRouter = router({});
