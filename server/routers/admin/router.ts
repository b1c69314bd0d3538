import { router } from "@/server/trpc/init";
import { adminAuditRouter } from "./audit/router";
import { adminInventoryRouter } from "./inventory/router";
import { adminPbxRouter } from "./pbx/router";
import { adminPlansRouter } from "./plans/router";
import { adminRoutesRouter } from "./routes/router";
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
});
