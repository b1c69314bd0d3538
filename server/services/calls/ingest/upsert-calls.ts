import type { TrackedCall } from "@/asterisk/events/types";
import type { CallDirection, CallDisposition, CallState } from "@/lib/schemas/calls";
import type { TenantDb } from "@/server/db";
import { uuidV7 } from "@/server/services/inventory/uuid-v7";

/** A call snapshot with what the ingest resolved for it (member, lead), ready to be written. */
export type CallWrite = { call: TrackedCall; userId: string | null; userName: string | null; leadId: string | null };

/** What the upsert answers per row: enough to decide on the timeline entry and the live updates. */
export type UpsertedCall = {
  id: string;
  /** null only for a click-to-call closed by its Originate's failure (it never got one). */
  linkedId: string | null;
  direction: CallDirection;
  state: CallState;
  disposition: CallDisposition | null;
  leadId: string | null;
  userId: string | null;
  userName: string | null;
  activityId: string | null;
  billsec: number | null;
  durationSec: number | null;
  endedAt: Date | null;
};

const RECORDING_PATH = /^[a-z0-9-]+\/[0-9A-Za-z._-]+\.(wav|WAV|gsm|mp3)$/;

const clip = (value: string | null, max: number) => (value === null ? null : value.slice(0, max));
const iso = (date: Date | null) => (date ? date.toISOString() : null);
const later = (date: Date | null, floor: Date) => (date && date < floor ? floor : date);

/**
 * Inserts or updates the snapshots' Call rows by (pbxNodeId, linkedId) in one statement, in the
 * caller's tenant transaction (the row's tenantId comes from app.tenant_id; RLS checks it). Raw SQL:
 * one INSERT … SELECT FROM unnest(…) per flush is what keeps up with thousands of events a second,
 * where a Prisma upsert per row would not. An ended row never goes back to a live state (a snapshot
 * racing the reconcile that ended it), a lead or originate ActionID already on the row is kept, and
 * startedAt only moves earlier (a click-to-call row was created before its Originate).
 */
export async function upsertCalls(db: TenantDb, pbxNodeId: string, writes: readonly CallWrite[]): Promise<UpsertedCall[]> {
  if (writes.length === 0) return [];
  const cols = {
    id: [] as string[],
    linkedId: [] as string[],
    originateActionId: [] as Array<string | null>,
    direction: [] as string[],
    state: [] as string[],
    fromNumber: [] as Array<string | null>,
    toNumber: [] as Array<string | null>,
    extensionNumber: [] as Array<string | null>,
    userId: [] as Array<string | null>,
    userName: [] as Array<string | null>,
    leadId: [] as Array<string | null>,
    gatewayName: [] as Array<string | null>,
    startedAt: [] as string[],
    ringingAt: [] as Array<string | null>,
    answeredAt: [] as Array<string | null>,
    endedAt: [] as Array<string | null>,
    durationSec: [] as Array<number | null>,
    billsec: [] as Array<number | null>,
    disposition: [] as Array<string | null>,
    hangupCause: [] as Array<number | null>,
    hangupCauseText: [] as Array<string | null>,
    transferredTo: [] as Array<string | null>,
    recordingPath: [] as Array<string | null>,
  };
  for (const { call, userId, userName, leadId } of writes) {
    const startedAt = call.startedAt;
    const ended = call.state === "ended";
    cols.id.push(uuidV7(startedAt.getTime()));
    cols.linkedId.push(call.linkedId.slice(0, 64));
    cols.originateActionId.push(clip(call.originateActionId, 64));
    cols.direction.push(call.direction);
    cols.state.push(call.state);
    cols.fromNumber.push(clip(call.fromNumber, 40));
    cols.toNumber.push(clip(call.toNumber, 40));
    cols.extensionNumber.push(call.extensionNumber && /^[0-9]{1,6}$/.test(call.extensionNumber) ? call.extensionNumber : null);
    cols.userId.push(userId);
    cols.userName.push(clip(userName, 120));
    cols.leadId.push(leadId);
    cols.gatewayName.push(clip(call.gatewayName, 64));
    cols.startedAt.push(startedAt.toISOString());
    cols.ringingAt.push(iso(later(call.ringingAt, startedAt)));
    cols.answeredAt.push(iso(later(call.answeredAt, startedAt)));
    // The table says ended ⇔ endedAt: a snapshot is trusted for its state, its time is made to fit.
    cols.endedAt.push(ended ? iso(later(call.endedAt ?? new Date(), startedAt)) : null);
    cols.durationSec.push(nonNegative(call.durationSec));
    cols.billsec.push(nonNegative(call.billsec));
    cols.disposition.push(call.disposition);
    cols.hangupCause.push(call.hangupCause);
    cols.hangupCauseText.push(clip(call.hangupCauseText, 64));
    cols.transferredTo.push(clip(call.transferredTo, 40));
    cols.recordingPath.push(call.recordingFile && RECORDING_PATH.test(call.recordingFile) ? call.recordingFile : null);
  }
  return db.$queryRaw<UpsertedCall[]>`
    INSERT INTO "Call" AS c (
      id, "pbxNodeId", "linkedId", "originateActionId", direction, state, "fromNumber", "toNumber", "extensionNumber",
      "userId", "userName", "leadId", "gatewayName", "startedAt", "ringingAt", "answeredAt", "endedAt", "durationSec",
      billsec, disposition, "hangupCause", "hangupCauseText", "transferredTo", "recordingPath", "updatedAt")
    SELECT v.id, ${pbxNodeId}::uuid, v.linked, v.action, v.direction::"CallDirection", v.state::"CallState", v.from_number,
      v.to_number, v.ext, v.user_id, v.user_name, v.lead_id, v.gateway, v.started, v.ringing, v.answered, v.ended,
      v.duration, v.billsec, v.disposition::"CallDisposition", v.cause, v.cause_text, v.transferred, v.recording, now()
    FROM unnest(
      ${cols.id}::uuid[], ${cols.linkedId}::text[], ${cols.originateActionId}::text[], ${cols.direction}::text[],
      ${cols.state}::text[], ${cols.fromNumber}::text[], ${cols.toNumber}::text[], ${cols.extensionNumber}::text[],
      ${cols.userId}::uuid[], ${cols.userName}::text[], ${cols.leadId}::uuid[], ${cols.gatewayName}::text[],
      ${cols.startedAt}::timestamptz[], ${cols.ringingAt}::timestamptz[], ${cols.answeredAt}::timestamptz[],
      ${cols.endedAt}::timestamptz[], ${cols.durationSec}::int[], ${cols.billsec}::int[], ${cols.disposition}::text[],
      ${cols.hangupCause}::int[], ${cols.hangupCauseText}::text[], ${cols.transferredTo}::text[], ${cols.recordingPath}::text[]
    ) AS v(id, linked, action, direction, state, from_number, to_number, ext, user_id, user_name, lead_id, gateway, started,
      ringing, answered, ended, duration, billsec, disposition, cause, cause_text, transferred, recording)
    ON CONFLICT ("pbxNodeId", "linkedId") DO UPDATE SET
      "originateActionId" = COALESCE(c."originateActionId", EXCLUDED."originateActionId"),
      direction = EXCLUDED.direction,
      state = EXCLUDED.state,
      "fromNumber" = COALESCE(EXCLUDED."fromNumber", c."fromNumber"),
      "toNumber" = COALESCE(EXCLUDED."toNumber", c."toNumber"),
      "extensionNumber" = COALESCE(EXCLUDED."extensionNumber", c."extensionNumber"),
      "userId" = COALESCE(EXCLUDED."userId", c."userId"),
      "userName" = CASE WHEN EXCLUDED."userId" IS NULL THEN c."userName" ELSE EXCLUDED."userName" END,
      "leadId" = COALESCE(c."leadId", EXCLUDED."leadId"),
      "gatewayName" = COALESCE(EXCLUDED."gatewayName", c."gatewayName"),
      "startedAt" = LEAST(c."startedAt", EXCLUDED."startedAt"),
      "ringingAt" = COALESCE(EXCLUDED."ringingAt", c."ringingAt"),
      "answeredAt" = COALESCE(EXCLUDED."answeredAt", c."answeredAt"),
      "endedAt" = EXCLUDED."endedAt",
      "durationSec" = EXCLUDED."durationSec",
      billsec = EXCLUDED.billsec,
      disposition = EXCLUDED.disposition,
      "hangupCause" = EXCLUDED."hangupCause",
      "hangupCauseText" = EXCLUDED."hangupCauseText",
      "transferredTo" = COALESCE(EXCLUDED."transferredTo", c."transferredTo"),
      "recordingPath" = COALESCE(EXCLUDED."recordingPath", c."recordingPath"),
      "updatedAt" = now()
    WHERE NOT (c.state = 'ended' AND EXCLUDED.state <> 'ended')
    RETURNING c.id, c."linkedId", c.direction::text AS direction, c.state::text AS state, c.disposition::text AS disposition,
      c."leadId", c."userId", c."userName", c."activityId", c.billsec, c."durationSec", c."endedAt"`;
}

function nonNegative(value: number | null): number | null {
  return value === null || !Number.isFinite(value) ? null : Math.max(0, Math.round(value));
}
