import { z } from "zod";
import { StageCreateInput, StageId, StageReorderInput, StageUpdateInput } from "@/lib/schemas/pipeline";
import { router } from "@/server/trpc/init";
import { roleProcedure } from "@/server/trpc/tenant-procedure";
import { createStage, deleteStage, reorderStages, updateStage } from "@/server/services/pipelines/stage-mutations";

const StageRef = z.object({ id: z.string(), name: z.string(), pipelineId: z.string() });

/** Stages are the managers' to shape; everyone reads them through pipelines.list and the board. */
export const stagesRouter = router({
  create: roleProcedure("manager")
    .input(StageCreateInput)
    .output(StageRef)
    .mutation(({ ctx, input }) => createStage(ctx.db, input)),
  update: roleProcedure("manager")
    .input(StageUpdateInput)
    .output(StageRef)
    .mutation(({ ctx, input }) => updateStage(ctx.db, input.id, input.data)),
  reorder: roleProcedure("manager")
    .input(StageReorderInput)
    .output(z.object({ pipelineId: z.string() }))
    .mutation(async ({ ctx, input }) => {
      await reorderStages(ctx.db, input.pipelineId, input.stageIds);
      return { pipelineId: input.pipelineId };
    }),
  delete: roleProcedure("manager")
    .input(StageId)
    .output(StageRef)
    .mutation(async ({ ctx, input }) => {
      const stage = await deleteStage(ctx.db, input.id);
      await ctx.audit({ action: "stage.delete", objectType: "stage", objectId: stage.id, before: stage });
      return stage;
    }),
});
