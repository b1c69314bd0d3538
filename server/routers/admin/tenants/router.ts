import { router } from "@/server/trpc/init";

export const adminTenantsRouter = router({});
