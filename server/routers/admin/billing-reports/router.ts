import { router } from "@/server/trpc/init";

/** Revenue, cost and margin by tenant, provider, gateway, destination and day; ASR and ACD by gateway. */
export const adminBillingReportsRouter = router({});
