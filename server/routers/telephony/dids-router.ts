import { DestinationOptions, DidId, DidListInput, DidRouteInput, TenantDidOutput, TenantDidPage } from "@/lib/schemas/numbers";
import { router } from "@/server/trpc/init";
import { roleProcedure } from "@/server/trpc/tenant-procedure";
import { requestTenantPbxSync } from "@/server/services/pbx/sync-requests";
import { clearDidRoute } from "@/server/services/numbers/clear-did-route";
import { destinationOptions } from "@/server/services/numbers/destination-options";
import { didRouteSnapshot } from "@/server/services/numbers/did-route-output";
import { listTenantDids } from "@/server/services/numbers/list-tenant-dids";
import { setDidRoute } from "@/server/services/numbers/set-did-route";

const OBJECT_TYPE = "did";

/** Managers read the phone system; admins and owners change it (support sessions are read-only centrally). */
const reader = roleProcedure("manager");
const writer = roleProcedure("admin");

/** The tenant's side of its DIDs: it cannot change the inventory, only where each number rings. */
export const didsRouter = router({
  list: reader
    .input(DidListInput)
    .output(TenantDidPage)
    .query(({ ctx, input }) => listTenantDids(ctx.db, ctx.tenant.id, input)),

  /** Extensions, ring groups, trunks and business hours a route can use. */
  destinationOptions: reader.output(DestinationOptions).query(({ ctx }) => destinationOptions(ctx.db)),

  setRoute: writer
    .input(DidRouteInput)
    .output(TenantDidOutput)
    .mutation(async ({ ctx, input }) => {
      const { before, after } = await setDidRoute(ctx.db, ctx.tenant.id, input);
      await ctx.audit({
        action: "did.route",
        objectType: OBJECT_TYPE,
        objectId: after.id,
        before: didRouteSnapshot(before),
        after: didRouteSnapshot(after),
      });
      await requestTenantPbxSync(ctx.tenant.id, "did.route");
      return after;
    }),

  clearRoute: writer
    .input(DidId)
    .output(TenantDidOutput)
    .mutation(async ({ ctx, input }) => {
      const { before, after } = await clearDidRoute(ctx.db, ctx.tenant.id, input.didId);
      await ctx.audit({
        action: "did.route_clear",
        objectType: OBJECT_TYPE,
        objectId: after.id,
        before: didRouteSnapshot(before),
        after: didRouteSnapshot(after),
      });
      await requestTenantPbxSync(ctx.tenant.id, "did.route");
      return after;
    }),
});
