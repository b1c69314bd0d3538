import type { z } from "zod";
import type { TaskOutput, TaskUpdateInput } from "@/lib/schemas/task";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { assertAssignable, findVisibleTask, type TaskActor } from "./task-access";
import { taskSelect, toTaskOutput } from "./task-output";

type UpdateData = z.output<typeof TaskUpdateInput>["data"];

export async function updateTask(db: TenantDb, actor: TaskActor, id: string, data: UpdateData): Promise<TaskOutput> {
  const task = await findVisibleTask(db, actor.viewer, id);
  if (data.assigneeId !== undefined && data.assigneeId !== task.assigneeId) await assertAssignable(db, actor.viewer, data.assigneeId);
  const row = await db.task.update({ where: { id }, data, select: taskSelect });
  return toTaskOutput(row);
}

/** Moves an open task's due date; a done task has nothing left to schedule. */
export async function rescheduleTask(db: TenantDb, actor: TaskActor, id: string, dueAt: Date): Promise<TaskOutput> {
  const task = await findVisibleTask(db, actor.viewer, id);
  if (task.completedAt) throw new AppError("CONFLICT", "tasks.errors.alreadyCompleted");
  const row = await db.task.update({ where: { id }, data: { dueAt }, select: taskSelect });
  return toTaskOutput(row);
}

/** Reps delete only tasks they created or that are theirs; managers any task they see (all of them). */
export async function deleteTask(db: TenantDb, actor: TaskActor, id: string): Promise<{ id: string }> {
  const task = await findVisibleTask(db, actor.viewer, id);
  const { viewer } = actor;
  const mine = (task.assigneeId !== null && task.assigneeId === viewer.membershipId) || task.createdByUserId === actor.userId;
  if (viewer.role === "rep" && !mine) throw new AppError("FORBIDDEN", "tasks.errors.deleteForbidden");
  await db.task.delete({ where: { id } });
  return { id };
}
