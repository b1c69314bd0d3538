import { z } from "zod";
import { messageKey } from "@/lib/i18n";

/** Task types as in the schema's TaskType enum (the tasks area owns tasks; cards only show them). */
const TASK_TYPES_ON_CARD = ["call", "email", "meeting", "todo"] as const;

const id = z.uuid({ message: messageKey("invalid_id") });

const pipelineName = z
  .string({ message: messageKey("required") })
  .trim()
  .min(1, messageKey("required"))
  .max(80, messageKey("too_long", { max: 80 }));

export const PipelineId = z.object({ id });
export const PipelineCreateInput = z.object({ name: pipelineName });
export type PipelineCreateInput = z.input<typeof PipelineCreateInput>;
export const PipelineUpdateInput = z.object({ id, data: z.object({ name: pipelineName }) });
export type PipelineUpdateInput = z.input<typeof PipelineUpdateInput>;

export const StageFields = z.object({
  name: z
    .string({ message: messageKey("required") })
    .trim()
    .min(1, messageKey("required"))
    .max(60, messageKey("too_long", { max: 60 })),
  probability: z.coerce
    .number({ message: "pipelines.errors.invalid_probability" })
    .int("pipelines.errors.invalid_probability")
    .min(0, "pipelines.errors.invalid_probability")
    .max(100, "pipelines.errors.invalid_probability"),
  /** Empty / null: the stage never rots. */
  rottingDays: z
    .union([z.literal(""), z.null(), z.coerce.number({ message: "pipelines.errors.invalid_rotting_days" })])
    .transform((v) => (v === "" || v === null ? null : v))
    .pipe(
      z
        .number()
        .int("pipelines.errors.invalid_rotting_days")
        .min(1, "pipelines.errors.invalid_rotting_days")
        .max(3650, "pipelines.errors.invalid_rotting_days")
        .nullable(),
    )
    .optional(),
});
export type StageFields = z.input<typeof StageFields>;

export const StageId = z.object({ id });
export const StageCreateInput = StageFields.extend({ pipelineId: id });
export type StageCreateInput = z.input<typeof StageCreateInput>;
export const StageUpdateInput = z.object({ id, data: StageFields.partial() });
export type StageUpdateInput = z.input<typeof StageUpdateInput>;
/** The pipeline's stages, every one of them, in their new order. */
export const StageReorderInput = z.object({ pipelineId: id, stageIds: z.array(id).min(1).max(30) });

export const StageOutput = z.object({
  id: z.string(),
  name: z.string(),
  position: z.number().int(),
  probability: z.number().int(),
  rottingDays: z.number().int().nullable(),
  /** Opportunities of any status in the stage; null for viewers who do not see every record. */
  opportunityCount: z.number().int().nullable(),
});
export type StageOutput = z.infer<typeof StageOutput>;

export const PipelineOutput = z.object({
  id: z.string(),
  name: z.string(),
  position: z.number().int(),
  stages: z.array(StageOutput),
});
export type PipelineOutput = z.infer<typeof PipelineOutput>;

// ---------------------------------------------------------------- board

export const BoardInput = z.object({
  /** Omitted: the tenant's first pipeline. */
  pipelineId: id.optional(),
  /** "me": the viewer's; "anyone" (default): everything the viewer may see; or a member's id. */
  owner: z.union([z.literal("me"), z.literal("anyone"), z.literal("none"), id]).optional(),
  search: z
    .string()
    .trim()
    .max(100, messageKey("too_long", { max: 100 }))
    .optional(),
});
export type BoardInput = z.input<typeof BoardInput>;

const ref = z.object({ id: z.string(), name: z.string() });

export const BoardCard = z.object({
  id: z.string(),
  title: z.string(),
  value: z.string(),
  stageId: z.string(),
  lead: ref.nullable(),
  owner: ref.nullable(),
  expectedCloseOn: z.string().nullable(),
  stageEnteredAt: z.date(),
  ageDays: z.number().int(),
  rotting: z.boolean(),
  nextTask: z
    .object({ id: z.string(), title: z.string(), type: z.enum(TASK_TYPES_ON_CARD), dueAt: z.date(), overdue: z.boolean() })
    .nullable(),
  overdueTasks: z.number().int(),
});
export type BoardCard = z.infer<typeof BoardCard>;

export const BoardColumn = z.object({
  id: z.string(),
  name: z.string(),
  probability: z.number().int(),
  rottingDays: z.number().int().nullable(),
  count: z.number().int(),
  total: z.string(),
  weighted: z.string(),
  cards: z.array(BoardCard),
  /** More open opportunities than the cards shown (the board shows the newest of each stage). */
  truncated: z.boolean(),
});
export type BoardColumn = z.infer<typeof BoardColumn>;

export const BoardOutput = z.object({
  pipeline: ref,
  columns: z.array(BoardColumn),
  totals: z.object({ count: z.number().int(), total: z.string(), weighted: z.string() }),
});
export type BoardOutput = z.infer<typeof BoardOutput>;
