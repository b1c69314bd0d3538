import { router } from "@/server/trpc/init";
import { adminAuditRouter } from "./audit/router";
import { adminBillingReportsRouter } from "./billing-reports/router";
import { adminInvoicesRouter } from "./invoices/router";
import { adminInventoryRouter } from "./inventory/router";
import { adminPbxRouter } from "./pbx/router";
import { adminPlansRouter } from "./plans/router";
import { adminRatingRouter } from "./rating/router";
import { adminRoutesRouter } from "./routes/router";
import { adminTariffsRouter } from "./tariffs/router";
import { adminTenantsRouter } from "./tenants/router";
import { adminTrunksRouter } from "./trunks/router";

/** The operator console. Every procedure in it is built on adminProcedure (server/trpc/admin-procedure.ts). */
export const adminRouter = router({
  tenants: adminTenantsRouter,
  plans: adminPlansRouter,
  inventory: adminInventoryRouter,
  audit: adminAuditRouter,
  routes: adminRoutesRouter,
  pbx: adminPbxRouter,
  trunks: adminTrunksRouter,
  tariffs: adminTariffsRouter,
  rating: adminRatingRouter,
  invoices: adminInvoicesRouter,
  billingReports: adminBillingReportsRouter,
});
