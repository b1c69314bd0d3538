import type { z } from "zod";
import type { OpportunityCreateInput, OpportunityDetail } from "@/lib/schemas/opportunity";
import type { TenantDb } from "@/server/db";
import { recordActivity } from "@/server/services/activities/record-activity";
import type { OpportunityActor } from "./opportunity-actor";
import { titleRequired } from "./opportunity-errors";
import { assertAssignable, dayToDate, lineRows, stageFor, valueOfLines, visibleLead } from "./opportunity-fields";
import { opportunityDetailSelect, toOpportunityDetail } from "./opportunity-output";

type CreateData = z.output<typeof OpportunityCreateInput>;

/**
 * Creates an open opportunity. Without a title it takes its lead's company (or name); without an
 * owner it belongs to whoever creates it; with lines its value is their sum.
 */
export async function createOpportunity(db: TenantDb, actor: OpportunityActor, data: CreateData): Promise<OpportunityDetail> {
  const lead = data.leadId ? await visibleLead(db, actor.viewer, data.leadId) : null;
  const title = data.title || lead?.company || lead?.name;
  if (!title) throw titleRequired();
  const stage = await stageFor(db, data.stageId);
  const ownerId = data.ownerId === undefined ? actor.viewer.membershipId : data.ownerId;
  await assertAssignable(db, actor.viewer, ownerId);
  const lines = data.lines ?? [];
  const value = lines.length > 0 ? valueOfLines(lines) : (data.value ?? "0.00");

  const row = await db.opportunity.create({
    data: {
      title,
      leadId: lead?.id ?? null,
      pipelineId: stage.pipelineId,
      stageId: stage.id,
      ownerId,
      value,
      expectedCloseOn: dayToDate(data.expectedCloseOn),
      lines: { create: lineRows(lines) },
    },
    select: opportunityDetailSelect,
  });
  await recordActivity(db, actor.by, {
    kind: "opportunity_created",
    opportunityId: row.id,
    leadId: row.lead?.id ?? null,
    data: { title, value },
  });
  return toOpportunityDetail(row);
}
