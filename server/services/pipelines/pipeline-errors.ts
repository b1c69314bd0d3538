import { AppError } from "@/server/errors";

export const pipelineNotFound = () => new AppError("NOT_FOUND", "pipelines.errors.pipeline_not_found");
export const stageNotFound = () => new AppError("NOT_FOUND", "pipelines.errors.stage_not_found");

export const pipelineNameTaken = () =>
  new AppError("CONFLICT", "pipelines.errors.pipeline_name_taken", { fieldErrors: { name: ["pipelines.errors.pipeline_name_taken"] } });

export const stageNameTaken = () =>
  new AppError("CONFLICT", "pipelines.errors.stage_name_taken", { fieldErrors: { name: ["pipelines.errors.stage_name_taken"] } });
