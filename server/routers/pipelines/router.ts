import { z } from "zod";
import { BoardInput, BoardOutput, PipelineCreateInput, PipelineId, PipelineOutput, PipelineUpdateInput } from "@/lib/schemas/pipeline";
import { router } from "@/server/trpc/init";
import { roleProcedure, tenantProcedure } from "@/server/trpc/tenant-procedure";
import { getBoard } from "@/server/services/pipelines/get-board";
import { listPipelines } from "@/server/services/pipelines/list-pipelines";
import { createPipeline, deletePipeline, renamePipeline } from "@/server/services/pipelines/pipeline-mutations";
import { opportunitiesRouter } from "./opportunities-router";
import { stagesRouter } from "./stages-router";

const PipelineRef = z.object({ id: z.string(), name: z.string() });

export const pipelinesRouter = router({
  list: tenantProcedure.output(z.array(PipelineOutput)).query(({ ctx }) => listPipelines(ctx.db, ctx.crm)),
  board: tenantProcedure
    .input(BoardInput)
    .output(BoardOutput)
    .query(({ ctx, input }) => getBoard(ctx.db, ctx.crm, input)),
  create: roleProcedure("manager")
    .input(PipelineCreateInput)
    .output(PipelineRef)
    .mutation(({ ctx, input }) => createPipeline(ctx.db, input)),
  update: roleProcedure("manager")
    .input(PipelineUpdateInput)
    .output(PipelineRef)
    .mutation(({ ctx, input }) => renamePipeline(ctx.db, input.id, input.data)),
  delete: roleProcedure("manager")
    .input(PipelineId)
    .output(PipelineRef)
    .mutation(async ({ ctx, input }) => {
      const pipeline = await deletePipeline(ctx.db, input.id);
      await ctx.audit({ action: "pipeline.delete", objectType: "pipeline", objectId: pipeline.id, before: pipeline });
      return pipeline;
    }),
  stages: stagesRouter,
  opportunities: opportunitiesRouter,
});
