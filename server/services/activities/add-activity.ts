import type { z } from "zod";
import type { ActivityItem, ContactLogInput, NoteCreateInput } from "@/lib/schemas/activity";
import type { TenantDb } from "@/server/db";
import type { CrmViewer } from "@/server/services/crm/access";
import { assertLeadVisible, assertOpportunityVisible } from "@/server/services/crm/visible-records";
import { recordActivity, type ActivityActor } from "./record-activity";
import { activitySelect, toActivityItem } from "./activity-output";

type NoteData = z.output<typeof NoteCreateInput>;
type ContactData = z.output<typeof ContactLogInput>;

async function loadItem(db: TenantDb, id: string): Promise<ActivityItem> {
  return toActivityItem(await db.activity.findUniqueOrThrow({ where: { id }, select: activitySelect }));
}

/** A note on a lead or an opportunity; a note on an opportunity also shows on its lead's timeline. */
export async function addNote(db: TenantDb, viewer: CrmViewer, actor: ActivityActor, input: NoteData): Promise<ActivityItem> {
  let leadId = input.leadId ?? null;
  if (input.opportunityId) {
    await assertOpportunityVisible(db, viewer, input.opportunityId);
    const opportunity = await db.opportunity.findUniqueOrThrow({ where: { id: input.opportunityId }, select: { leadId: true } });
    leadId = opportunity.leadId;
  } else if (leadId) {
    await assertLeadVisible(db, viewer, leadId);
  }
  const { id } = await recordActivity(db, actor, { kind: "note", leadId, opportunityId: input.opportunityId ?? null, body: input.body });
  return loadItem(db, id);
}

/** A call, e-mail or meeting logged by hand; recordActivity moves lastContactAt and rescores. */
export async function logContact(db: TenantDb, viewer: CrmViewer, actor: ActivityActor, input: ContactData): Promise<ActivityItem> {
  await assertLeadVisible(db, viewer, input.leadId);
  const data =
    input.kind === "call" && (input.outcome !== undefined || input.durationSec !== undefined)
      ? {
          ...(input.outcome ? { outcome: input.outcome } : {}),
          ...(input.durationSec !== undefined ? { durationSec: input.durationSec } : {}),
        }
      : undefined;
  const { id } = await recordActivity(db, actor, {
    kind: input.kind,
    leadId: input.leadId,
    body: input.body ?? null,
    data,
    occurredAt: input.occurredAt,
  });
  return loadItem(db, id);
}
