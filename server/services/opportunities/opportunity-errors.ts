import { AppError } from "@/server/errors";

export const opportunityNotFound = () => new AppError("NOT_FOUND", "pipelines.errors.opportunity_not_found");

/** The board's card was stale: someone moved or closed it since the viewer loaded the board. */
export const movedByOthers = () => new AppError("CONFLICT", "pipelines.errors.moved_by_others");

export const notOpen = () => new AppError("CONFLICT", "pipelines.errors.not_open");
export const alreadyOpen = () => new AppError("CONFLICT", "pipelines.errors.already_open");

export const stageNotInPipeline = () =>
  new AppError("INVALID_INPUT", "pipelines.errors.stage_other_pipeline", {
    fieldErrors: { toStageId: ["pipelines.errors.stage_other_pipeline"] },
  });

export const unknownStage = () =>
  new AppError("INVALID_INPUT", "pipelines.errors.stage_not_found", { fieldErrors: { stageId: ["pipelines.errors.stage_not_found"] } });

export const assignSelfOnly = () =>
  new AppError("FORBIDDEN", "pipelines.errors.assign_self_only", { fieldErrors: { ownerId: ["pipelines.errors.assign_self_only"] } });

export const ownerNotMember = () =>
  new AppError("INVALID_INPUT", "errors.owner_not_member", { fieldErrors: { ownerId: ["errors.owner_not_member"] } });

export const titleRequired = () =>
  new AppError("INVALID_INPUT", "pipelines.errors.title_required", { fieldErrors: { title: ["pipelines.errors.title_required"] } });
