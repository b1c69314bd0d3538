import { router } from "@/server/trpc/init";

/** Monthly invoices of every tenant: the invoice run, issue, payment, void, and the tax rates. */
export const adminInvoicesRouter = router({});
