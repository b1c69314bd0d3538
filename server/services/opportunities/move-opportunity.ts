import type { OpportunityMoveInput } from "@/lib/schemas/opportunity";
import type { TenantDb } from "@/server/db";
import { stageNotFound } from "@/server/services/pipelines/pipeline-errors";
import { findVisibleOpportunity } from "./find-visible-opportunity";
import type { OpportunityActor } from "./opportunity-actor";
import { movedByOthers, stageNotInPipeline } from "./opportunity-errors";
import { recordStageChange } from "./record-stage-change";

export type MoveResult = { id: string; stageId: string; stageEnteredAt: Date };

/**
 * Moves an open opportunity from the stage the board showed it in to another stage of its pipeline.
 * The write is conditional on `fromStageId` and `open`, so a move based on a stale board (someone
 * else moved or closed the card meanwhile) changes nothing and says so (CONFLICT), even when two
 * moves race. A stage change goes on the timeline of the opportunity and of its lead.
 */
export async function moveOpportunity(
  db: TenantDb,
  actor: OpportunityActor,
  input: OpportunityMoveInput,
  now = new Date(),
): Promise<MoveResult> {
  const opportunity = await findVisibleOpportunity(db, actor.viewer, input.id, {
    id: true,
    pipelineId: true,
    stageId: true,
    status: true,
    leadId: true,
    stageEnteredAt: true,
  });
  const toStage = await db.stage.findUnique({ where: { id: input.toStageId }, select: { id: true, name: true, pipelineId: true } });
  if (!toStage) throw stageNotFound();
  if (toStage.pipelineId !== opportunity.pipelineId) throw stageNotInPipeline();
  if (opportunity.status !== "open" || opportunity.stageId !== input.fromStageId) throw movedByOthers();
  if (input.toStageId === input.fromStageId)
    return { id: opportunity.id, stageId: opportunity.stageId, stageEnteredAt: opportunity.stageEnteredAt };

  const { count } = await db.opportunity.updateMany({
    where: { id: opportunity.id, stageId: input.fromStageId, status: "open" },
    data: { stageId: toStage.id, stageEnteredAt: now },
  });
  if (count === 0) throw movedByOthers();
  const fromStage = await db.stage.findUniqueOrThrow({ where: { id: input.fromStageId }, select: { name: true } });
  await recordStageChange(db, actor.by, {
    opportunityId: opportunity.id,
    leadId: opportunity.leadId,
    from: { id: input.fromStageId, name: fromStage.name },
    to: toStage,
    at: now,
  });
  return { id: opportunity.id, stageId: toStage.id, stageEnteredAt: now };
}
