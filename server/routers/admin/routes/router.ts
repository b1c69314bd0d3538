import { z } from "zod";
import {
  RouteCreateInput,
  RouteId,
  RouteListInput,
  RouteOutput,
  RouteReorderInput,
  RouteSetEnabledInput,
  RouteTenantOption,
  RouteTestInput,
  RouteTestOutput,
  RouteUpdateInput,
} from "@/lib/schemas/outbound-route";
import { adminProcedure } from "@/server/trpc/admin-procedure";
import { router } from "@/server/trpc/init";
import { getRoute, listRoutes, listRouteTenants } from "@/server/services/routes/list-routes";
import { reorderRoutes } from "@/server/services/routes/reorder-routes";
import { createRoute, deleteRoute, setRouteEnabled, updateRoute } from "@/server/services/routes/save-route";
import { testRoute } from "@/server/services/routes/test-route";

/**
 * admin.routes: the operator's outbound routes and tenants' overrides. Every mutation is audited
 * and asks for a sync of the PBX nodes whose dialplan it changes (see services/routes).
 */
export const adminRoutesRouter = router({
  list: adminProcedure
    .input(RouteListInput)
    .output(z.array(RouteOutput))
    .query(({ ctx, input }) => listRoutes(ctx.db, input.tenantId)),
  get: adminProcedure
    .input(RouteId)
    .output(RouteOutput)
    .query(({ ctx, input }) => getRoute(ctx.db, input.id)),
  tenants: adminProcedure.output(z.array(RouteTenantOption)).query(({ ctx }) => listRouteTenants(ctx.db)),
  create: adminProcedure
    .input(RouteCreateInput)
    .output(RouteOutput)
    .mutation(({ ctx, input }) => createRoute(ctx.db, input, ctx.audit)),
  update: adminProcedure
    .input(RouteUpdateInput)
    .output(RouteOutput)
    .mutation(({ ctx, input }) => updateRoute(ctx.db, input.id, input.data, ctx.audit)),
  setEnabled: adminProcedure
    .input(RouteSetEnabledInput)
    .output(RouteOutput)
    .mutation(({ ctx, input }) => setRouteEnabled(ctx.db, input.id, input.enabled, ctx.audit)),
  delete: adminProcedure
    .input(RouteId)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteRoute(ctx.db, input.id, ctx.audit)),
  reorder: adminProcedure
    .input(RouteReorderInput)
    .output(z.array(RouteOutput))
    .mutation(({ ctx, input }) => reorderRoutes(ctx.db, input.tenantId, input.ids, ctx.audit)),
  /** The route tester: a query (it changes nothing). */
  test: adminProcedure
    .input(RouteTestInput)
    .output(RouteTestOutput)
    .query(({ ctx, input }) => testRoute(ctx.db, input.number, input.tenantId ?? null)),
});
