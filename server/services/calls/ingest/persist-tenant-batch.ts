import type { ConferenceChange, TrackedCall } from "@/asterisk/events/types";
import type { LiveUpdate } from "@/lib/schemas/calls";
import { withTenant, type TenantDb } from "@/server/db";
import { selectCallViews } from "@/server/services/calls/call-view";
import { conferenceViewSelect, toConferenceView } from "@/server/services/calls/conference-view";
import { publishLive } from "@/server/services/calls/live-publish";
import { applyConferenceChanges } from "./apply-conference-changes";
import { applyPresence, type PresenceWrite } from "./apply-presence";
import { bindClickToCalls } from "./bind-click-to-call";
import { logCallActivities } from "./call-activities";
import { matchLeads, type LeadMemo } from "./match-leads";
import type { IngestTenant, TenantDirectory } from "./tenant-directory";
import { upsertCalls, type UpsertedCall } from "./upsert-calls";

const MEMORY_LIMIT = 100_000;

/** One flush's worth of one tenant's changes on one node (calls already coalesced: one snapshot per linkedid). */
export type TenantBatch = {
  tenant: IngestTenant;
  calls: TrackedCall[];
  presence: PresenceWrite[];
  conferences: ConferenceChange[];
  /** Originate ActionIDs whose first leg never answered (OriginateResponse Failure without a call to bind). */
  missedOriginates: Array<{ actionId: string; at: Date }>;
};

/** What the ingest of one node remembers between flushes so that each call is resolved once. */
export type IngestMemory = {
  /** linkedids whose click-to-call row is bound. */
  bound: Set<string>;
  leads: LeadMemo;
  /** linkedids whose `incoming` pop was published. */
  announced: Set<string>;
};

export function newIngestMemory(): IngestMemory {
  return { bound: new Set(), leads: new Map(), announced: new Set() };
}

/**
 * Writes one tenant's batch in ONE transaction bound to that tenant (RLS: a row of another tenant
 * cannot be written by mistake) and publishes what changed, delivered on commit.
 */
export async function persistTenantBatch(
  pbxNodeId: string,
  batch: TenantBatch,
  directory: TenantDirectory,
  memory: IngestMemory,
): Promise<{ rows: number; updates: number }> {
  return withTenant(
    batch.tenant.id,
    async (db) => {
      const unbound = batch.calls.filter((call) => call.linhaCallId && !memory.bound.has(call.linkedId));
      for (const linkedId of await bindClickToCalls(db, pbxNodeId, unbound)) memory.bound.add(linkedId);

      const owners = await directory.extensionOwners(db, batch.tenant.id);
      const leads = await matchLeads(db, batch.calls, memory.leads);
      const rows = await upsertCalls(
        db,
        pbxNodeId,
        batch.calls.map((call) => {
          const owner = call.extensionNumber ? owners.get(call.extensionNumber) : undefined;
          return { call, userId: owner?.userId ?? null, userName: owner?.userName ?? null, leadId: leads.get(call.linkedId) ?? null };
        }),
      );
      rows.push(...(await endMissedOriginates(db, batch.missedOriginates)));
      await logCallActivities(db, rows);

      const presence = await applyPresence(db, batch.presence);
      const conferenceIds = await applyConferenceChanges(db, batch.conferences);
      const updates = await liveUpdates(db, rows, presence, conferenceIds, memory);
      if (updates.length > 0) await publishLive(db, batch.tenant.id, updates);

      // Calls that never end here (lost with a lock) must not grow these forever.
      if (memory.leads.size > MEMORY_LIMIT) memory.leads.clear();
      if (memory.bound.size > MEMORY_LIMIT) memory.bound.clear();
      if (memory.announced.size > MEMORY_LIMIT) memory.announced.clear();
      for (const row of rows) {
        if (row.state !== "ended" || !row.linkedId) continue;
        memory.bound.delete(row.linkedId);
        memory.leads.delete(row.linkedId);
        memory.announced.delete(row.linkedId);
      }
      return { rows: rows.length, updates: updates.length };
    },
    { timeoutMs: 30_000 },
  );
}

/**
 * A click-to-call whose rep never picked up: the PBX reports only the Originate's failure (capture 03:
 * `Uniqueid: <unknown>`), so its row is found by the Originate's ActionID and closed as agent_missed.
 */
async function endMissedOriginates(db: TenantDb, missed: TenantBatch["missedOriginates"]): Promise<UpsertedCall[]> {
  if (missed.length === 0) return [];
  return db.$queryRaw<UpsertedCall[]>`
    UPDATE "Call" c SET
      state = 'ended', disposition = 'agent_missed',
      "endedAt" = GREATEST(v.at, c."startedAt"),
      "durationSec" = GREATEST(0, floor(extract(epoch FROM GREATEST(v.at, c."startedAt") - c."startedAt")))::int,
      "updatedAt" = now()
    FROM unnest(${missed.map((m) => m.actionId)}::text[], ${missed.map((m) => m.at.toISOString())}::timestamptz[]) AS v(action, at)
    WHERE c."originateActionId" = v.action AND c."linkedId" IS NULL AND c.state <> 'ended'
    RETURNING c.id, c."linkedId", c.direction::text AS direction, c.state::text AS state, c.disposition::text AS disposition,
      c."leadId", c."userId", c."userName", c."activityId", c.billsec, c."durationSec", c."endedAt"`;
}

async function liveUpdates(
  db: TenantDb,
  rows: readonly UpsertedCall[],
  presence: ReadonlyArray<{ extensionNumber: string; registered: boolean }>,
  conferenceIds: readonly string[],
  memory: IngestMemory,
): Promise<LiveUpdate[]> {
  const updates: LiveUpdate[] = [];
  if (rows.length > 0) {
    const linkedIds = new Map(rows.map((row) => [row.id, row.linkedId]));
    for (const view of await selectCallViews(db, [...linkedIds.keys()])) {
      updates.push({ type: "call", call: view });
      const linkedId = linkedIds.get(view.id);
      if (view.direction === "inbound" && view.state === "ringing" && view.leadId && linkedId && !memory.announced.has(linkedId)) {
        memory.announced.add(linkedId);
        updates.push({ type: "incoming", call: view });
      }
    }
  }
  for (const change of presence) updates.push({ type: "presence", ...change });
  if (conferenceIds.length > 0) {
    const conferences = await db.conference.findMany({ where: { id: { in: [...conferenceIds] } }, select: conferenceViewSelect });
    for (const conference of conferences) updates.push({ type: "conference", conference: toConferenceView(conference) });
  }
  return updates;
}
