import { z } from "zod";
import { InventoryId, PbxNodeCreateInput, PbxNodeOutput, PbxNodeSetStatusInput, PbxNodeUpdateInput } from "@/lib/schemas/inventory";
import { adminProcedure } from "@/server/trpc/admin-procedure";
import { router } from "@/server/trpc/init";
import {
  createPbxNode,
  deletePbxNode,
  getPbxNode,
  listPbxNodes,
  setPbxNodeStatus,
  updatePbxNode,
} from "@/server/services/inventory/pbx-nodes";

export const pbxNodesRouter = router({
  list: adminProcedure.output(z.array(PbxNodeOutput)).query(({ ctx }) => listPbxNodes(ctx.db)),
  get: adminProcedure
    .input(InventoryId)
    .output(PbxNodeOutput)
    .query(({ ctx, input }) => getPbxNode(ctx.db, input.id)),
  create: adminProcedure
    .input(PbxNodeCreateInput)
    .output(PbxNodeOutput)
    .mutation(({ ctx, input }) => createPbxNode(ctx.db, input, ctx.audit)),
  update: adminProcedure
    .input(PbxNodeUpdateInput)
    .output(PbxNodeOutput)
    .mutation(({ ctx, input }) => updatePbxNode(ctx.db, input.id, input.data, ctx.audit)),
  setStatus: adminProcedure
    .input(PbxNodeSetStatusInput)
    .output(PbxNodeOutput)
    .mutation(({ ctx, input }) => setPbxNodeStatus(ctx.db, input.id, input.status, ctx.audit)),
  delete: adminProcedure
    .input(InventoryId)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deletePbxNode(ctx.db, input.id, ctx.audit)),
});
