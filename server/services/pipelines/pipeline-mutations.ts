import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { isForeignKeyViolation } from "@/server/services/inventory/unique-violation";
import { DEFAULT_STAGES } from "./default-stages";
import { pipelineNameTaken, pipelineNotFound } from "./pipeline-errors";

type PipelineRef = { id: string; name: string };

async function assertNameFree(db: TenantDb, name: string, exceptId?: string): Promise<void> {
  const clash = await db.pipeline.findFirst({
    where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw pipelineNameTaken();
}

/** A new pipeline starts with the default stages, to be renamed and reordered in the editor. */
export async function createPipeline(db: TenantDb, data: { name: string }): Promise<PipelineRef> {
  await assertNameFree(db, data.name);
  const last = await db.pipeline.aggregate({ _max: { position: true } });
  return db.pipeline.create({
    data: {
      name: data.name,
      position: (last._max.position ?? -1) + 1,
      stages: { create: DEFAULT_STAGES.map((stage, position) => ({ ...stage, position })) },
    },
    select: { id: true, name: true },
  });
}

export async function renamePipeline(db: TenantDb, id: string, data: { name: string }): Promise<PipelineRef> {
  const existing = await db.pipeline.findUnique({ where: { id }, select: { id: true } });
  if (!existing) throw pipelineNotFound();
  await assertNameFree(db, data.name, id);
  return db.pipeline.update({ where: { id }, data: { name: data.name }, select: { id: true, name: true } });
}

/**
 * Only an empty pipeline goes (opportunities keep their history: close or move them first), and
 * never the last one: the board always has a pipeline to show.
 */
export async function deletePipeline(db: TenantDb, id: string): Promise<PipelineRef> {
  const pipeline = await db.pipeline.findUnique({ where: { id }, select: { id: true, name: true } });
  if (!pipeline) throw pipelineNotFound();
  const used = await db.opportunity.count({ where: { pipelineId: id } });
  if (used > 0) throw new AppError("CONFLICT", `pipelines.errors.pipeline_not_empty?count=${used}`, { count: used });
  if ((await db.pipeline.count()) <= 1) throw new AppError("CONFLICT", "pipelines.errors.last_pipeline");
  try {
    await db.pipeline.delete({ where: { id } });
  } catch (error) {
    // An opportunity was created in it after the count: its stage's foreign key refuses.
    if (isForeignKeyViolation(error)) throw new AppError("CONFLICT", "pipelines.errors.pipeline_in_use");
    throw error;
  }
  return pipeline;
}
