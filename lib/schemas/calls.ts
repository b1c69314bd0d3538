import { z } from "zod";
import { messageKey } from "@/lib/i18n";

// Contracts of the `calls` router (issue 6), shared by the server, the live board and the history.

export const CALL_DIRECTIONS = ["inbound", "outbound", "internal"] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

/** originating: the rep's own phone rings (click-to-call); ringing: the other party rings. */
export const CALL_STATES = ["originating", "ringing", "answered", "ended"] as const;
export type CallState = (typeof CALL_STATES)[number];

/** What the PBX reports (Cdr / hangup cause). agent_missed: the rep never picked up a click-to-call. */
export const CALL_DISPOSITIONS = ["answered", "no_answer", "busy", "failed", "agent_missed"] as const;
export type CallDisposition = (typeof CALL_DISPOSITIONS)[number];

/** What the rep records after the call (the same values as a logged call activity). */
export const CALL_OUTCOMES = ["connected", "no_answer", "busy", "voicemail", "wrong_number"] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const MONITOR_MODES = ["listen", "whisper", "barge"] as const;
export type MonitorMode = (typeof MONITOR_MODES)[number];

const uuid = z.uuid({ message: messageKey("invalid_input") });

/** An extension number (2–6 digits) or a phone number a person typed; the server normalises it to E.164. */
export const TransferTarget = z
  .string()
  .trim()
  .min(2, { message: messageKey("invalid_input") })
  .max(32, { message: messageKey("invalid_input") })
  .regex(/^[0-9+() .-]+$/, { message: messageKey("invalid_input") });

// ---------------------------------------------------------------- click-to-call

/** Where the Call button was pressed; exactly one of lead, opportunity, task or an earlier call. */
export const PlaceCallInput = z
  .object({
    leadId: uuid.optional(),
    opportunityId: uuid.optional(),
    taskId: uuid.optional(),
    /** Call back the other party of an earlier call (history). */
    callId: uuid.optional(),
  })
  .refine((v) => [v.leadId, v.opportunityId, v.taskId, v.callId].filter(Boolean).length === 1, {
    message: messageKey("invalid_input"),
  });
export type PlaceCallInput = z.infer<typeof PlaceCallInput>;
export type PlaceCallResult = { ok: true; callId: string } | { ok: false; error: string; code?: string };

// ---------------------------------------------------------------- call control

export const HangupInput = z.object({ callId: uuid });
export const BlindTransferInput = z.object({ callId: uuid, target: TransferTarget });
export const AttendedTransferInput = z.object({ callId: uuid, extension: z.string().regex(/^[0-9]{2,6}$/, { message: messageKey("invalid_input") }) });
export const MonitorInput = z.object({ callId: uuid, mode: z.enum(MONITOR_MODES) });

// ---------------------------------------------------------------- conference

export const ConferenceTarget = z.object({ target: TransferTarget });
export const StartConferenceInput = z.object({
  title: z.string().trim().min(1, { message: messageKey("required") }).max(80, { message: messageKey("too_long", { max: 80 }) }),
  targets: z.array(TransferTarget).min(2, { message: messageKey("invalid_input") }).max(10, { message: messageKey("invalid_input") }),
});
export const ConferenceParticipantInput = z.object({ conferenceId: uuid, participantId: uuid });
export const MuteParticipantInput = ConferenceParticipantInput.extend({ muted: z.boolean() });
export const AddParticipantInput = z.object({ conferenceId: uuid, target: TransferTarget });
export const ConferenceIdInput = z.object({ conferenceId: uuid });

// ---------------------------------------------------------------- after-call form

export const SetOutcomeInput = z.object({
  callId: uuid,
  outcome: z.enum(CALL_OUTCOMES),
  note: z.string().trim().max(2000, { message: messageKey("too_long", { max: 2000 }) }).optional(),
  /** A follow-up task for the lead (type call), due at this time. */
  nextTask: z
    .object({
      title: z.string().trim().min(1, { message: messageKey("required") }).max(200, { message: messageKey("too_long", { max: 200 }) }),
      dueAt: z.coerce.date(),
    })
    .optional(),
});
export type SetOutcomeInput = z.infer<typeof SetOutcomeInput>;

// ---------------------------------------------------------------- history

export const CallHistoryFilter = z.object({
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  direction: z.enum(CALL_DIRECTIONS).optional(),
  disposition: z.enum(CALL_DISPOSITIONS).optional(),
  userId: uuid.optional(),
  leadId: uuid.optional(),
  /** Digits of a number (any part of it). */
  number: z
    .string()
    .trim()
    .max(32)
    .regex(/^[0-9+() .-]*$/, { message: messageKey("invalid_input") })
    .optional(),
});
export type CallHistoryFilter = z.infer<typeof CallHistoryFilter>;

export const CallHistoryInput = CallHistoryFilter.extend({
  limit: z.number().int().min(1).max(100).default(25),
  /** Keyset cursor from the previous page. */
  cursor: z.string().max(200).optional(),
});

// ---------------------------------------------------------------- live board

/** A call as the board and the history show it. Times are ISO strings (SSE payloads are JSON). */
export type CallView = {
  id: string;
  direction: CallDirection;
  state: CallState;
  fromNumber: string | null;
  toNumber: string | null;
  extensionNumber: string | null;
  userId: string | null;
  userName: string | null;
  leadId: string | null;
  leadName: string | null;
  startedAt: string;
  ringingAt: string | null;
  answeredAt: string | null;
  endedAt: string | null;
  durationSec: number | null;
  billsec: number | null;
  disposition: CallDisposition | null;
  hangupCause: number | null;
  hangupCauseText: string | null;
  transferredTo: string | null;
  outcome: CallOutcome | null;
  hasRecording: boolean;
};

export type AgentPresence = {
  extensionId: string;
  extensionNumber: string;
  name: string;
  userId: string | null;
  registered: boolean;
  /** The id of the live call the extension is on, if any. */
  callId: string | null;
};

export type ConferenceParticipantView = {
  id: string;
  target: string;
  label: string;
  state: "calling" | "joined" | "left" | "failed";
  muted: boolean;
};

export type ConferenceView = {
  id: string;
  code: string;
  title: string;
  startedAt: string;
  endedAt: string | null;
  participants: ConferenceParticipantView[];
};

/** What the signed-in member may do on the board (plan features and role). */
export type BoardViewer = {
  /** Manager or above, and the plan has `monitoring`. */
  canMonitor: boolean;
  /** The member's own extension, if any (needed to place and monitor calls). */
  extensionNumber: string | null;
  /** Manager or above: may hang up / transfer anyone's call (reps: their own). */
  canControlAll: boolean;
};

/** What `calls.live.board` answers: the tenant's state now. */
export type BoardSnapshot = { calls: CallView[]; agents: AgentPresence[]; conferences: ConferenceView[]; viewer: BoardViewer };

/** What `calls.live.updates` streams, only ever for the subscriber's own tenant. */
export type LiveUpdate =
  | { type: "call"; call: CallView }
  | { type: "presence"; extensionNumber: string; registered: boolean }
  | { type: "conference"; conference: ConferenceView }
  /** A known lead is calling in: the board pops a card. */
  | { type: "incoming"; call: CallView };
