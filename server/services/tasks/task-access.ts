import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { mayAssignTo, visibleTaskWhere, type CrmViewer } from "@/server/services/crm/access";
import type { ActivityActor } from "@/server/services/activities/record-activity";

/** Who is acting on tasks: what they may see, and how they appear on the timeline. */
export type TaskActor = ActivityActor & { viewer: CrmViewer };

export const taskNotFound = () => new AppError("NOT_FOUND", "tasks.errors.notFound");

/** The task if the viewer may see it; another rep's task on a private lead fails exactly like a missing one. */
export async function findVisibleTask(db: TenantDb, viewer: CrmViewer, id: string) {
  const task = await db.task.findFirst({
    where: { AND: [{ id }, visibleTaskWhere(viewer)] },
    select: {
      id: true,
      title: true,
      type: true,
      leadId: true,
      opportunityId: true,
      assigneeId: true,
      completedAt: true,
      createdByUserId: true,
    },
  });
  if (!task) throw taskNotFound();
  return task;
}

/**
 * Reps give tasks only to themselves; anyone's assignee must be a member of this tenant (RLS hides
 * other tenants' memberships, so those fail like unknown ids).
 */
export async function assertAssignable(db: TenantDb, viewer: CrmViewer, assigneeId: string | null): Promise<void> {
  if (!mayAssignTo(viewer, assigneeId)) {
    throw new AppError("FORBIDDEN", "tasks.errors.assignOnlySelf", { fieldErrors: { assigneeId: ["tasks.errors.assignOnlySelf"] } });
  }
  if (!assigneeId) return;
  const member = await db.membership.findUnique({ where: { id: assigneeId }, select: { id: true } });
  if (!member) {
    throw new AppError("INVALID_INPUT", "tasks.errors.assigneeNotMember", {
      fieldErrors: { assigneeId: ["tasks.errors.assigneeNotMember"] },
    });
  }
}
