import type { CallDisposition, CallOutcome } from "@/lib/schemas/calls";
import type { TenantDb } from "@/server/db";
import { uuidV7 } from "@/server/services/inventory/uuid-v7";
import { rescoreLeads } from "@/server/services/scoring/rescore-leads";
import type { UpsertedCall } from "./upsert-calls";

/** The outcome a call activity starts with (the rep may correct it in the after-call form). */
export function outcomeOf(disposition: CallDisposition | null): CallOutcome | null {
  switch (disposition) {
    case "answered":
      return "connected";
    case "busy":
      return "busy";
    case "no_answer":
    case "failed":
      return "no_answer";
    default:
      // agent_missed: the lead was never dialled, nothing happened on their timeline.
      return null;
  }
}

/**
 * The lead's timeline entry of every call that ended for the first time in this flush (one per call:
 * Call.activityId remembers it), and for calls already logged, the talk time a later Cdr corrected.
 * Calls without a lead have no timeline to log on.
 *
 * This is recordActivity (server/services/activities/record-activity.ts) for a whole flush at once:
 * the same row (kind call, actor = the call's member), the lead's lastContactAt moved forward only,
 * and one rescore of every lead touched. One statement per step instead of four queries per call is
 * what lets the ingest keep up with a hundred calls ending per second.
 */
export async function logCallActivities(db: TenantDb, rows: readonly UpsertedCall[]): Promise<void> {
  const created: Array<{ row: UpsertedCall; id: string; at: Date; data: string }> = [];
  const corrections: Array<{ activityId: string; durationSec: number }> = [];
  for (const row of rows) {
    // linkedId null: a click-to-call whose Originate never reached a phone; the lead was never dialled.
    if (row.state !== "ended" || !row.leadId || row.linkedId === null) continue;
    if (row.activityId) {
      if (row.billsec !== null) corrections.push({ activityId: row.activityId, durationSec: row.billsec });
      continue;
    }
    const outcome = outcomeOf(row.disposition);
    if (!outcome) continue;
    const at = row.endedAt ?? new Date();
    const data = { outcome, durationSec: row.billsec ?? 0, callId: row.id, direction: row.direction, disposition: row.disposition };
    created.push({ row, id: uuidV7(at.getTime()), at, data: JSON.stringify(data) });
  }
  if (created.length > 0) await insertActivities(db, created);
  if (corrections.length > 0) {
    await db.$executeRaw`
      UPDATE "Activity" a SET data = jsonb_set(a.data, '{durationSec}', to_jsonb(v.seconds))
      FROM unnest(${corrections.map((c) => c.activityId)}::uuid[], ${corrections.map((c) => c.durationSec)}::int[]) AS v(id, seconds)
      WHERE a.id = v.id AND jsonb_typeof(a.data) = 'object' AND (a.data->'durationSec') IS DISTINCT FROM to_jsonb(v.seconds)`;
  }
}

async function insertActivities(
  db: TenantDb,
  created: ReadonlyArray<{ row: UpsertedCall; id: string; at: Date; data: string }>,
): Promise<void> {
  const ids = created.map((c) => c.id);
  const leadIds = created.map((c) => c.row.leadId!);
  const ats = created.map((c) => c.at.toISOString());
  await db.$executeRaw`
    INSERT INTO "Activity" (id, kind, "leadId", data, "actorUserId", "actorName", "occurredAt")
    SELECT v.id, 'call', v.lead, v.data::jsonb, v.actor, v.actor_name, v.at
    FROM unnest(${ids}::uuid[], ${leadIds}::uuid[], ${created.map((c) => c.data)}::text[], ${created.map((c) => c.row.userId)}::uuid[],
      ${created.map((c) => c.row.userName)}::text[], ${ats}::timestamptz[]) AS v(id, lead, data, actor, actor_name, at)`;
  await db.$executeRaw`
    UPDATE "Call" c SET "activityId" = v.activity
    FROM unnest(${created.map((c) => c.row.id)}::uuid[], ${ids}::uuid[]) AS v(call, activity)
    WHERE c.id = v.call`;
  // As recordActivity: a call is contact with the lead; lastContactAt only ever moves forward.
  await db.$executeRaw`
    UPDATE "Lead" l SET "lastContactAt" = v.at, "updatedAt" = now()
    FROM (SELECT lead, max(at) AS at FROM unnest(${leadIds}::uuid[], ${ats}::timestamptz[]) AS u(lead, at) GROUP BY lead) AS v
    WHERE l.id = v.lead AND (l."lastContactAt" IS NULL OR l."lastContactAt" < v.at)`;
  for (const c of created) c.row.activityId = c.id;
  await rescoreLeads(db, [...new Set(leadIds)]);
}
