import type { TaskOutput } from "@/lib/schemas/task";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { recordActivity } from "@/server/services/activities/record-activity";
import { rescoreLeads } from "@/server/services/scoring/rescore-leads";
import { findVisibleTask, type TaskActor } from "./task-access";
import { taskSelect, toTaskOutput } from "./task-output";

/**
 * Marks the task done (once: a second call is a CONFLICT, so a double click cannot log twice) and
 * puts a task_completed entry on the linked timeline.
 */
export async function completeTask(db: TenantDb, actor: TaskActor, id: string, now: Date = new Date()): Promise<TaskOutput> {
  const task = await findVisibleTask(db, actor.viewer, id);
  // Conditional update: two concurrent completions cannot both pass the check.
  const { count } = await db.task.updateMany({
    where: { id, completedAt: null },
    data: { completedAt: now, completedByUserId: actor.userId },
  });
  if (count === 0) throw new AppError("CONFLICT", "tasks.errors.alreadyCompleted");
  if (task.leadId || task.opportunityId) {
    await recordActivity(db, actor, {
      kind: "task_completed",
      leadId: task.leadId,
      opportunityId: task.opportunityId,
      data: { taskId: task.id, title: task.title, type: task.type },
      occurredAt: now,
    });
  }
  return toTaskOutput(await db.task.findUniqueOrThrow({ where: { id }, select: taskSelect }), now);
}

/**
 * Opens a done task again. Reopening undoes the completion, so its timeline entry goes too (the
 * timeline would otherwise claim a task is done that is open).
 */
export async function reopenTask(db: TenantDb, actor: TaskActor, id: string): Promise<TaskOutput> {
  const task = await findVisibleTask(db, actor.viewer, id);
  if (!task.completedAt) throw new AppError("CONFLICT", "tasks.errors.notCompleted");
  await db.task.update({ where: { id }, data: { completedAt: null, completedByUserId: null } });
  const { count } = await db.activity.deleteMany({
    where: { kind: "task_completed", occurredAt: task.completedAt, data: { path: ["taskId"], equals: task.id } },
  });
  if (count > 0 && task.leadId) await rescoreLeads(db, [task.leadId]);
  return toTaskOutput(await db.task.findUniqueOrThrow({ where: { id }, select: taskSelect }));
}
