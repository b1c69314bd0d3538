import { router } from "@/server/trpc/init";

export const adminAuditRouter = router({});
