import type { Prisma } from "@/prisma/generated/client";
import type { CallView } from "@/lib/schemas/calls";

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
