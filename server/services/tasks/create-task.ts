import type { z } from "zod";
import type { TaskCreateInput, TaskOutput } from "@/lib/schemas/task";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { recordActivity } from "@/server/services/activities/record-activity";
import { assertLeadVisible, assertOpportunityVisible } from "@/server/services/crm/visible-records";
import type { CrmViewer } from "@/server/services/crm/access";
import { assertAssignable, type TaskActor } from "./task-access";
import { taskSelect, toTaskOutput } from "./task-output";

type CreateData = z.output<typeof TaskCreateInput>;

/**
 * The lead and opportunity a task hangs on, both visible to the viewer. A task on an opportunity
 * also shows on its lead, so the lead is taken from the opportunity when not given.
 */
export async function resolveTaskLinks(
  db: TenantDb,
  viewer: CrmViewer,
  leadId: string | null | undefined,
  opportunityId: string | null | undefined,
): Promise<{ leadId: string | null; opportunityId: string | null }> {
  if (opportunityId) {
    await assertOpportunityVisible(db, viewer, opportunityId);
    const opportunity = await db.opportunity.findUniqueOrThrow({ where: { id: opportunityId }, select: { leadId: true } });
    if (leadId && opportunity.leadId !== leadId) {
      throw new AppError("INVALID_INPUT", "tasks.errors.opportunityOfOtherLead", {
        fieldErrors: { opportunityId: ["tasks.errors.opportunityOfOtherLead"] },
      });
    }
    if (leadId) await assertLeadVisible(db, viewer, leadId);
    return { leadId: opportunity.leadId, opportunityId };
  }
  if (leadId) await assertLeadVisible(db, viewer, leadId);
  return { leadId: leadId ?? null, opportunityId: null };
}

/** Creates the task and, when it is linked, a task_created entry on the lead's/opportunity's timeline. */
export async function createTask(db: TenantDb, actor: TaskActor, data: CreateData): Promise<TaskOutput> {
  const assigneeId = data.assigneeId === undefined ? actor.viewer.membershipId : data.assigneeId;
  await assertAssignable(db, actor.viewer, assigneeId);
  const links = await resolveTaskLinks(db, actor.viewer, data.leadId, data.opportunityId);
  const row = await db.task.create({
    data: {
      title: data.title,
      type: data.type,
      dueAt: data.dueAt,
      notes: data.notes ?? null,
      assigneeId,
      ...links,
      createdByUserId: actor.userId,
    },
    select: taskSelect,
  });
  if (links.leadId || links.opportunityId) {
    await recordActivity(db, actor, { kind: "task_created", ...links, data: { taskId: row.id, title: row.title, type: row.type } });
  }
  return toTaskOutput(row);
}
