import { z } from "zod";
import {
  AdminTrunkCreateInput,
  AdminTrunkListInput,
  TrunkId,
  TrunkOutput,
  TrunkTestOutput,
  TrunkUpdateInput,
  TrunkWithSecret,
} from "@/lib/schemas/trunk";
import { adminProcedure } from "@/server/trpc/admin-procedure";
import { router } from "@/server/trpc/init";
import { requestTenantPbxSync } from "@/server/services/pbx/sync-requests";
import { createTrunk } from "@/server/services/trunks/create-trunk";
import { deleteTrunk } from "@/server/services/trunks/delete-trunk";
import { listTrunks } from "@/server/services/trunks/list-trunks";
import { regenerateTrunkSecret } from "@/server/services/trunks/regenerate-trunk-secret";
import { testTrunk } from "@/server/services/trunks/test-trunk";
import { trunkSnapshot } from "@/server/services/trunks/trunk-output";
import { trunkTenantById, trunkTenantOf } from "@/server/services/trunks/trunk-scope";
import { updateTrunk } from "@/server/services/trunks/update-trunk";

const OBJECT_TYPE = "trunk";

/**
 * The operator's trunks for a tenant (e.g. the "clientes" trunk): created, changed and deleted
 * only here; the tenant sees them read-only. The tenant's own trunks are listed, never changed.
 */
export const adminTrunksRouter = router({
  list: adminProcedure
    .input(AdminTrunkListInput)
    .output(TrunkOutput.array())
    .query(async ({ ctx, input }) => listTrunks(ctx.db, await trunkTenantById(ctx.db, input.tenantId))),

  create: adminProcedure
    .input(AdminTrunkCreateInput)
    .output(TrunkWithSecret)
    .mutation(async ({ ctx, input }) => {
      const tenant = await trunkTenantById(ctx.db, input.tenantId);
      const created = await createTrunk(ctx.db, tenant, input.data, { operatorManaged: true });
      await ctx.audit({
        action: "trunk.create",
        objectType: OBJECT_TYPE,
        objectId: created.trunk.id,
        tenantId: tenant.id,
        after: trunkSnapshot(created.trunk),
      });
      await requestTenantPbxSync(tenant.id, "admin.trunk.create");
      return created;
    }),

  update: adminProcedure
    .input(TrunkUpdateInput)
    .output(TrunkWithSecret)
    .mutation(async ({ ctx, input }) => {
      const tenant = await trunkTenantOf(ctx.db, input.id);
      const { before, after } = await updateTrunk(ctx.db, tenant, input.id, input.data, "operator");
      await ctx.audit({
        action: "trunk.update",
        objectType: OBJECT_TYPE,
        objectId: input.id,
        tenantId: tenant.id,
        before: trunkSnapshot(before),
        after: trunkSnapshot(after.trunk),
      });
      await requestTenantPbxSync(tenant.id, "admin.trunk.update");
      return after;
    }),

  regenerateSecret: adminProcedure
    .input(TrunkId)
    .output(TrunkWithSecret)
    .mutation(async ({ ctx, input }) => {
      const tenant = await trunkTenantOf(ctx.db, input.id);
      const regenerated = await regenerateTrunkSecret(ctx.db, tenant, input.id, "operator");
      await ctx.audit({
        action: "trunk.regenerate_secret",
        objectType: OBJECT_TYPE,
        objectId: input.id,
        tenantId: tenant.id,
        after: { endpoint: regenerated.trunk.endpoint },
      });
      await requestTenantPbxSync(tenant.id, "admin.trunk.regenerate_secret");
      return regenerated;
    }),

  delete: adminProcedure
    .input(TrunkId)
    .output(z.object({ id: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const tenant = await trunkTenantOf(ctx.db, input.id);
      const trunk = await deleteTrunk(ctx.db, tenant, input.id, "operator");
      await ctx.audit({
        action: "trunk.delete",
        objectType: OBJECT_TYPE,
        objectId: trunk.id,
        tenantId: tenant.id,
        before: trunkSnapshot(trunk),
      });
      await requestTenantPbxSync(tenant.id, "admin.trunk.delete");
      return { id: trunk.id };
    }),

  /**
   * Any trunk of the tenant (its own too). A qualify changes nothing, but every console action is
   * recorded; when the PBX cannot be asked the error rolls back and nothing is recorded.
   */
  test: adminProcedure
    .input(TrunkId)
    .output(TrunkTestOutput)
    .mutation(async ({ ctx, input }) => {
      const tenant = await trunkTenantOf(ctx.db, input.id);
      const result = await testTrunk(ctx.db, tenant, input.id);
      await ctx.audit({ action: "trunk.test", objectType: OBJECT_TYPE, objectId: input.id, tenantId: tenant.id, after: result });
      return result;
    }),
});
