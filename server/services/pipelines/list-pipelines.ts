import type { PipelineOutput } from "@/lib/schemas/pipeline";
import type { TenantDb } from "@/server/db";
import { seesEverything, type CrmViewer } from "@/server/services/crm/access";
import { ensureDefaultPipeline } from "./ensure-default-pipeline";

/** The tenant's pipelines in order, each with its stages in order (creating the default one when there is none). */
export async function listPipelines(db: TenantDb, viewer: CrmViewer): Promise<PipelineOutput[]> {
  await ensureDefaultPipeline(db);
  const pipelines = await db.pipeline.findMany({
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      name: true,
      position: true,
      stages: {
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        select: { id: true, name: true, position: true, probability: true, rottingDays: true },
      },
    },
  });
  // Counts tell how full a stage is before deleting it; a rep who sees only part of the tenant's
  // records gets no counts (they would reveal what is hidden from them).
  const counts = new Map<string, number>();
  if (seesEverything(viewer)) {
    const groups = await db.opportunity.groupBy({ by: ["stageId"], _count: { _all: true } });
    for (const group of groups) counts.set(group.stageId, group._count._all);
  }
  return pipelines.map((pipeline) => ({
    ...pipeline,
    stages: pipeline.stages.map((stage) => ({
      ...stage,
      opportunityCount: seesEverything(viewer) ? (counts.get(stage.id) ?? 0) : null,
    })),
  }));
}
