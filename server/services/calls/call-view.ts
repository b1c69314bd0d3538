import type { Prisma } from "@/prisma/generated/client";
import type { CallView } from "@/lib/schemas/calls";
import type { TenantDb } from "@/server/db";

/** The columns every CallView needs; select with this and pass the row to toCallView. */
export const callViewSelect = {
  id: true,
  direction: true,
  state: true,
  fromNumber: true,
  toNumber: true,
  extensionNumber: true,
  userId: true,
  userName: true,
  leadId: true,
  lead: { select: { name: true } },
  startedAt: true,
  ringingAt: true,
  answeredAt: true,
  endedAt: true,
  durationSec: true,
  billsec: true,
  disposition: true,
  hangupCause: true,
  hangupCauseText: true,
  transferredTo: true,
  outcome: true,
  recordingPath: true,
} as const satisfies Prisma.CallSelect;

export type CallViewRow = Prisma.CallGetPayload<{ select: typeof callViewSelect }>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A Call row as the board, the history and the SSE stream show it (never its node or linkedid). */
export function toCallView(row: CallViewRow): CallView {
  return {
    id: row.id,
    direction: row.direction,
    state: row.state,
    fromNumber: row.fromNumber,
    toNumber: row.toNumber,
    extensionNumber: row.extensionNumber,
    userId: row.userId,
    userName: row.userName,
    leadId: row.leadId,
    leadName: row.lead?.name ?? null,
    startedAt: row.startedAt.toISOString(),
    ringingAt: iso(row.ringingAt),
    answeredAt: iso(row.answeredAt),
    endedAt: iso(row.endedAt),
    durationSec: row.durationSec,
    billsec: row.billsec,
    disposition: row.disposition,
    hangupCause: row.hangupCause,
    hangupCauseText: row.hangupCauseText,
    transferredTo: row.transferredTo,
    outcome: row.outcome,
    hasRecording: row.recordingPath !== null,
  };
}

/**
 * CallViews of many calls in one plain statement (the ingest's hot path, every flush): the same
 * columns as callViewSelect with the lead's name joined, without the ORM's per-query cost.
 */
export async function selectCallViews(db: TenantDb, ids: readonly string[]): Promise<CallView[]> {
  if (ids.length === 0) return [];
  const rows = await db.$queryRaw<Array<Omit<CallViewRow, "lead"> & { leadName: string | null }>>`
    SELECT c.id, c.direction::text AS direction, c.state::text AS state, c."fromNumber", c."toNumber", c."extensionNumber",
      c."userId", c."userName", c."leadId", l.name AS "leadName", c."startedAt", c."ringingAt", c."answeredAt", c."endedAt",
      c."durationSec", c.billsec, c.disposition::text AS disposition, c."hangupCause", c."hangupCauseText", c."transferredTo",
      c.outcome::text AS outcome, c."recordingPath"
    FROM "Call" c LEFT JOIN "Lead" l ON l."tenantId" = c."tenantId" AND l.id = c."leadId"
    WHERE c.id = ANY(${ids}::uuid[])`;
  return rows.map(({ leadName, ...row }) => toCallView({ ...row, lead: leadName === null ? null : { name: leadName } }));
}
