import { z } from "zod";
import {
  MyDayInput,
  MyDayOutput,
  TaskAssignees,
  TaskCreateInput,
  TaskId,
  TaskListInput,
  TaskOutput,
  TaskPage,
  TaskRescheduleInput,
  TaskUpdateInput,
} from "@/lib/schemas/task";
import { router } from "@/server/trpc/init";
import { tenantProcedure, type TenantContext } from "@/server/trpc/tenant-procedure";
import { completeTask, reopenTask } from "@/server/services/tasks/complete-task";
import { createTask } from "@/server/services/tasks/create-task";
import { listAssignees } from "@/server/services/tasks/list-assignees";
import { listTasks } from "@/server/services/tasks/list-tasks";
import { myDay } from "@/server/services/tasks/my-day";
import type { TaskActor } from "@/server/services/tasks/task-access";
import { deleteTask, rescheduleTask, updateTask } from "@/server/services/tasks/update-task";

const actorOf = (ctx: TenantContext): TaskActor => ({ viewer: ctx.crm, userId: ctx.actor.userId, name: ctx.actor.name });

export const tasksRouter = router({
  list: tenantProcedure
    .input(TaskListInput)
    .output(TaskPage)
    .query(({ ctx, input }) => listTasks(ctx.db, actorOf(ctx), input)),
  myDay: tenantProcedure
    .input(MyDayInput)
    .output(MyDayOutput)
    .query(({ ctx, input }) => myDay(ctx.db, actorOf(ctx), input.assignee)),
  assignees: tenantProcedure.output(TaskAssignees).query(({ ctx }) => listAssignees(ctx.db, ctx.crm)),
  create: tenantProcedure
    .input(TaskCreateInput)
    .output(TaskOutput)
    .mutation(({ ctx, input }) => createTask(ctx.db, actorOf(ctx), input)),
  update: tenantProcedure
    .input(TaskUpdateInput)
    .output(TaskOutput)
    .mutation(({ ctx, input }) => updateTask(ctx.db, actorOf(ctx), input.id, input.data)),
  complete: tenantProcedure
    .input(TaskId)
    .output(TaskOutput)
    .mutation(({ ctx, input }) => completeTask(ctx.db, actorOf(ctx), input.id)),
  reopen: tenantProcedure
    .input(TaskId)
    .output(TaskOutput)
    .mutation(({ ctx, input }) => reopenTask(ctx.db, actorOf(ctx), input.id)),
  reschedule: tenantProcedure
    .input(TaskRescheduleInput)
    .output(TaskOutput)
    .mutation(({ ctx, input }) => rescheduleTask(ctx.db, actorOf(ctx), input.id, input.dueAt)),
  delete: tenantProcedure
    .input(TaskId)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteTask(ctx.db, actorOf(ctx), input.id)),
});
