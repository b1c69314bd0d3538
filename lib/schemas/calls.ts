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

// ---------------------------------------------------------------- history outputs (added by History)

const isoString = z.string();

/** CallView as a zod schema, for the history procedures' `.output()`. */
export const CallViewOutput = z.object({
  id: z.string(),
  direction: z.enum(CALL_DIRECTIONS),
  state: z.enum(CALL_STATES),
  fromNumber: z.string().nullable(),
  toNumber: z.string().nullable(),
  extensionNumber: z.string().nullable(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  leadId: z.string().nullable(),
  leadName: z.string().nullable(),
  startedAt: isoString,
  ringingAt: isoString.nullable(),
  answeredAt: isoString.nullable(),
  endedAt: isoString.nullable(),
  durationSec: z.number().int().nullable(),
  billsec: z.number().int().nullable(),
  disposition: z.enum(CALL_DISPOSITIONS).nullable(),
  hangupCause: z.number().int().nullable(),
  hangupCauseText: z.string().nullable(),
  transferredTo: z.string().nullable(),
  outcome: z.enum(CALL_OUTCOMES).nullable(),
  hasRecording: z.boolean(),
}) satisfies z.ZodType<CallView>;

export const CallHistoryPage = z.object({ items: z.array(CallViewOutput), nextCursor: z.string().nullable() });
export type CallHistoryPage = z.infer<typeof CallHistoryPage>;

/** One call with what only the history's detail shows (the rep's note). */
export const CallDetail = CallViewOutput.extend({ note: z.string().nullable() });
export type CallDetail = z.infer<typeof CallDetail>;

export const CallIdInput = z.object({ callId: uuid });
export const LeadCallsInput = z.object({ leadId: uuid, limit: z.number().int().min(1).max(100).default(20) });

const StatBucket = { total: z.number().int(), answered: z.number().int() };

/** `calls.history.stats`: ended calls matching the filter; hours and days in America/Sao_Paulo. */
export const CallStats = z.object({
  total: z.number().int(),
  answered: z.number().int(),
  /** answered / total, 0..1; null without calls. */
  answeredRate: z.number().nullable(),
  /** Average talk time (billsec) of answered calls, seconds. */
  avgTalkSec: z.number().nullable(),
  totalTalkSec: z.number().int(),
  /** 24 entries, hour 0..23. */
  byHour: z.array(z.object({ hour: z.number().int(), ...StatBucket })),
  /** Every day of the range (YYYY-MM-DD), zeros included. */
  byDay: z.array(z.object({ date: z.string(), ...StatBucket })),
  byUser: z.array(z.object({ userId: z.string().nullable(), userName: z.string().nullable(), ...StatBucket, talkSec: z.number().int() })),
});
export type CallStats = z.infer<typeof CallStats>;

/** The file a recording route streams, relative to RECORDINGS_DIR (`<slug>/<file>`). */
export const CallRecordingFile = z.object({ path: z.string(), contentType: z.string() });
export type CallRecordingFile = z.infer<typeof CallRecordingFile>;

// ---------------------------------------------------------------- live board outputs (added by Live bus)

export const AgentPresenceOutput = z.object({
  extensionId: z.string(),
  extensionNumber: z.string(),
  name: z.string(),
  userId: z.string().nullable(),
  registered: z.boolean(),
  callId: z.string().nullable(),
}) satisfies z.ZodType<AgentPresence>;

export const ConferenceViewOutput = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  startedAt: isoString,
  endedAt: isoString.nullable(),
  participants: z.array(
    z.object({
      id: z.string(),
      target: z.string(),
      label: z.string(),
      state: z.enum(["calling", "joined", "left", "failed"]),
      muted: z.boolean(),
    }),
  ),
}) satisfies z.ZodType<ConferenceView>;

export const BoardSnapshotOutput = z.object({
  calls: z.array(CallViewOutput),
  agents: z.array(AgentPresenceOutput),
  conferences: z.array(ConferenceViewOutput),
  viewer: z.object({ canMonitor: z.boolean(), extensionNumber: z.string().nullable(), canControlAll: z.boolean() }),
}) satisfies z.ZodType<BoardSnapshot>;

/** Why `calls.live.updates` asks for a refetch of `calls.live.board`. */
export const LIVE_RESYNC_REASONS = ["subscribed", "reconnected", "overflow"] as const;

/**
 * What `calls.live.updates` yields: a LiveUpdate of the subscriber's own tenant, or a signal.
 * `resync`: updates may have been missed — refetch the board (sent first, once the server is
 * listening, so a board fetched after it misses nothing; again after a reconnect of the server's
 * bus, or when the client fell too far behind). `heartbeat`: the stream is alive (every 25 s).
 */
export type LiveStreamMessage =
  LiveUpdate | { type: "resync"; reason: (typeof LIVE_RESYNC_REASONS)[number] } | { type: "heartbeat"; at: string };

// ---------------------------------------------------------------- call control inputs (added by Control)

/** `calls.conference.list`: conferences still going, or also the ended ones (newest first). */
export const ConferenceListInput = z
  .object({ includeEnded: z.boolean().default(false), limit: z.number().int().min(1).max(100).default(50) })
  .default({ includeEnded: false, limit: 50 });
