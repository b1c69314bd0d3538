import type { z } from "zod";
import type { TaskListInput, TaskPage } from "@/lib/schemas/task";
import type { Prisma } from "@/prisma/generated/client";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { visibleTaskWhere } from "@/server/services/crm/access";
import { assertLeadVisible, assertOpportunityVisible } from "@/server/services/crm/visible-records";
import type { TaskActor } from "./task-access";
import { taskSelect, toTaskOutput } from "./task-output";

type ListInput = z.output<typeof TaskListInput>;

// The nil UUID matches no membership: "my tasks" of an actor without one (support, API key).
const NOBODY = "00000000-0000-0000-0000-000000000000";

/** The assignee filter as a where clause; an id must be a member of this tenant (else NOT_FOUND). */
export async function assigneeWhere(db: TenantDb, actor: TaskActor, assignee: "me" | "all" | string): Promise<Prisma.TaskWhereInput> {
  if (assignee === "all") return {};
  if (assignee === "me") return { assigneeId: actor.viewer.membershipId ?? NOBODY };
  const member = await db.membership.findUnique({ where: { id: assignee }, select: { id: true } });
  if (!member) throw new AppError("NOT_FOUND", "tasks.errors.assigneeNotMember");
  return { assigneeId: assignee };
}

/**
 * Open tasks soonest first, done ones most recently done first; keyset-paginated by id (Prisma
 * compares the cursor row's sort keys, with the id breaking ties).
 */
export async function listTasks(db: TenantDb, actor: TaskActor, input: ListInput, now: Date = new Date()): Promise<TaskPage> {
  if (input.leadId) await assertLeadVisible(db, actor.viewer, input.leadId);
  if (input.opportunityId) await assertOpportunityVisible(db, actor.viewer, input.opportunityId);
  const open = input.status === "open";
  const where: Prisma.TaskWhereInput = {
    AND: [
      visibleTaskWhere(actor.viewer),
      await assigneeWhere(db, actor, input.assignee),
      input.leadId ? { leadId: input.leadId } : {},
      input.opportunityId ? { opportunityId: input.opportunityId } : {},
      open ? { completedAt: null } : { completedAt: { not: null } },
    ],
  };
  const rows = await db.task.findMany({
    where,
    select: taskSelect,
    orderBy: open ? [{ dueAt: "asc" }, { id: "asc" }] : [{ completedAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const hasMore = rows.length > input.limit;
  const items = (hasMore ? rows.slice(0, input.limit) : rows).map((row) => toTaskOutput(row, now));
  return { items, nextCursor: hasMore ? (items.at(-1)?.id ?? null) : null };
}
