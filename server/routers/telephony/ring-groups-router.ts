import { z } from "zod";
import { ExtensionOption, RingGroupFields, RingGroupId, RingGroupOutput, RingGroupUpdateInput } from "@/lib/schemas/numbers";
import { router } from "@/server/trpc/init";
import { roleProcedure } from "@/server/trpc/tenant-procedure";
import { requestTenantPbxSync } from "@/server/services/pbx/sync-requests";
import { deleteRingGroup } from "@/server/services/numbers/delete-ring-group";
import { listExtensionOptions, listRingGroups } from "@/server/services/numbers/list-ring-groups";
import { ringGroupSnapshot } from "@/server/services/numbers/ring-group-output";
import { createRingGroup, updateRingGroup } from "@/server/services/numbers/save-ring-group";

const OBJECT_TYPE = "ring_group";

/** Managers read the phone system; admins and owners change it (support sessions are read-only centrally). */
const reader = roleProcedure("manager");
const writer = roleProcedure("admin");

export const ringGroupsRouter = router({
  list: reader.output(RingGroupOutput.array()).query(({ ctx }) => listRingGroups(ctx.db)),

  /** The extensions a group can ring, for the member picker. */
  extensionOptions: reader.output(ExtensionOption.array()).query(({ ctx }) => listExtensionOptions(ctx.db)),

  create: writer
    .input(RingGroupFields)
    .output(RingGroupOutput)
    .mutation(async ({ ctx, input }) => {
      const group = await createRingGroup(ctx.db, ctx.tenant.id, input);
      await ctx.audit({ action: "ring_group.create", objectType: OBJECT_TYPE, objectId: group.id, after: ringGroupSnapshot(group) });
      await requestTenantPbxSync(ctx.tenant.id, "ring_group.create");
      return group;
    }),

  update: writer
    .input(RingGroupUpdateInput)
    .output(RingGroupOutput)
    .mutation(async ({ ctx, input }) => {
      const { before, after } = await updateRingGroup(ctx.db, ctx.tenant.id, input.id, input.data);
      await ctx.audit({
        action: "ring_group.update",
        objectType: OBJECT_TYPE,
        objectId: after.id,
        before: ringGroupSnapshot(before),
        after: ringGroupSnapshot(after),
      });
      await requestTenantPbxSync(ctx.tenant.id, "ring_group.update");
      return after;
    }),

  delete: writer
    .input(RingGroupId)
    .output(z.object({ id: z.string(), name: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const group = await deleteRingGroup(ctx.db, input.id);
      await ctx.audit({ action: "ring_group.delete", objectType: OBJECT_TYPE, objectId: group.id, before: ringGroupSnapshot(group) });
      await requestTenantPbxSync(ctx.tenant.id, "ring_group.delete");
      return { id: group.id, name: group.name };
    }),
});
