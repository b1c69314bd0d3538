import { amiField, amiFieldList } from "@/asterisk/ami/fields";
import type { AmiEvent, AmiFields } from "@/asterisk/ami/types";
import type { CallDisposition } from "@/lib/schemas/calls";
import type { ChannelSnapshot, ConferenceChange, PresenceChange, SpyChange, TrackedCall, TrackerOutput } from "./types";

// The call state machine of one PBX node: fed every AMI event in order, it answers with what changed.
// Pure (no I/O, no timers): the ingest (server/services/calls/ingest) persists and publishes the
// outputs. Every rule below was checked against the recorded Asterisk 22 traffic in
// asterisk/testing/captures (see its README); asterisk/events/README.md explains the choices.
//
// Identity is the linkedid. The tenant comes only from what Asterisk says (`Tenantid` on channel
// events, `DestTenantid` …, `TenantID`/`PeerTenantID` on Cdr) — never from numbers or endpoint names.

export type CallTrackerOptions = {
  /** Clock for events without a `Timestamp:` header (production sets timestampevents=yes). */
  now?: () => Date;
  /** An ended call stays (for late Cdrs) for at most this many further events. */
  endedGraceEvents?: number;
  /** …and for only this many once a Cdr of it has arrived (the others follow within a few events). */
  cdrGraceEvents?: number;
  /** Bound on expectOriginate() entries whose OriginateResponse never came (oldest dropped first). */
  maxExpectedOriginates?: number;
};

export type CallTrackerStats = {
  /** Linkedids tracked (open calls, ended calls in their grace window, spy/conference legs). */
  records: number;
  endedRetained: number;
  channels: number;
  channelNames: number;
  callIds: number;
  expectedOriginates: number;
};

type ChannelKind = "extension" | "trunk" | "carrier" | "local" | "other";

type Channel = {
  uniqueId: string;
  name: string;
  rec: CallRecord;
  kind: ChannelKind;
  tenant: string | null;
  /** Extension number (`<slug>_<number>` endpoint). */
  number: string | null;
  /** `gw_<name>` → name. */
  gateway: string | null;
  up: boolean;
  bridgeId: string | null;
  /** The `exten` a redirected/dialling channel runs (blind transfer target). */
  exten: string | null;
  confParticipantId: string | null;
};

type CdrPart = { start: number | null; answer: number | null; end: number | null; billsec: number; duration: number; disposition: string };

type CallRecord = {
  call: TrackedCall;
  live: Map<string, Channel>;
  /** Kind of the linkedid's own channel (uniqueid = linkedid), once seen. */
  firstKind: ChannelKind | null;
  /** Started by an Originate (the first channel is the dial target of an Originate). */
  originated: boolean;
  /** Classified as a call (history row); false for pending originates, ChanSpy and pure conference legs. */
  isCall: boolean;
  isSpy: boolean;
  isConference: boolean;
  /** Click-to-call: LINHA_CALL_ID, or an originated channel that runs the outbound context. */
  clickToCall: boolean;
  hasCarrier: boolean;
  agentAnswered: boolean;
  farDialStatus: string | null;
  /** Uniqueid of an answered consult leg (Atxfer) that becomes the agent on AttendedTransfer. */
  consult: { uniqueId: string; target: string | null } | null;
  /** Rank of the hangup that gave hangupCause: 3 carrier, 2 dialled party, 1 any other. */
  causeRank: number;
  externalCdrs: CdrPart[];
  otherCdrs: CdrPart[];
  cdrDisposition: string | null;
  changed: boolean;
  endSeq: number | null;
};

const DEFAULT_ENDED_GRACE = 2000;
const DEFAULT_CDR_GRACE = 200;
const DEFAULT_MAX_EXPECTED = 10_000;
/** What the Call row accepts as recordingPath (migration CHECK), relative to the recordings directory. */
const RECORDING_PATH = /^[a-z0-9-]+\/[0-9A-Za-z._-]+\.(wav|WAV|gsm|mp3)$/;
const CONF_CONTEXT = /^t_[a-z0-9-]+_conf$/;
const OUTBOUND_CONTEXT = /^t_[a-z0-9-]+_outbound$/;

/** Events that never concern calls, presence, spying or conferences: answered with [] straight away. */
const IGNORED = new Set([
  "RTCPSent",
  "RTCPReceived",
  "DeviceStateChange",
  "NewCallerid",
  "NewConnectedLine",
  "BridgeCreate",
  "BridgeDestroy",
  "BridgeMerge",
  "BridgeVideoSourceUpdate",
  "ChallengeSent",
  "SuccessfulAuth",
  "InvalidPassword",
  "FullyBooted",
  "Reload",
  "HangupRequest",
  "SoftHangupRequest",
  "MusicOnHoldStart",
  "MusicOnHoldStop",
  "DTMFBegin",
  "DTMFEnd",
  "Hold",
  "Unhold",
  "LocalBridge",
  "NewAccountCode",
  "CoreShowChannel",
  "CoreShowChannelsComplete",
]);

export class CallTracker {
  private readonly now: () => Date;
  private readonly endedGrace: number;
  private readonly cdrGrace: number;
  private readonly maxExpected: number;
  private readonly records = new Map<string, CallRecord>();
  private readonly channels = new Map<string, Channel>();
  private readonly channelNames = new Map<string, Channel>();
  private readonly byCallId = new Map<string, CallRecord>();
  /** linkedid → event sequence after which the ended call is dropped (insertion order ≈ expiry order). */
  private readonly ended = new Map<string, number>();
  private readonly expected = new Map<string, { callId: string }>();
  private readonly expectedByCallId = new Map<string, string>();
  private seq = 0;
  private touched: CallRecord[] = [];

  constructor(options: CallTrackerOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.endedGrace = options.endedGraceEvents ?? DEFAULT_ENDED_GRACE;
    this.cdrGrace = Math.min(options.cdrGraceEvents ?? DEFAULT_CDR_GRACE, this.endedGrace);
    this.maxExpected = options.maxExpectedOriginates ?? DEFAULT_MAX_EXPECTED;
  }

  // ------------------------------------------------------------------ public API

  /** Feeds one event; returns each call it changed once (its whole snapshot) and any presence/conference/spy/originate news. */
  ingest(event: AmiEvent): TrackerOutput[] {
    this.seq++;
    this.expire();
    if (IGNORED.has(event.event)) return [];
    const fields = event.fields;
    const extra: TrackerOutput[] = [];
    switch (event.event) {
      case "Newchannel":
        this.onNewchannel(fields);
        break;
      case "Newstate":
        this.onNewstate(fields);
        break;
      case "Newexten":
        this.onNewexten(fields);
        break;
      case "VarSet":
        this.onVarSet(fields);
        break;
      case "DialBegin":
        this.onDialBegin(fields);
        break;
      case "DialState":
        this.onDialState(fields);
        break;
      case "DialEnd":
        this.onDialEnd(fields);
        break;
      case "BridgeEnter":
        this.onBridgeEnter(fields);
        break;
      case "BridgeLeave":
        this.onBridgeLeave(fields);
        break;
      case "Hangup":
        this.onHangup(fields);
        break;
      case "Cdr":
        this.onCdr(fields);
        break;
      case "OriginateResponse":
        extra.push(this.onOriginateResponse(fields));
        break;
      case "AttendedTransfer":
        this.onAttendedTransfer(fields);
        break;
      case "BlindTransfer":
        this.onBlindTransfer(fields);
        break;
      case "ChanSpyStart":
      case "ChanSpyStop":
        extra.push(this.onChanSpy(event.event === "ChanSpyStart" ? "start" : "stop", fields));
        break;
      case "ConfbridgeStart":
      case "ConfbridgeJoin":
      case "ConfbridgeLeave":
      case "ConfbridgeMute":
      case "ConfbridgeUnmute":
      case "ConfbridgeEnd":
        extra.push(this.onConfbridge(event.event, fields));
        break;
      case "PeerStatus":
      case "ContactStatus":
      case "EndpointList": {
        const presence = presenceOf(event);
        if (presence) extra.push({ kind: "presence", presence });
        break;
      }
      default:
        // Any other channel event still carries the channel's tenant and channel variables.
        if (amiField(fields, "linkedid") !== undefined) this.channelFrom(fields, "");
    }
    return this.flush(extra);
  }

  /**
   * Registers the ActionID of a click-to-call Originate and the Linha call id it carries
   * (LINHA_CALL_ID), so an OriginateResponse that names no channel (`Uniqueid: <unknown>`, capture 03)
   * still reaches the right call, and the call reports its originateActionId from its first event.
   */
  expectOriginate(actionId: string, { callId }: { callId: string }): void {
    this.expected.delete(actionId);
    this.expected.set(actionId, { callId });
    this.expectedByCallId.set(callId, actionId);
    while (this.expected.size > this.maxExpected) {
      const [oldest, entry] = this.expected.entries().next().value!;
      this.expected.delete(oldest);
      if (this.expectedByCallId.get(entry.callId) === oldest) this.expectedByCallId.delete(entry.callId);
    }
    // Already seen (the events raced the ingest): it is reported with the call's next change.
    const rec = this.byCallId.get(callId);
    if (rec && rec.call.originateActionId === null) rec.call.originateActionId = actionId;
  }

  /** Calls not ended yet (spy sessions and pure conference legs are not calls). */
  openCalls(): TrackedCall[] {
    const calls: TrackedCall[] = [];
    for (const rec of this.records.values()) if (rec.isCall && rec.call.state !== "ended") calls.push(snapshot(rec));
    return calls;
  }

  /** The call of a linkedid while it is tracked (also an ended one during its grace window). */
  call(linkedId: string): TrackedCall | null {
    const rec = this.records.get(linkedId);
    return rec && rec.isCall ? snapshot(rec) : null;
  }

  /** Drops a linkedid and everything indexed under it. */
  forget(linkedId: string): void {
    const rec = this.records.get(linkedId);
    if (rec) this.drop(rec);
  }

  /** Drops every ended call still waiting for late Cdrs (e.g. on a quiet line, from the ingest's timer). */
  flushEnded(): void {
    for (const linkedId of [...this.ended.keys()]) this.forget(linkedId);
  }

  stats(): CallTrackerStats {
    return {
      records: this.records.size,
      endedRetained: this.ended.size,
      channels: this.channels.size,
      channelNames: this.channelNames.size,
      callIds: this.byCallId.size,
      expectedOriginates: this.expected.size,
    };
  }

  /**
   * After a reconnect: `channels` are the CoreShowChannel items (the whole list). Calls none of whose
   * channels is listed ended while we were away (endedAt = now, no hangup cause, disposition from
   * what we knew); listed channels we did not know create or extend calls (answered when Up and
   * bridged; started `Duration` ago). Identity stays the linkedid, so nothing is duplicated.
   */
  reconcile(channels: ChannelSnapshot[], now: Date): TrackerOutput[] {
    const listed = new Map<string, AmiFields[]>();
    for (const item of channels) {
      const linkedId = amiField(item.fields, "linkedid");
      if (!linkedId || !amiField(item.fields, "uniqueid")) continue;
      const group = listed.get(linkedId);
      if (group) group.push(item.fields);
      else listed.set(linkedId, [item.fields]);
    }
    const nowMs = now.getTime();
    // Calls (and spy/conference/pending legs) we track that are gone or lost channels.
    for (const rec of [...this.records.values()]) {
      if (rec.call.state === "ended") continue;
      const items = listed.get(rec.call.linkedId);
      const alive = new Set((items ?? []).map((fields) => amiField(fields, "uniqueid")!));
      for (const channel of [...rec.live.values()]) {
        if (!alive.has(channel.uniqueId)) this.removeChannel(channel);
      }
      if (rec.live.size === 0) this.endCall(rec, now);
    }
    for (const [linkedId, items] of listed) {
      // The linkedid's own channel first, so it fixes the direction.
      items.sort((a, b) => Number(amiField(b, "uniqueid") === linkedId) - Number(amiField(a, "uniqueid") === linkedId));
      const known = this.records.get(linkedId);
      if (known && known.call.state === "ended") continue;
      let earliest = nowMs;
      for (const fields of items) {
        const seconds = parseDuration(amiField(fields, "duration"));
        if (seconds !== null) earliest = Math.min(earliest, nowMs - seconds * 1000);
      }
      const rec = known ?? this.newRecord(linkedId, new Date(earliest));
      for (const fields of items) {
        const existing = this.channels.get(amiField(fields, "uniqueid")!);
        const channel = existing ?? this.channelFrom(fields, "", true, new Date(earliest));
        if (!channel) continue;
        this.applyChannelVariables(channel, fields, "");
        if (amiField(fields, "channelstatedesc") === "Up") channel.up = true;
        const bridge = amiField(fields, "bridgeid");
        channel.bridgeId = bridge ? bridge : null;
        const application = amiField(fields, "application");
        if (application === "ChanSpy") this.markSpy(rec);
        if (application === "ConfBridge" || CONF_CONTEXT.test(amiField(fields, "context") ?? "")) rec.isConference = true;
        if (!known) {
          // A call we never saw begin: its numbers come from the snapshot.
          const exten = amiField(fields, "exten");
          if (channel.uniqueId === linkedId && channel.kind !== "carrier" && isNumber(exten)) this.set(rec, "toNumber", exten);
          if (channel.kind === "carrier" && channel.uniqueId === linkedId) this.set(rec, "fromNumber", callerNumber(fields));
        }
      }
      if (!known) rec.isCall = !rec.isSpy && (!rec.isConference || rec.hasCarrier);
      this.refreshDirection(rec);
      const bridged = [...rec.live.values()].filter((channel) => channel.up && channel.bridgeId !== null);
      if (rec.call.answeredAt === null && (bridged.length >= 2 || (bridged.length >= 1 && rec.hasCarrier))) {
        // Best guess for the answer we missed: when the youngest bridged channel appeared.
        let youngest = earliest;
        for (const fields of items) {
          if (amiField(fields, "channelstatedesc") !== "Up" || !amiField(fields, "bridgeid")) continue;
          const seconds = parseDuration(amiField(fields, "duration"));
          if (seconds !== null) youngest = Math.max(youngest, nowMs - seconds * 1000);
        }
        if (rec.originated) rec.agentAnswered = true;
        this.setState(rec, "answered", new Date(youngest));
      }
      this.touch(rec);
    }
    return this.flush([]);
  }

  // ------------------------------------------------------------------ channel events

  private onNewchannel(fields: AmiFields): void {
    this.channelFrom(fields, "", true);
  }

  private onNewstate(fields: AmiFields): void {
    const channel = this.channelFrom(fields, "");
    if (!channel) return;
    if (amiField(fields, "channelstatedesc") === "Up") {
      channel.up = true;
      if (channel.rec.originated && channel.uniqueId === channel.rec.call.linkedId) channel.rec.agentAnswered = true;
    }
  }

  private onNewexten(fields: AmiFields): void {
    const channel = this.channelFrom(fields, "");
    if (!channel) return;
    const rec = channel.rec;
    const context = amiField(fields, "context") ?? "";
    const exten = amiField(fields, "exten") ?? "";
    if (isNumber(exten)) channel.exten = exten;
    if (channel.uniqueId !== rec.call.linkedId) return;
    // The first channel's first dialled exten is the number the call is for (click-to-call: the
    // lead's number, once the rep answered and the channel runs the outbound context).
    if (rec.call.toNumber === null && isNumber(exten)) this.set(rec, "toNumber", exten);
    if (!rec.originated || rec.isCall || rec.isSpy) return;
    if (CONF_CONTEXT.test(context)) rec.isConference = true;
    else if (OUTBOUND_CONTEXT.test(context)) {
      rec.clickToCall = true;
      this.classifyAsCall(rec);
    } else if (isNumber(exten) && !rec.isConference) this.classifyAsCall(rec);
  }

  private onVarSet(fields: AmiFields): void {
    const name = amiField(fields, "variable");
    if (name === undefined || !(name.startsWith("LINHA_") || name === "MIXMONITOR_FILENAME")) {
      // Still learn the tenant a channel gained (inbound carrier legs get it mid-call).
      if (amiField(fields, "tenantid") !== undefined) this.channelFrom(fields, "");
      return;
    }
    const channel = this.channelFrom(fields, "");
    if (channel) this.applyVariable(channel, name, amiField(fields, "value") ?? "");
  }

  private onDialBegin(fields: AmiFields): void {
    const dest = this.channelFrom(fields, "dest", true);
    const caller = amiField(fields, "channel") !== undefined ? this.channelFrom(fields, "", true) : null;
    if (!dest) return;
    const rec = dest.rec;
    if (!caller) {
      // An Originate's dial: no caller channel. The target is the rep (or the Local channel) we ring first.
      if (dest.uniqueId === rec.call.linkedId) {
        rec.originated = true;
        if (rec.call.state === "ringing" && rec.call.ringingAt === null && rec.call.answeredAt === null) rec.call.state = "originating";
      }
      return;
    }
    if (rec.isSpy) return;
    if (dest.kind === "carrier" || caller.kind === "carrier") this.markCarrier(rec, dest.kind === "carrier" ? dest : caller);
    if (rec.originated && !rec.isCall && !rec.isConference) this.classifyAsCall(rec);
    if (rec.call.answeredAt === null) {
      rec.farDialStatus = null;
      this.setState(rec, "ringing", this.at(fields));
      // Inbound: the first extension rung is the call's until someone answers; internal: the callee is the peer.
      if (dest.kind === "extension" && rec.call.extensionNumber === null) this.set(rec, "extensionNumber", dest.number);
      if (dest.kind === "extension" && rec.call.direction === "inbound" && rec.call.agentChannel === null)
        this.set(rec, "agentChannel", dest.name);
      if (dest.kind === "carrier" || (rec.call.direction === "internal" && rec.call.peerChannel === null))
        this.set(rec, "peerChannel", dest.name);
      return;
    }
    // After the answer: a transfer. The external party (or the channel that holds it) dialling is a
    // blind transfer (Redirect: it runs the target exten itself); anything else is an attended
    // transfer's consult leg, which only counts once AttendedTransfer says so.
    const external = caller.kind === "carrier" || caller.name === rec.call.peerChannel;
    if (external) {
      const runs = amiField(fields, "exten");
      const target = dest.kind === "extension" ? dest.number : isNumber(runs) ? runs : (amiField(fields, "destexten") ?? null);
      if (target) this.set(rec, "transferredTo", target);
      rec.consult = { uniqueId: dest.uniqueId, target };
      (dest as Channel & { blind?: boolean }).blind = true;
    } else {
      rec.consult = { uniqueId: dest.uniqueId, target: dest.kind === "extension" ? dest.number : (amiField(fields, "destexten") ?? null) };
    }
  }

  private onDialState(fields: AmiFields): void {
    const dest = this.channelFrom(fields, "dest");
    if (!dest) return;
    const rec = dest.rec;
    if (amiField(fields, "channel") === undefined || rec.isSpy) return;
    if (rec.call.answeredAt === null && amiField(fields, "dialstatus") === "RINGING") this.setState(rec, "ringing", this.at(fields));
  }

  private onDialEnd(fields: AmiFields): void {
    const dest = this.channelFrom(fields, "dest");
    const caller = amiField(fields, "channel") !== undefined ? this.channelFrom(fields, "") : null;
    if (!dest) return;
    const rec = dest.rec;
    const status = amiField(fields, "dialstatus") ?? "";
    if (!caller) {
      if (dest.uniqueId === rec.call.linkedId && status === "ANSWER") rec.agentAnswered = true;
      return;
    }
    if (rec.isSpy) return;
    if (rec.call.answeredAt === null) {
      if (status === "ANSWER") {
        this.setState(rec, "answered", this.at(fields));
        if (dest.kind === "extension") {
          // Inbound (ring group): whoever picked up is the call's extension and its agent.
          if (rec.call.direction === "inbound") {
            this.set(rec, "extensionNumber", dest.number);
            this.set(rec, "agentChannel", dest.name);
          } else if (rec.call.direction === "internal") this.set(rec, "peerChannel", dest.name);
        }
        if (dest.kind === "carrier") this.set(rec, "peerChannel", dest.name);
      } else if (status !== "CANCEL" || rec.farDialStatus === null) rec.farDialStatus = status;
      return;
    }
    if (status !== "ANSWER") {
      if (rec.consult?.uniqueId === dest.uniqueId) rec.consult = null;
      return;
    }
    // A blind transfer's target answered: it is the call's agent from now on.
    if ((dest as Channel & { blind?: boolean }).blind) {
      this.set(rec, "agentChannel", dest.name);
      rec.consult = null;
    }
  }

  private onBridgeEnter(fields: AmiFields): void {
    const channel = this.channelFrom(fields, "");
    if (!channel) return;
    channel.bridgeId = amiField(fields, "bridgeuniqueid") ?? null;
    const rec = channel.rec;
    if (rec.call.answeredAt !== null || !rec.isCall || channel.bridgeId === null) return;
    // Fallback for flows without a DialEnd ANSWER: two legs of the call bridged together.
    let together = 0;
    for (const other of rec.live.values()) if (other.bridgeId === channel.bridgeId) together++;
    if (together >= 2) this.setState(rec, "answered", this.at(fields));
  }

  private onBridgeLeave(fields: AmiFields): void {
    const channel = this.channelFrom(fields, "");
    if (channel) channel.bridgeId = null;
  }

  private onHangup(fields: AmiFields): void {
    const channel = this.channelFrom(fields, "");
    if (!channel) return;
    const rec = channel.rec;
    const cause = toInt(amiField(fields, "cause"));
    const rank = channel.kind === "carrier" ? 3 : channel.name === rec.call.peerChannel ? 2 : 1;
    if (cause !== null && rank > rec.causeRank) {
      rec.causeRank = rank;
      this.set(rec, "hangupCause", cause);
      this.set(rec, "hangupCauseText", amiField(fields, "cause-txt") || null);
    }
    this.removeChannel(channel);
    if (rec.live.size === 0) this.endCall(rec, this.at(fields));
  }

  // ------------------------------------------------------------------ other events

  private onCdr(fields: AmiFields): void {
    let rec = this.records.get(amiField(fields, "linkedid") ?? "");
    if (!rec) {
      // Without our cdr_manager mapping there is no LinkedID: find the party A channel if still known.
      const channel = this.channels.get(amiField(fields, "uniqueid") ?? "");
      rec = channel?.rec;
    }
    if (!rec || !rec.isCall) return;
    for (const tenant of [amiField(fields, "tenantid"), amiField(fields, "peertenantid")]) {
      if (tenant && rec.call.tenantSlug === null) this.set(rec, "tenantSlug", tenant);
    }
    const part: CdrPart = {
      start: parseCdrTime(amiField(fields, "starttime")),
      answer: parseCdrTime(amiField(fields, "answertime")),
      end: parseCdrTime(amiField(fields, "endtime")),
      billsec: toInt(amiField(fields, "billableseconds")) ?? 0,
      duration: toInt(amiField(fields, "duration")) ?? 0,
      disposition: amiField(fields, "disposition") ?? "",
    };
    const external = isCarrierName(amiField(fields, "channel")) || isCarrierName(amiField(fields, "destinationchannel"));
    (external ? rec.externalCdrs : rec.otherCdrs).push(part);
    if (external || rec.cdrDisposition === null) rec.cdrDisposition = part.disposition;
    if (rec.call.state === "ended") {
      this.settleEnded(rec);
      // The other Cdrs of the call come within a few events: no need to wait the whole grace.
      this.ended.delete(rec.call.linkedId);
      this.ended.set(rec.call.linkedId, Math.min(rec.endSeq! + this.endedGrace, this.seq + this.cdrGrace));
    }
    this.touch(rec);
  }

  private onOriginateResponse(fields: AmiFields): TrackerOutput {
    const actionId = amiField(fields, "actionid") ?? "";
    const success = (amiField(fields, "response") ?? "").toLowerCase() === "success";
    const uniqueId = amiField(fields, "uniqueid");
    const name = amiField(fields, "channel");
    let rec = uniqueId && uniqueId !== "<unknown>" ? (this.channels.get(uniqueId)?.rec ?? this.records.get(uniqueId)) : undefined;
    // On failure Channel is the dial string (`PJSIP/acme_1001`), not a channel: only our ActionID tells.
    if (!rec && name) rec = this.channelNames.get(name)?.rec;
    const expected = this.expected.get(actionId);
    if (!rec && expected) rec = this.byCallId.get(expected.callId);
    if (expected) {
      this.expected.delete(actionId);
      if (this.expectedByCallId.get(expected.callId) === actionId) this.expectedByCallId.delete(expected.callId);
    }
    if (rec) {
      if (amiField(fields, "application") === "ChanSpy") this.markSpy(rec);
      if (rec.call.originateActionId !== actionId) this.set(rec, "originateActionId", actionId);
      if (success) rec.agentAnswered = true;
      // A rep who never answered never ran the outbound context: the Originate's Exten is the number.
      const exten = amiField(fields, "exten");
      if (rec.call.toNumber === null && rec.isCall && isNumber(exten)) this.set(rec, "toNumber", exten);
      if (rec.call.state === "ended") this.settleEnded(rec);
      this.touch(rec);
    }
    return {
      kind: "originate",
      actionId,
      success,
      reason: toInt(amiField(fields, "reason")),
      linkedId: rec && !rec.isSpy ? rec.call.linkedId : null,
      at: this.at(fields),
    };
  }

  private onAttendedTransfer(fields: AmiFields): void {
    if (amiField(fields, "result") !== "Success") return;
    const linkedId = amiField(fields, "transfereelinkedid") ?? amiField(fields, "origtransfererlinkedid");
    const rec = linkedId ? this.records.get(linkedId) : undefined;
    if (!rec || !rec.consult) return;
    const target = this.channels.get(rec.consult.uniqueId);
    if (rec.consult.target) this.set(rec, "transferredTo", rec.consult.target);
    if (target) this.set(rec, "agentChannel", target.name);
    rec.consult = null;
    this.touch(rec);
  }

  private onBlindTransfer(fields: AmiFields): void {
    // A phone's own blind transfer (SIP REFER / ## feature): the transferee goes to Extension@Context.
    if (amiField(fields, "result") !== "Success") return;
    const linkedId = amiField(fields, "transfereelinkedid") ?? amiField(fields, "transfererlinkedid");
    const rec = linkedId ? this.records.get(linkedId) : undefined;
    const target = amiField(fields, "extension");
    if (rec && target) {
      this.set(rec, "transferredTo", target);
      this.touch(rec);
    }
  }

  private onChanSpy(kind: "start" | "stop", fields: AmiFields): TrackerOutput {
    const spyerLinkedId = amiField(fields, "spyerlinkedid");
    const rec = spyerLinkedId ? this.records.get(spyerLinkedId) : undefined;
    if (rec) this.markSpy(rec);
    const spy: SpyChange = {
      kind,
      spyerChannel: amiField(fields, "spyerchannel") ?? "",
      spyeeChannel: amiField(fields, "spyeechannel") ?? "",
      spyerTenantSlug: amiField(fields, "spyertenantid") || null,
      spyeeTenantSlug: amiField(fields, "spyeetenantid") || null,
      spyeeLinkedId: amiField(fields, "spyeelinkedid") || null,
      at: this.at(fields),
    };
    return { kind: "spy", spy };
  }

  private onConfbridge(event: string, fields: AmiFields): TrackerOutput {
    const kind = CONF_KIND[event]!;
    const uniqueId = amiField(fields, "uniqueid");
    const channel = uniqueId ? this.channelFrom(fields, "") : null;
    if (channel && (kind === "join" || kind === "leave")) {
      const rec = channel.rec;
      rec.isConference = true;
    }
    const conference: ConferenceChange = {
      room: amiField(fields, "conference") ?? "",
      tenantSlug: amiField(fields, "tenantid") || channel?.tenant || null,
      kind,
      channel: amiField(fields, "channel") ?? null,
      callerIdNumber: channel ? callerNumber(fields) : null,
      linkedId: amiField(fields, "linkedid") ?? null,
      participantId: channel ? (channel.confParticipantId ?? firstParticipantId(channel.rec)) : null,
      at: this.at(fields),
    };
    return { kind: "conference", conference };
  }

  // ------------------------------------------------------------------ records and channels

  /** The channel an event describes (`prefix` "" or "dest"), created on first sight. */
  private channelFrom(fields: AmiFields, prefix: "" | "dest", create = false, at?: Date): Channel | null {
    const uniqueId = amiField(fields, `${prefix}uniqueid`);
    const linkedId = amiField(fields, `${prefix}linkedid`);
    const name = amiField(fields, `${prefix}channel`);
    if (!uniqueId || !linkedId || !name) return null;
    let channel = this.channels.get(uniqueId);
    if (channel && channel.rec.call.linkedId !== linkedId) this.moveChannel(channel, linkedId, fields);
    if (!channel) {
      // Only events that begin a channel create it: a late event of a hung-up channel must not revive it.
      if (!create) return null;
      let rec = this.records.get(linkedId);
      if (!rec) rec = this.newRecord(linkedId, at ?? this.at(fields));
      else if (rec.call.state === "ended") this.reopen(rec);
      channel = this.addChannel(rec, uniqueId, name, fields, prefix);
    }
    this.learnTenant(channel, amiField(fields, `${prefix}tenantid`));
    this.applyChannelVariables(channel, fields, prefix);
    return channel;
  }

  private newRecord(linkedId: string, startedAt: Date): CallRecord {
    const rec: CallRecord = {
      call: {
        linkedId,
        tenantSlug: null,
        linhaCallId: null,
        linhaLeadId: null,
        originateActionId: null,
        direction: "internal",
        state: "ringing",
        fromNumber: null,
        toNumber: null,
        extensionNumber: null,
        gatewayName: null,
        startedAt,
        ringingAt: null,
        answeredAt: null,
        endedAt: null,
        durationSec: null,
        billsec: null,
        disposition: null,
        hangupCause: null,
        hangupCauseText: null,
        transferredTo: null,
        recordingFile: null,
        agentChannel: null,
        peerChannel: null,
        channels: [],
      },
      live: new Map(),
      firstKind: null,
      originated: false,
      isCall: false,
      isSpy: false,
      isConference: false,
      clickToCall: false,
      hasCarrier: false,
      agentAnswered: false,
      farDialStatus: null,
      consult: null,
      causeRank: 0,
      externalCdrs: [],
      otherCdrs: [],
      cdrDisposition: null,
      changed: false,
      endSeq: null,
    };
    this.records.set(linkedId, rec);
    return rec;
  }

  private addChannel(rec: CallRecord, uniqueId: string, name: string, fields: AmiFields, prefix: "" | "dest"): Channel {
    const tenant = amiField(fields, `${prefix}tenantid`) || null;
    const kindOf = channelKind(name, tenant);
    const channel: Channel = {
      uniqueId,
      name,
      rec,
      kind: kindOf.kind,
      tenant,
      number: kindOf.number,
      gateway: kindOf.gateway,
      up: amiField(fields, `${prefix}channelstatedesc`) === "Up",
      bridgeId: null,
      exten: null,
      confParticipantId: null,
    };
    this.channels.set(uniqueId, channel);
    this.channelNames.set(name, channel);
    rec.live.set(uniqueId, channel);
    rec.call.channels = [...rec.live.values()].map((c) => c.name);
    rec.changed = true;
    if (channel.kind === "carrier") this.markCarrier(rec, channel);
    if (uniqueId === rec.call.linkedId) this.firstChannel(rec, channel, fields, prefix);
    else if (rec.firstKind === null && !rec.isCall && !rec.originated) {
      // We never saw the linkedid's own channel (tracking began mid-call): it is a call.
      rec.isCall = !rec.isSpy;
    }
    this.touch(rec);
    return channel;
  }

  /** The linkedid's own channel decides what the call is and who is on it. */
  private firstChannel(rec: CallRecord, channel: Channel, fields: AmiFields, prefix: "" | "dest"): void {
    rec.firstKind = channel.kind;
    const exten = amiField(fields, `${prefix}exten`);
    const state = amiField(fields, `${prefix}channelstatedesc`);
    if (channel.kind === "carrier") {
      rec.isCall = true;
      this.set(rec, "fromNumber", callerNumber(fields, prefix));
      if (isNumber(exten)) this.set(rec, "toNumber", exten);
      this.set(rec, "peerChannel", channel.name);
    } else if (channel.kind === "local" || (state === "Down" && (exten === "s" || !exten))) {
      // The dial target of an Originate (click-to-call, ChanSpy, conference participant): what it is
      // shows only later (LINHA_CALL_ID, the context it runs, ChanSpyStart), so nothing is reported yet.
      rec.originated = true;
      rec.call.state = "originating";
      if (channel.kind === "extension") {
        this.set(rec, "fromNumber", channel.number);
        this.set(rec, "extensionNumber", channel.number);
        this.set(rec, "agentChannel", channel.name);
      } else if (isNumber(exten)) this.set(rec, "toNumber", exten);
    } else {
      rec.isCall = true;
      this.set(rec, "fromNumber", channel.kind === "extension" ? channel.number : callerNumber(fields, prefix));
      if (channel.kind === "extension") {
        this.set(rec, "extensionNumber", channel.number);
        this.set(rec, "agentChannel", channel.name);
      }
      if (isNumber(exten)) this.set(rec, "toNumber", exten);
    }
    this.refreshDirection(rec);
  }

  private removeChannel(channel: Channel): void {
    const rec = channel.rec;
    rec.live.delete(channel.uniqueId);
    this.channels.delete(channel.uniqueId);
    if (this.channelNames.get(channel.name) === channel) this.channelNames.delete(channel.name);
    rec.call.channels = [...rec.live.values()].map((c) => c.name);
    rec.changed = true;
    if (rec.call.agentChannel === channel.name) {
      // The agent left (transfer, or the rep hung up first): the live tenant-side leg takes over, if any.
      const next = [...rec.live.values()].reverse().find((c) => c.kind === "extension" && c.up);
      this.set(rec, "agentChannel", next?.name ?? null);
    }
    if (rec.call.peerChannel === channel.name) this.set(rec, "peerChannel", null);
    this.touch(rec);
  }

  /** Asterisk moved a channel to another linkedid (bridging two calls): it follows. */
  private moveChannel(channel: Channel, linkedId: string, fields: AmiFields): void {
    const old = channel.rec;
    this.removeChannel(channel);
    let rec = this.records.get(linkedId);
    if (!rec) rec = this.newRecord(linkedId, this.at(fields));
    channel.rec = rec;
    rec.live.set(channel.uniqueId, channel);
    this.channels.set(channel.uniqueId, channel);
    this.channelNames.set(channel.name, channel);
    rec.call.channels = [...rec.live.values()].map((c) => c.name);
    if (channel.kind === "carrier") this.markCarrier(rec, channel);
    if (!rec.isCall && !rec.originated) rec.isCall = !rec.isSpy;
    this.touch(rec);
    if (old.live.size === 0) this.endCall(old, this.at(fields));
  }

  private learnTenant(channel: Channel, tenant: string | undefined): void {
    if (!tenant) return;
    if (channel.tenant === null) channel.tenant = tenant;
    if (channel.rec.call.tenantSlug === null) this.set(channel.rec, "tenantSlug", tenant);
  }

  private applyChannelVariables(channel: Channel, fields: AmiFields, prefix: "" | "dest"): void {
    // `ChanVariable: NAME=value` (manager.conf channelvars); the packet parser gives `NAME` alone for an empty value.
    const values = amiFieldList(fields, `${prefix}chanvariable`);
    for (const text of values) {
      const eq = text.indexOf("=");
      const name = eq === -1 ? text : text.slice(0, eq);
      if (name.startsWith("LINHA_")) this.applyVariable(channel, name, eq === -1 ? "" : text.slice(eq + 1));
    }
  }

  private applyVariable(channel: Channel, name: string, value: string): void {
    const rec = channel.rec;
    switch (name) {
      case "LINHA_CALL_ID": {
        if (!value || rec.call.linhaCallId === value) return;
        if (rec.call.linhaCallId !== null && this.byCallId.get(rec.call.linhaCallId) === rec) this.byCallId.delete(rec.call.linhaCallId);
        this.set(rec, "linhaCallId", value);
        this.byCallId.set(value, rec);
        const actionId = this.expectedByCallId.get(value);
        if (actionId && rec.call.originateActionId === null) this.set(rec, "originateActionId", actionId);
        if (rec.originated) rec.clickToCall = true;
        this.classifyAsCall(rec);
        return;
      }
      case "LINHA_LEAD":
        if (value) this.set(rec, "linhaLeadId", value);
        return;
      case "LINHA_CONF":
        if (!value) return;
        channel.confParticipantId = value;
        rec.isConference = true;
        return;
      case "MIXMONITOR_FILENAME": {
        const file = recordingPath(value, channel.tenant ?? rec.call.tenantSlug);
        if (file) this.set(rec, "recordingFile", file);
        return;
      }
    }
  }

  private classifyAsCall(rec: CallRecord): void {
    if (rec.isCall || rec.isSpy) return;
    rec.isCall = true;
    this.refreshDirection(rec);
    this.touch(rec);
  }

  private markSpy(rec: CallRecord): void {
    rec.isSpy = true;
    rec.isCall = false;
  }

  private markCarrier(rec: CallRecord, channel: Channel): void {
    if (!rec.hasCarrier) {
      rec.hasCarrier = true;
      // A conference participant dialled out through a carrier is billable: it is a call.
      if (!rec.isSpy && rec.originated && !rec.isCall) rec.isCall = true;
    }
    if (rec.call.gatewayName === null && channel.gateway) this.set(rec, "gatewayName", channel.gateway);
    this.refreshDirection(rec);
  }

  private refreshDirection(rec: CallRecord): void {
    const direction =
      rec.firstKind === "carrier" ? "inbound" : rec.hasCarrier || rec.clickToCall || rec.firstKind === "trunk" ? "outbound" : "internal";
    this.set(rec, "direction", direction);
  }

  private setState(rec: CallRecord, state: "ringing" | "answered", at: Date): void {
    const call = rec.call;
    if (call.state === "ended" || call.state === "answered") return;
    if (state === "ringing") {
      if (call.ringingAt === null) this.set(rec, "ringingAt", at);
      this.set(rec, "state", "ringing");
    } else {
      if (call.ringingAt === null) this.set(rec, "ringingAt", at);
      this.set(rec, "answeredAt", at < call.startedAt ? call.startedAt : at);
      this.set(rec, "state", "answered");
    }
  }

  private endCall(rec: CallRecord, at: Date): void {
    if (rec.call.state === "ended") return;
    if (!rec.isCall) {
      // Pending originates that never became calls, ChanSpy sessions, conference legs: nothing to keep.
      this.drop(rec);
      return;
    }
    rec.call.state = "ended";
    rec.call.endedAt = at < rec.call.startedAt ? rec.call.startedAt : at;
    rec.endSeq = this.seq;
    this.settleEnded(rec);
    this.ended.set(rec.call.linkedId, this.seq + (rec.externalCdrs.length + rec.otherCdrs.length > 0 ? this.cdrGrace : this.endedGrace));
    rec.changed = true;
    this.touch(rec);
  }

  private reopen(rec: CallRecord): void {
    rec.call.state = rec.call.answeredAt ? "answered" : "ringing";
    rec.call.endedAt = null;
    rec.call.disposition = null;
    rec.endSeq = null;
    this.ended.delete(rec.call.linkedId);
    rec.changed = true;
  }

  /** Disposition, billsec and duration of an ended call from everything known (called again by late Cdrs). */
  private settleEnded(rec: CallRecord): void {
    const call = rec.call;
    if (call.endedAt === null) return;
    this.set(rec, "disposition", dispositionOf(rec));
    const pool = rec.externalCdrs.length > 0 ? rec.externalCdrs : rec.otherCdrs;
    if (pool.length === 0) {
      this.set(rec, "billsec", call.answeredAt ? seconds(call.endedAt.getTime() - call.answeredAt.getTime()) : 0);
      this.set(rec, "durationSec", seconds(call.endedAt.getTime() - call.startedAt.getTime()));
      return;
    }
    const answered = pool.filter((part) => part.disposition === "ANSWERED" && part.answer !== null);
    let billsec = 0;
    if (answered.length === 1) billsec = answered[0]!.billsec;
    else if (answered.length > 1) {
      // Transfers split the external party's time over several Cdrs (08, 09); it was answered from
      // the first answer to the last end, holds included (the carrier bills those too).
      const first = Math.min(...answered.map((part) => part.answer!));
      const last = Math.max(...answered.map((part) => part.end ?? part.answer!));
      billsec = Math.max(seconds(last - first), ...answered.map((part) => part.billsec));
    }
    let duration = pool[0]!.duration;
    if (pool.length > 1) {
      const starts = pool.map((part) => part.start).filter((value): value is number => value !== null);
      const ends = pool.map((part) => part.end).filter((value): value is number => value !== null);
      duration =
        starts.length && ends.length
          ? Math.max(seconds(Math.max(...ends) - Math.min(...starts)), ...pool.map((p) => p.duration))
          : duration;
    }
    this.set(rec, "billsec", billsec);
    this.set(rec, "durationSec", duration);
  }

  private drop(rec: CallRecord): void {
    for (const channel of rec.live.values()) {
      if (this.channels.get(channel.uniqueId) === channel) this.channels.delete(channel.uniqueId);
      if (this.channelNames.get(channel.name) === channel) this.channelNames.delete(channel.name);
    }
    rec.live.clear();
    if (rec.call.linhaCallId !== null && this.byCallId.get(rec.call.linhaCallId) === rec) this.byCallId.delete(rec.call.linhaCallId);
    this.ended.delete(rec.call.linkedId);
    if (this.records.get(rec.call.linkedId) === rec) this.records.delete(rec.call.linkedId);
    rec.changed = false;
  }

  private expire(): void {
    for (const [linkedId, until] of this.ended) {
      if (until > this.seq) break;
      const rec = this.records.get(linkedId);
      if (rec) this.drop(rec);
      else this.ended.delete(linkedId);
    }
  }

  // ------------------------------------------------------------------ output

  private set<K extends keyof TrackedCall>(rec: CallRecord, key: K, value: TrackedCall[K]): void {
    const current = rec.call[key];
    if (current === value || (current instanceof Date && value instanceof Date && current.getTime() === value.getTime())) return;
    rec.call[key] = value;
    rec.changed = true;
    this.touch(rec);
  }

  private touch(rec: CallRecord): void {
    this.touched.push(rec);
  }

  private flush(extra: TrackerOutput[]): TrackerOutput[] {
    const outputs: TrackerOutput[] = [];
    for (const rec of this.touched) {
      if (!rec.changed) continue;
      rec.changed = false;
      if (rec.isCall) outputs.push({ kind: "call", call: snapshot(rec) });
    }
    this.touched = [];
    // A call first, then what happened to it (an originate result names a call the ingest already has).
    for (const output of extra) outputs.push(output);
    return outputs;
  }

  private at(fields: AmiFields): Date {
    const stamp = amiField(fields, "timestamp");
    if (stamp) {
      const seconds = Number(stamp);
      if (Number.isFinite(seconds) && seconds > 0) return new Date(Math.round(seconds * 1000));
    }
    return this.now();
  }
}

// ------------------------------------------------------------------ helpers

const CONF_KIND: Record<string, ConferenceChange["kind"]> = {
  ConfbridgeStart: "start",
  ConfbridgeJoin: "join",
  ConfbridgeLeave: "leave",
  ConfbridgeMute: "mute",
  ConfbridgeUnmute: "unmute",
  ConfbridgeEnd: "end",
};

function snapshot(rec: CallRecord): TrackedCall {
  return { ...rec.call, channels: [...rec.call.channels] };
}

function firstParticipantId(rec: CallRecord): string | null {
  for (const channel of rec.live.values()) if (channel.confParticipantId) return channel.confParticipantId;
  return null;
}

/** What a channel is, from its name and the tenant Asterisk gave it (never from numbers). */
export function channelKind(name: string, tenant: string | null): { kind: ChannelKind; number: string | null; gateway: string | null } {
  if (name.startsWith("Local/")) return { kind: "local", number: null, gateway: null };
  const slash = name.indexOf("/");
  const dash = name.lastIndexOf("-");
  const endpoint = slash === -1 ? name : name.slice(slash + 1, dash > slash ? dash : undefined);
  if (tenant && endpoint.startsWith(`${tenant}_`)) {
    const rest = endpoint.slice(tenant.length + 1);
    if (/^[0-9]+$/.test(rest)) return { kind: "extension", number: rest, gateway: null };
    if (rest.startsWith("trunk_")) return { kind: "trunk", number: null, gateway: null };
  }
  if (endpoint.startsWith("gw_")) return { kind: "carrier", number: null, gateway: endpoint.slice(3) };
  return { kind: "other", number: null, gateway: null };
}

function isCarrierName(name: string | undefined): boolean {
  if (!name) return false;
  const slash = name.indexOf("/");
  return name.startsWith("gw_", slash + 1);
}

function isNumber(exten: string | undefined): exten is string {
  return exten !== undefined && exten !== "" && exten !== "s" && /^\+?[0-9*#]+$/.test(exten);
}

function callerNumber(fields: AmiFields, prefix = ""): string | null {
  const number = amiField(fields, `${prefix}calleridnum`);
  return number && number !== "<unknown>" ? number : null;
}

function toInt(value: string | undefined): number | null {
  if (value === undefined || value === "") return null;
  const number = Number.parseInt(value, 10);
  return Number.isFinite(number) ? number : null;
}

function seconds(ms: number): number {
  return Math.max(0, Math.round(ms / 1000));
}

/** `HH:MM:SS` (CoreShowChannel Duration). */
function parseDuration(value: string | undefined): number | null {
  const match = value ? /^(\d+):(\d{2}):(\d{2})$/.exec(value) : null;
  return match ? Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]) : null;
}

/** Cdr times (`2026-11-21 00:24:02`, the PBX's local time): only ever subtracted from each other. */
function parseCdrTime(value: string | undefined): number | null {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})/.exec(value) : null;
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

/** MIXMONITOR_FILENAME → `<slug>/<file>` (the part from the tenant's directory on), or null if unusable. */
function recordingPath(value: string, tenant: string | null): string | null {
  let path: string | null = null;
  if (tenant) {
    if (value.startsWith(`${tenant}/`)) path = value;
    else {
      const index = value.lastIndexOf(`/${tenant}/`);
      if (index !== -1) path = value.slice(index + 1);
    }
  }
  if (path === null) {
    const parts = value.split("/").filter(Boolean);
    if (parts.length >= 2) path = parts.slice(-2).join("/");
  }
  return path !== null && RECORDING_PATH.test(path) ? path : null;
}

function dispositionOf(rec: CallRecord): CallDisposition {
  const call = rec.call;
  if (call.answeredAt !== null) return "answered";
  // An originated call whose first leg never answered never dialled anyone (capture 03: the rep
  // did not pick up; no DialEnd, OriginateResponse Failure).
  if (rec.farDialStatus === null && rec.originated && !rec.agentAnswered) return "agent_missed";
  switch (rec.farDialStatus) {
    case "BUSY":
      return "busy";
    case "NOANSWER":
    case "CANCEL":
      return "no_answer";
    case "ANSWER":
      return "answered";
    case null:
      break;
    default:
      return "failed";
  }
  switch (rec.cdrDisposition) {
    case "BUSY":
      return "busy";
    case "NO ANSWER":
      return "no_answer";
    case "FAILED":
    case "CONGESTION":
      return "failed";
  }
  switch (call.hangupCause) {
    case 17:
      return "busy";
    case 18:
    case 19:
    case 0:
      return "no_answer";
  }
  // An inbound caller who hung up before anyone was rung missed us, whatever the cause.
  return call.direction === "inbound" ? "no_answer" : "failed";
}

/** PeerStatus / ContactStatus / EndpointList (PJSIPShowEndpoints item) → registration of an endpoint. */
export function presenceOf(event: AmiEvent): PresenceChange | null {
  const fields = event.fields;
  if (event.event === "PeerStatus") {
    const peer = amiField(fields, "peer") ?? "";
    const endpoint = peer.startsWith("PJSIP/") ? peer.slice(6) : peer;
    const status = amiField(fields, "peerstatus") ?? "";
    if (!endpoint) return null;
    return { endpoint, registered: status === "Reachable" || status === "Registered", contactUri: null };
  }
  if (event.event === "ContactStatus") {
    const endpoint = amiField(fields, "endpointname") || amiField(fields, "aor");
    const status = amiField(fields, "contactstatus") ?? "";
    const uri = amiField(fields, "uri") || null;
    if (!endpoint) return null;
    if (status === "Removed") return { endpoint, registered: false, contactUri: null };
    return { endpoint, registered: status !== "Unreachable", contactUri: uri };
  }
  if (event.event === "EndpointList") {
    const endpoint = amiField(fields, "objectname");
    if (!endpoint) return null;
    const state = amiField(fields, "devicestate") ?? "";
    const contact = (amiField(fields, "contacts") ?? "").split(",").find((item) => item.trim() !== "") ?? null;
    const uri = contact === null ? null : contact.startsWith(`${endpoint}/`) ? contact.slice(endpoint.length + 1) : contact;
    const registered = state !== "Unavailable" && state !== "Invalid" && state !== "Unknown";
    return { endpoint, registered, contactUri: registered ? uri : null };
  }
  return null;
}
