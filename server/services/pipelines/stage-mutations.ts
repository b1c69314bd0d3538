import type { z } from "zod";
import type { StageCreateInput, StageUpdateInput } from "@/lib/schemas/pipeline";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { isForeignKeyViolation } from "@/server/services/inventory/unique-violation";
import { pipelineNotFound, stageNameTaken, stageNotFound } from "./pipeline-errors";

type CreateData = z.output<typeof StageCreateInput>;
type UpdateData = z.output<typeof StageUpdateInput>["data"];
type StageRef = { id: string; name: string; pipelineId: string };
const stageRef = { id: true, name: true, pipelineId: true } as const;

async function assertNameFree(db: TenantDb, pipelineId: string, name: string, exceptId?: string): Promise<void> {
  const clash = await db.stage.findFirst({
    where: { pipelineId, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw stageNameTaken();
}

/** A new stage goes at the end of its pipeline. */
export async function createStage(db: TenantDb, data: CreateData): Promise<StageRef> {
  const pipeline = await db.pipeline.findUnique({ where: { id: data.pipelineId }, select: { id: true } });
  if (!pipeline) throw pipelineNotFound();
  await assertNameFree(db, data.pipelineId, data.name);
  const last = await db.stage.aggregate({ where: { pipelineId: data.pipelineId }, _max: { position: true } });
  return db.stage.create({
    data: {
      pipelineId: data.pipelineId,
      name: data.name,
      probability: data.probability,
      rottingDays: data.rottingDays ?? null,
      position: (last._max.position ?? -1) + 1,
    },
    select: stageRef,
  });
}

export async function updateStage(db: TenantDb, id: string, data: UpdateData): Promise<StageRef> {
  const stage = await db.stage.findUnique({ where: { id }, select: { pipelineId: true } });
  if (!stage) throw stageNotFound();
  if (data.name !== undefined) await assertNameFree(db, stage.pipelineId, data.name, id);
  return db.stage.update({ where: { id }, data, select: stageRef });
}

/** `stageIds` must name every stage of the pipeline exactly once: a partial order would be ambiguous. */
export async function reorderStages(db: TenantDb, pipelineId: string, stageIds: readonly string[]): Promise<void> {
  const pipeline = await db.pipeline.findUnique({ where: { id: pipelineId }, select: { stages: { select: { id: true } } } });
  if (!pipeline) throw pipelineNotFound();
  const current = new Set(pipeline.stages.map((s) => s.id));
  const given = new Set(stageIds);
  if (given.size !== stageIds.length || given.size !== current.size || stageIds.some((id) => !current.has(id))) {
    throw new AppError("INVALID_INPUT", "pipelines.errors.reorder_mismatch");
  }
  for (const [position, id] of stageIds.entries()) {
    await db.stage.update({ where: { id }, data: { position } });
  }
}

/** Only an empty stage goes (the message tells how many opportunities are still in it), never a pipeline's last one. */
export async function deleteStage(db: TenantDb, id: string): Promise<StageRef> {
  const stage = await db.stage.findUnique({ where: { id }, select: stageRef });
  if (!stage) throw stageNotFound();
  const used = await db.opportunity.count({ where: { stageId: id } });
  if (used > 0) throw new AppError("CONFLICT", `pipelines.errors.stage_not_empty?count=${used}`, { count: used });
  if ((await db.stage.count({ where: { pipelineId: stage.pipelineId } })) <= 1) {
    throw new AppError("CONFLICT", "pipelines.errors.last_stage");
  }
  try {
    await db.stage.delete({ where: { id } });
  } catch (error) {
    if (isForeignKeyViolation(error)) throw new AppError("CONFLICT", "pipelines.errors.stage_in_use");
    throw error;
  }
  return stage;
}
