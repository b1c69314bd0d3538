import type { z } from "zod";
import type { OpportunityDetail, OpportunityUpdateInput } from "@/lib/schemas/opportunity";
import type { Prisma } from "@/prisma/generated/client";
import type { TenantDb } from "@/server/db";
import { findVisibleOpportunity } from "./find-visible-opportunity";
import type { OpportunityActor } from "./opportunity-actor";
import { titleRequired } from "./opportunity-errors";
import { assertAssignable, dayToDate, lineRows, stageFor, valueOfLines, visibleLead } from "./opportunity-fields";
import { opportunityDetailSelect, toOpportunityDetail } from "./opportunity-output";
import { recordStageChange } from "./record-stage-change";

type UpdateData = z.output<typeof OpportunityUpdateInput>["data"];

/**
 * Changes the given fields. `lines`, when given, replace all lines; whenever the opportunity has
 * lines afterwards its value is their sum. A stage change (possibly to another pipeline) restarts
 * the age in stage and, for an open opportunity, goes on the timeline like a move on the board.
 */
export async function updateOpportunity(
  db: TenantDb,
  actor: OpportunityActor,
  id: string,
  data: UpdateData,
  now = new Date(),
): Promise<OpportunityDetail> {
  const current = await findVisibleOpportunity(db, actor.viewer, id, {
    id: true,
    title: true,
    status: true,
    leadId: true,
    ownerId: true,
    stage: { select: { id: true, name: true } },
    lines: { select: { quantity: true, unitPrice: true } },
  });
  const patch: Prisma.OpportunityUncheckedUpdateInput = {};

  const lead =
    data.leadId === undefined || data.leadId === current.leadId
      ? undefined
      : data.leadId === null
        ? null
        : await visibleLead(db, actor.viewer, data.leadId);
  if (lead !== undefined) patch.leadId = lead?.id ?? null;

  if (data.title !== undefined) {
    const fallback =
      lead ?? (current.leadId ? await db.lead.findUnique({ where: { id: current.leadId }, select: { name: true, company: true } }) : null);
    const title = data.title || fallback?.company || fallback?.name;
    if (!title) throw titleRequired();
    patch.title = title;
  }
  if (data.ownerId !== undefined && data.ownerId !== current.ownerId) {
    await assertAssignable(db, actor.viewer, data.ownerId);
    patch.ownerId = data.ownerId;
  }
  if (data.expectedCloseOn !== undefined) patch.expectedCloseOn = dayToDate(data.expectedCloseOn);

  if (data.lines !== undefined) {
    await db.opportunityLine.deleteMany({ where: { opportunityId: id } });
    if (data.lines.length > 0)
      await db.opportunityLine.createMany({ data: lineRows(data.lines).map((l) => ({ ...l, opportunityId: id })) });
  }
  const lines = data.lines ?? current.lines.map((l) => ({ quantity: l.quantity, unitPrice: l.unitPrice.toFixed(2) }));
  if (lines.length > 0) patch.value = valueOfLines(lines);
  else if (data.value !== undefined) patch.value = data.value;

  const stage = data.stageId && data.stageId !== current.stage.id ? await stageFor(db, data.stageId) : null;
  if (stage) Object.assign(patch, { pipelineId: stage.pipelineId, stageId: stage.id, stageEnteredAt: now });

  const row = await db.opportunity.update({ where: { id }, data: patch, select: opportunityDetailSelect });
  if (stage && current.status === "open") {
    await recordStageChange(db, actor.by, { opportunityId: id, leadId: row.lead?.id ?? null, from: current.stage, to: stage, at: now });
  }
  return toOpportunityDetail(row);
}
