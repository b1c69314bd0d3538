import type { AmiEvent } from "@/asterisk/ami/types";
import type { CallDirection, CallDisposition, CallState } from "@/lib/schemas/calls";

// The contract between the pure call tracker (asterisk/events/call-tracker.ts) and the ingest that
// persists and publishes what it reports (server/services/calls/ingest). Nothing here touches a
// database or a socket: the tracker is fed AmiEvents and answers with what changed.

export type { AmiEvent };

/** A call: every channel sharing one linkedid on one PBX node. */
export type TrackedCall = {
  linkedId: string;
  /** From the events' Tenantid / Cdr TenantID, never guessed from numbers. null: not attributed yet. */
  tenantSlug: string | null;
  /** Channel variables our Originate set (VarSet on the originate channel). */
  linhaCallId: string | null;
  linhaLeadId: string | null;
  /** ActionID of the Originate that started it, once its OriginateResponse has been seen. */
  originateActionId: string | null;
  direction: CallDirection;
  state: CallState;
  /** E.164 digits or extension numbers as the PBX reports them (caller id number / dialled exten). */
  fromNumber: string | null;
  toNumber: string | null;
  /** The tenant extension on the call (click-to-call: the rep; inbound: who answered, else who rang). */
  extensionNumber: string | null;
  /** `gw_<name>` endpoint of the carrier leg → `<name>`. */
  gatewayName: string | null;
  startedAt: Date;
  ringingAt: Date | null;
  answeredAt: Date | null;
  endedAt: Date | null;
  durationSec: number | null;
  billsec: number | null;
  disposition: CallDisposition | null;
  hangupCause: number | null;
  hangupCauseText: string | null;
  /** Extension or number the call was last transferred to. */
  transferredTo: string | null;
  /** MixMonitor's file as `<slug>/<file>` relative to the recordings directory (VarSet MIXMONITOR_FILENAME). */
  recordingFile: string | null;
  /** Live channels for call control: the tenant-side (rep) channel and the other party's. */
  agentChannel: string | null;
  peerChannel: string | null;
  /** Every channel name of the call still up. */
  channels: string[];
};

/** An extension's registration as PeerStatus / ContactStatus / EndpointList report it. */
export type PresenceChange = {
  /** PJSIP endpoint name, `<slug>_<number>`. */
  endpoint: string;
  registered: boolean;
  contactUri: string | null;
};

export type ConferenceChange = {
  /** ConfBridge room name, `<slug>_conf_<code>`. */
  room: string;
  tenantSlug: string | null;
  kind: "start" | "join" | "leave" | "mute" | "unmute" | "end";
  channel: string | null;
  callerIdNumber: string | null;
  linkedId: string | null;
  /** VarSet `LINHA_CONF=<ConferenceParticipant id>` our Originate put on the participant's channel. */
  participantId: string | null;
  at: Date;
};

export type SpyChange = {
  kind: "start" | "stop";
  spyerChannel: string;
  spyeeChannel: string;
  spyerTenantSlug: string | null;
  spyeeTenantSlug: string | null;
  spyeeLinkedId: string | null;
  at: Date;
};

/** What one event changed. A call is reported as its whole snapshot after the event. */
export type TrackerOutput =
  | { kind: "call"; call: TrackedCall }
  | { kind: "presence"; presence: PresenceChange }
  | { kind: "conference"; conference: ConferenceChange }
  | { kind: "spy"; spy: SpyChange }
  /** OriginateResponse: `success` false means the first leg never answered (Reason 3: no answer, 5: busy …). */
  | { kind: "originate"; actionId: string; success: boolean; reason: number | null; linkedId: string | null; at: Date };

/** One CoreShowChannel item, as the AMI client returns it in a list response. */
export type ChannelSnapshot = AmiEvent;
