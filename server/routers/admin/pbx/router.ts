import { z } from "zod";
import { PbxSyncListInput, PbxSyncPage } from "@/lib/schemas/pbx";
import { AppError } from "@/server/errors";
import { adminProcedure } from "@/server/trpc/admin-procedure";
import { router } from "@/server/trpc/init";
import { requestPbxSync } from "@/server/services/pbx/sync-requests";
import { listPbxSyncs } from "@/server/services/pbx/sync-state";
import { getPbxNodeOverview, listPbxNodeOverview, PbxNodeDetail, PbxNodeListItem } from "./pbx-node-overview";

const NodeId = z.object({ id: z.uuid({ message: "errors.invalid_id" }) });

/**
 * admin.pbx: the operator's PBX nodes — connection, tenants, sync state and history — and the
 * forced sync. Reads work without a reachable PBX (the connection then says why it is down).
 */
export const adminPbxRouter = router({
  list: adminProcedure.output(z.array(PbxNodeListItem)).query(({ ctx }) => listPbxNodeOverview(ctx.db)),
  get: adminProcedure
    .input(NodeId)
    .output(PbxNodeDetail)
    .query(({ ctx, input }) => getPbxNodeOverview(ctx.db, input.id)),
  syncs: adminProcedure
    .input(PbxSyncListInput)
    .output(PbxSyncPage)
    .query(({ ctx, input }) => listPbxSyncs(ctx.db, input.nodeId, input)),
  /** Forces a sync now (queued at once, not debounced); the page polls the run's status. */
  sync: adminProcedure
    .input(NodeId)
    .output(z.object({ syncId: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const node = await ctx.db.pbxNode.findUnique({ where: { id: input.id }, select: { id: true, name: true } });
      if (!node) throw new AppError("NOT_FOUND", "routes.pbx.notFound");
      const { syncId } = await requestPbxSync({ nodeId: node.id, trigger: "manual", reason: ctx.admin.email });
      if (!syncId) throw new AppError("PBX_UNAVAILABLE", "pbx.errors.queue_unavailable");
      await ctx.audit({ action: "pbx_node.sync", objectType: "pbx_node", objectId: node.id, after: { node: node.name, syncId } });
      return { syncId };
    }),
});
