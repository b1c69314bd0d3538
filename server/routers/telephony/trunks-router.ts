import { z } from "zod";
import { TrunkCreateInput, TrunkId, TrunkOutput, TrunkTestOutput, TrunkUpdateInput, TrunkWithSecret } from "@/lib/schemas/trunk";
import { AppError } from "@/server/errors";
import { router } from "@/server/trpc/init";
import { memberOnlyProcedure, roleProcedure } from "@/server/trpc/tenant-procedure";
import { requestTenantPbxSync } from "@/server/services/pbx/sync-requests";
import { createTrunk } from "@/server/services/trunks/create-trunk";
import { deleteTrunk } from "@/server/services/trunks/delete-trunk";
import { listTrunks } from "@/server/services/trunks/list-trunks";
import { regenerateTrunkSecret } from "@/server/services/trunks/regenerate-trunk-secret";
import { testTrunk } from "@/server/services/trunks/test-trunk";
import { trunkSnapshot } from "@/server/services/trunks/trunk-output";
import { updateTrunk } from "@/server/services/trunks/update-trunk";

const OBJECT_TYPE = "trunk";

/** Create and update may hand out a registration password: signed-in admins only, never an API key. */
const secretIssuingProcedure = memberOnlyProcedure.use(({ ctx, next }) => {
  if (ctx.actor.role !== "admin" && ctx.actor.role !== "owner") throw new AppError("FORBIDDEN", "errors.forbidden");
  return next();
});

/** The tenant's customer SIP trunks. The operator's (operatorManaged) are listed here but changed only in the console. */
export const trunksRouter = router({
  list: roleProcedure("manager")
    .output(TrunkOutput.array())
    .query(({ ctx }) => listTrunks(ctx.db, ctx.tenant)),

  create: secretIssuingProcedure
    .input(TrunkCreateInput)
    .output(TrunkWithSecret)
    .mutation(async ({ ctx, input }) => {
      const created = await createTrunk(ctx.db, ctx.tenant, input, { operatorManaged: false });
      await ctx.audit({ action: "trunk.create", objectType: OBJECT_TYPE, objectId: created.trunk.id, after: trunkSnapshot(created.trunk) });
      await requestTenantPbxSync(ctx.tenant.id, "trunk.create");
      return created;
    }),

  update: secretIssuingProcedure
    .input(TrunkUpdateInput)
    .output(TrunkWithSecret)
    .mutation(async ({ ctx, input }) => {
      const { before, after } = await updateTrunk(ctx.db, ctx.tenant, input.id, input.data, "tenant");
      await ctx.audit({
        action: "trunk.update",
        objectType: OBJECT_TYPE,
        objectId: input.id,
        before: trunkSnapshot(before),
        after: trunkSnapshot(after.trunk),
      });
      await requestTenantPbxSync(ctx.tenant.id, "trunk.update");
      return after;
    }),

  regenerateSecret: secretIssuingProcedure
    .input(TrunkId)
    .output(TrunkWithSecret)
    .mutation(async ({ ctx, input }) => {
      const regenerated = await regenerateTrunkSecret(ctx.db, ctx.tenant, input.id, "tenant");
      await ctx.audit({
        action: "trunk.regenerate_secret",
        objectType: OBJECT_TYPE,
        objectId: input.id,
        after: { endpoint: regenerated.trunk.endpoint },
      });
      await requestTenantPbxSync(ctx.tenant.id, "trunk.regenerate_secret");
      return regenerated;
    }),

  delete: roleProcedure("admin")
    .input(TrunkId)
    .output(z.object({ id: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const trunk = await deleteTrunk(ctx.db, ctx.tenant, input.id, "tenant");
      await ctx.audit({ action: "trunk.delete", objectType: OBJECT_TYPE, objectId: trunk.id, before: trunkSnapshot(trunk) });
      await requestTenantPbxSync(ctx.tenant.id, "trunk.delete");
      return { id: trunk.id };
    }),

  /**
   * A qualify over AMI: changes nothing, but it is an action on the PBX (an OPTIONS ping), so a
   * mutation that is never cached. Managers may run it; support sessions may not (read-only).
   */
  test: roleProcedure("manager")
    .input(TrunkId)
    .output(TrunkTestOutput)
    .mutation(({ ctx, input }) => testTrunk(ctx.db, ctx.tenant, input.id)),
});
