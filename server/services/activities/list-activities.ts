import type { z } from "zod";
import type { ActivityListInput, ActivityPage } from "@/lib/schemas/activity";
import type { Prisma } from "@/prisma/generated/client";
import type { TenantDb } from "@/server/db";
import type { CrmViewer } from "@/server/services/crm/access";
import { assertLeadVisible, assertOpportunityVisible } from "@/server/services/crm/visible-records";
import { activitySelect, toActivityItem } from "./activity-output";

type ListInput = z.output<typeof ActivityListInput>;

export function encodeActivityCursor(item: { occurredAt: Date; id: string }): string {
  return `${item.occurredAt.toISOString()}_${item.id}`;
}

/** Entries strictly after the cursor in (occurredAt DESC, id DESC) order: ties on occurredAt are split by id. */
function afterCursor(cursor: string): Prisma.ActivityWhereInput {
  const split = cursor.lastIndexOf("_");
  const occurredAt = new Date(cursor.slice(0, split));
  const id = cursor.slice(split + 1);
  return { OR: [{ occurredAt: { lt: occurredAt } }, { occurredAt, id: { lt: id } }] };
}

/**
 * A lead's or an opportunity's timeline, newest first. A lead's includes what happened on its
 * opportunities. Keyset-paginated on (occurredAt, id) rather than by row id, so a page boundary
 * survives entries being added or deleted meanwhile.
 */
export async function listActivities(db: TenantDb, viewer: CrmViewer, input: ListInput): Promise<ActivityPage> {
  let subject: Prisma.ActivityWhereInput;
  if (input.leadId) {
    await assertLeadVisible(db, viewer, input.leadId);
    subject = { OR: [{ leadId: input.leadId }, { opportunity: { leadId: input.leadId } }] };
  } else {
    await assertOpportunityVisible(db, viewer, input.opportunityId!);
    subject = { opportunityId: input.opportunityId };
  }
  const rows = await db.activity.findMany({
    where: {
      AND: [subject, input.kinds?.length ? { kind: { in: input.kinds } } : {}, input.cursor ? afterCursor(input.cursor) : {}],
    },
    select: activitySelect,
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
  });
  const hasMore = rows.length > input.limit;
  const items = (hasMore ? rows.slice(0, input.limit) : rows).map(toActivityItem);
  const last = items.at(-1);
  return { items, nextCursor: hasMore && last ? encodeActivityCursor(last) : null };
}
