import { router } from "@/server/trpc/init";

/** A tenant's own billing (admins and owners): current-month usage to date and its invoices. Never cost or margin. */
export const billingRouter = router({});
