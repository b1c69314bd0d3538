import type { ActivityKind, Prisma } from "@/prisma/generated/client";
import type { TenantDb } from "@/server/db";
import { rescoreLeads } from "@/server/services/scoring/rescore-leads";

/** Activities that count as contact with the lead (Lead.lastContactAt, score decay). */
export const CONTACT_KINDS: readonly ActivityKind[] = ["call", "email", "meeting"];

export type ActivityActor = { userId: string | null; name: string | null };

export type NewActivity = {
  kind: ActivityKind;
  leadId?: string | null;
  opportunityId?: string | null;
  body?: string | null;
  data?: Prisma.InputJsonValue;
  occurredAt?: Date;
};

/**
 * Appends one entry to a lead's (and/or opportunity's) timeline in the caller's transaction. A
 * contact moves the lead's lastContactAt forward (never back) and every activity on a lead
 * rescores it, since behaviour rules read activities.
 */
export async function recordActivity(db: TenantDb, actor: ActivityActor, activity: NewActivity): Promise<{ id: string }> {
  const occurredAt = activity.occurredAt ?? new Date();
  const row = await db.activity.create({
    data: {
      kind: activity.kind,
      leadId: activity.leadId ?? null,
      opportunityId: activity.opportunityId ?? null,
      body: activity.body ?? null,
      data: activity.data,
      actorUserId: actor.userId,
      actorName: actor.name,
      occurredAt,
    },
    select: { id: true },
  });
  if (activity.leadId) {
    if (CONTACT_KINDS.includes(activity.kind)) {
      await db.lead.updateMany({
        where: { id: activity.leadId, OR: [{ lastContactAt: null }, { lastContactAt: { lt: occurredAt } }] },
        data: { lastContactAt: occurredAt },
      });
    }
    await rescoreLeads(db, [activity.leadId]);
  }
  return row;
}
