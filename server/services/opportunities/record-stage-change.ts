import type { TenantDb } from "@/server/db";
import { recordActivity, type ActivityActor } from "@/server/services/activities/record-activity";

type StageRef = { id: string; name: string };

/** A stage change goes on the timeline of the opportunity and of its lead (leadId), with both stages named. */
export async function recordStageChange(
  db: TenantDb,
  by: ActivityActor,
  change: { opportunityId: string; leadId: string | null; from: StageRef; to: StageRef; at: Date },
): Promise<void> {
  await recordActivity(db, by, {
    kind: "stage_change",
    opportunityId: change.opportunityId,
    leadId: change.leadId,
    data: { fromStageId: change.from.id, toStageId: change.to.id, fromStage: change.from.name, toStage: change.to.name },
    occurredAt: change.at,
  });
}
