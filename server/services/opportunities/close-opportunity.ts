import type { OpportunityDetail } from "@/lib/schemas/opportunity";
import type { TenantDb } from "@/server/db";
import { recordActivity } from "@/server/services/activities/record-activity";
import { findVisibleOpportunity } from "./find-visible-opportunity";
import type { OpportunityActor } from "./opportunity-actor";
import { alreadyOpen, notOpen } from "./opportunity-errors";
import { opportunityDetailSelect, toOpportunityDetail } from "./opportunity-output";

type Outcome = { status: "won"; reason: string | null } | { status: "lost"; reason: string };

/**
 * Wins or loses an open opportunity (a loss needs a reason: also a CHECK in the database). The write
 * is conditional on `open`, so closing one that someone else just closed is a CONFLICT, not a
 * second activity.
 */
export async function closeOpportunity(
  db: TenantDb,
  actor: OpportunityActor,
  id: string,
  outcome: Outcome,
  now = new Date(),
): Promise<OpportunityDetail> {
  await findVisibleOpportunity(db, actor.viewer, id, { id: true });
  const { count } = await db.opportunity.updateMany({
    where: { id, status: "open" },
    data: { status: outcome.status, closeReason: outcome.reason, closedAt: now },
  });
  if (count === 0) throw notOpen();
  const row = await db.opportunity.findUniqueOrThrow({ where: { id }, select: opportunityDetailSelect });
  await recordActivity(db, actor.by, {
    kind: outcome.status === "won" ? "opportunity_won" : "opportunity_lost",
    opportunityId: id,
    leadId: row.lead?.id ?? null,
    data: { title: row.title, value: row.value.toFixed(2), ...(outcome.reason ? { reason: outcome.reason } : {}) },
    occurredAt: now,
  });
  return toOpportunityDetail(row);
}

/** Back to open in the stage it was closed in; its age in stage starts again. */
export async function reopenOpportunity(db: TenantDb, actor: OpportunityActor, id: string, now = new Date()): Promise<OpportunityDetail> {
  await findVisibleOpportunity(db, actor.viewer, id, { id: true });
  const { count } = await db.opportunity.updateMany({
    where: { id, status: { not: "open" } },
    data: { status: "open", closeReason: null, closedAt: null, stageEnteredAt: now },
  });
  if (count === 0) throw alreadyOpen();
  const row = await db.opportunity.findUniqueOrThrow({ where: { id }, select: opportunityDetailSelect });
  await recordActivity(db, actor.by, {
    kind: "opportunity_reopened",
    opportunityId: id,
    leadId: row.lead?.id ?? null,
    data: { title: row.title, value: row.value.toFixed(2) },
    occurredAt: now,
  });
  return toOpportunityDetail(row);
}
