import { router } from "@/server/trpc/init";

// Filled in by the telephony work (issue 5).
export const businessHoursRouter = router({});
