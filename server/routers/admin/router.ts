import { router } from "@/server/trpc/init";
import { adminAuditRouter } from "./audit/router";
import { adminInventoryRouter } from "./inventory/router";
import { adminPlansRouter } from "./plans/router";
import { adminTenantsRouter } from "./tenants/router";

/** The operator console. Every procedure in it is built on adminProcedure (server/trpc/admin-procedure.ts). */
export const adminRouter = router({
  tenants: adminTenantsRouter,
  plans: adminPlansRouter,
  inventory: adminInventoryRouter,
  audit: adminAuditRouter,
});
