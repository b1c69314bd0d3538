import { MY_DAY_BUCKET_LIMIT, startOfZonedDay, type MyDayOutput } from "@/lib/schemas/task";
import type { Prisma } from "@/prisma/generated/client";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { visibleTaskWhere } from "@/server/services/crm/access";
import { assigneeWhere } from "./list-tasks";
import type { TaskActor } from "./task-access";
import { taskSelect, toTaskOutput } from "./task-output";

/**
 * The day of one assignee, in the tenant's time zone (lib/schemas/task.ts): open tasks past due;
 * today's tasks still ahead plus today's done ones (so the day's progress stays in view); open
 * tasks of the next seven days. Reps see only their own day.
 */
export async function myDay(db: TenantDb, actor: TaskActor, assignee: "me" | string, now: Date = new Date()): Promise<MyDayOutput> {
  const { viewer } = actor;
  if (viewer.role === "rep" && assignee !== "me" && assignee !== viewer.membershipId) {
    throw new AppError("FORBIDDEN", "tasks.errors.othersDayForbidden");
  }
  const base: Prisma.TaskWhereInput = { AND: [visibleTaskWhere(viewer), await assigneeWhere(db, actor, assignee)] };
  const todayStart = startOfZonedDay(now);
  const tomorrowStart = startOfZonedDay(now, 1);
  const weekEnd = startOfZonedDay(now, 8);

  const buckets = {
    overdue: { completedAt: null, dueAt: { lt: now } },
    today: {
      dueAt: { gte: todayStart, lt: tomorrowStart },
      OR: [{ completedAt: { not: null } }, { dueAt: { gte: now } }],
    },
    upcoming: { completedAt: null, dueAt: { gte: tomorrowStart, lt: weekEnd } },
  } satisfies Record<string, Prisma.TaskWhereInput>;

  const load = async (where: Prisma.TaskWhereInput) => {
    const full = { AND: [base, where] };
    const rows = await db.task.findMany({
      where: full,
      select: taskSelect,
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      take: MY_DAY_BUCKET_LIMIT,
    });
    const count = rows.length < MY_DAY_BUCKET_LIMIT ? rows.length : await db.task.count({ where: full });
    return { items: rows.map((row) => toTaskOutput(row, now)), count };
  };
  const overdue = await load(buckets.overdue);
  const today = await load(buckets.today);
  const upcoming = await load(buckets.upcoming);
  return {
    overdue: overdue.items,
    today: today.items,
    upcoming: upcoming.items,
    counts: { overdue: overdue.count, today: today.count, upcoming: upcoming.count },
  };
}
