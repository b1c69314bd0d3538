import type { TaskOutput } from "@/lib/schemas/task";
import type { Prisma } from "@/prisma/generated/client";

export const taskSelect = {
  id: true,
  title: true,
  type: true,
  dueAt: true,
  completedAt: true,
  notes: true,
  assignee: { select: { id: true, user: { select: { name: true } } } },
  lead: { select: { id: true, name: true } },
  opportunity: { select: { id: true, title: true } },
} satisfies Prisma.TaskSelect;

type TaskRow = Prisma.TaskGetPayload<{ select: typeof taskSelect }>;

export function toTaskOutput(row: TaskRow, now: Date = new Date()): TaskOutput {
  const { assignee, ...rest } = row;
  return {
    ...rest,
    assignee: assignee ? { id: assignee.id, name: assignee.user.name } : null,
    overdue: row.completedAt === null && row.dueAt.getTime() < now.getTime(),
  };
}
