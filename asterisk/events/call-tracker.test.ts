import { describe, expect, it } from "vitest";
import type { AmiEvent, AmiFields } from "@/asterisk/ami/types";
import { CallTracker, type CallTrackerOptions } from "./call-tracker";
import { readCapture } from "./read-capture";
import type { ConferenceChange, TrackedCall, TrackerOutput } from "./types";

// Replays the recorded Asterisk 22 sessions (asterisk/testing/captures) through the tracker and
// checks the calls it reports field by field against what the bytes say happened.

const T0 = new Date("2026-11-21T00:00:00Z");
const newTracker = (options: CallTrackerOptions = {}) => new CallTracker({ now: () => T0, ...options });

type Run = {
  outputs: TrackerOutput[];
  /** Every snapshot reported per linkedid, in order. */
  snapshots: Map<string, TrackedCall[]>;
};

function feed(tracker: CallTracker, events: AmiEvent[], run: Run = { outputs: [], snapshots: new Map() }): Run {
  for (const event of events) {
    const outputs = tracker.ingest(event);
    const linkedIds = outputs.flatMap((output) => (output.kind === "call" ? [output.call.linkedId] : []));
    // Each changed call is reported once per event.
    expect(new Set(linkedIds).size).toBe(linkedIds.length);
    collect(run, outputs);
  }
  return run;
}

function collect(run: Run, outputs: TrackerOutput[]) {
  for (const output of outputs) {
    run.outputs.push(output);
    if (output.kind !== "call") continue;
    const list = run.snapshots.get(output.call.linkedId) ?? [];
    list.push(output.call);
    run.snapshots.set(output.call.linkedId, list);
  }
}

const final = (run: Run, linkedId: string) => run.snapshots.get(linkedId)!.at(-1)!;
const states = (run: Run, linkedId: string) =>
  run.snapshots.get(linkedId)!.reduce<string[]>((seq, call) => (seq.at(-1) === call.state ? seq : [...seq, call.state]), []);
const events = (name: string) => readCapture(name).events;
const ofKind = <K extends TrackerOutput["kind"]>(run: Run, kind: K) =>
  run.outputs.filter((output): output is Extract<TrackerOutput, { kind: K }> => output.kind === kind);
/** The snapshot current right after the first event matching `match`. */
function snapshotAfter(name: string, linkedId: string, match: (event: AmiEvent) => boolean, prepare?: (t: CallTracker) => void) {
  const tracker = newTracker();
  prepare?.(tracker);
  for (const event of events(name)) {
    tracker.ingest(event);
    if (match(event)) return tracker.call(linkedId)!;
  }
  throw new Error("event not found");
}
const field = (event: AmiEvent, key: string) => event.fields[key];

describe("click-to-call captures", () => {
  it("02 answered: originating → ringing → answered → ended, billsec from the Cdr that arrives after the Hangup", () => {
    const run = feed(newTracker(), events("02-c2c-answered"));
    const id = "1795220605.0";
    expect([...run.snapshots.keys()]).toEqual([id]);
    expect(states(run, id)).toEqual(["originating", "ringing", "answered", "ended"]);
    expect(final(run, id)).toMatchObject({
      tenantSlug: "acme",
      linhaCallId: "c-123",
      linhaLeadId: "l-9",
      originateActionId: "c2c-0002",
      direction: "outbound",
      state: "ended",
      fromNumber: "1001",
      toNumber: "5511999990000",
      extensionNumber: "1001",
      gatewayName: "carrier",
      disposition: "answered",
      hangupCause: 16,
      hangupCauseText: "Normal Clearing",
      billsec: 6,
      durationSec: 7,
      transferredTo: null,
      agentChannel: null,
      peerChannel: null,
      channels: [],
    });
    // Ended before its Cdr (fallback answeredAt → endedAt, 0 s with this clock), then the late Cdr's 6 s.
    const ended = run.snapshots.get(id)!.filter((call) => call.state === "ended");
    expect(ended.map((call) => call.billsec)).toEqual([0, 6]);
    expect(ofKind(run, "originate")).toEqual([{ kind: "originate", actionId: "c2c-0002", success: true, reason: 4, linkedId: id, at: T0 }]);
    const answered = snapshotAfter(
      "02-c2c-answered",
      id,
      (e) => e.event === "BridgeEnter" && field(e, "channel") === "PJSIP/acme_1001-00000000",
    );
    expect(answered).toMatchObject({
      state: "answered",
      agentChannel: "PJSIP/acme_1001-00000000",
      peerChannel: "PJSIP/gw_carrier-00000001",
      channels: ["PJSIP/acme_1001-00000000", "PJSIP/gw_carrier-00000001"],
    });
  });

  it("03 rep never answers: agent_missed, cause 19, the ActionID-only OriginateResponse reaches the call through expectOriginate", () => {
    const tracker = newTracker();
    tracker.expectOriginate("c2c-0003", { callId: "c-123" });
    const run = feed(tracker, events("03-c2c-rep-no-answer"));
    const id = "1795220616.3";
    expect(states(run, id)).toEqual(["originating", "ended"]);
    expect(final(run, id)).toMatchObject({
      tenantSlug: "acme",
      linhaCallId: "c-123",
      originateActionId: "c2c-0003",
      direction: "outbound",
      fromNumber: "1001",
      toNumber: "5511999990000",
      extensionNumber: "1001",
      gatewayName: null,
      ringingAt: null,
      answeredAt: null,
      disposition: "agent_missed",
      hangupCause: 19,
      hangupCauseText: "User alerting, no answer",
      billsec: 0,
    });
    // Known from the first event: the ingest can match the Call row by its Originate right away.
    expect(run.snapshots.get(id)![0]!.originateActionId).toBe("c2c-0003");
    expect(ofKind(run, "originate")).toEqual([
      { kind: "originate", actionId: "c2c-0003", success: false, reason: 3, linkedId: id, at: T0 },
    ]);
    expect(tracker.stats().expectedOriginates).toBe(0);
  });

  it("03 without expectOriginate: still agent_missed, the response just cannot name its call", () => {
    const run = feed(newTracker(), events("03-c2c-rep-no-answer"));
    expect(final(run, "1795220616.3")).toMatchObject({ disposition: "agent_missed", originateActionId: null });
    expect(ofKind(run, "originate")[0]).toMatchObject({ success: false, linkedId: null });
  });

  it("04 carrier busy: DialEnd BUSY, cause 17 from the carrier leg, no billable seconds from the BUSY Cdr", () => {
    const run = feed(newTracker(), events("04-c2c-carrier-busy"));
    const id = "1795220641.4";
    expect(states(run, id)).toEqual(["originating", "ringing", "ended"]);
    expect(final(run, id)).toMatchObject({
      direction: "outbound",
      toNumber: "5511999990000",
      gatewayName: "carrier",
      answeredAt: null,
      disposition: "busy",
      hangupCause: 17,
      hangupCauseText: "User busy",
      billsec: 0,
      durationSec: 1,
    });
  });

  it("05 carrier no answer: DialEnd NOANSWER, the carrier leg's cause 0 after Dial's timeout", () => {
    const run = feed(newTracker(), events("05-c2c-carrier-no-answer"));
    const id = "1795220646.8";
    expect(states(run, id)).toEqual(["originating", "ringing", "ended"]);
    expect(final(run, id)).toMatchObject({
      disposition: "no_answer",
      hangupCause: 0,
      hangupCauseText: "Unknown",
      billsec: 0,
      durationSec: 31,
    });
  });
});

describe("inbound and internal captures", () => {
  it("06 inbound DID: tenant only once the carrier leg runs the tenant's inbound context", () => {
    const run = feed(newTracker(), events("06-inbound-did"));
    const id = "1795220681.12";
    const snapshots = run.snapshots.get(id)!;
    expect(snapshots[0]!.tenantSlug).toBeNull();
    expect(states(run, id)).toEqual(["ringing", "answered", "ended"]);
    expect(final(run, id)).toMatchObject({
      tenantSlug: "acme",
      direction: "inbound",
      fromNumber: "5511988887777",
      toNumber: "551130000001",
      extensionNumber: "1002",
      gatewayName: "carrier",
      disposition: "answered",
      hangupCause: 16,
      billsec: 6,
      durationSec: 7,
      linhaCallId: null,
    });
    const answered = snapshotAfter("06-inbound-did", id, (e) => e.event === "BridgeEnter");
    expect(answered).toMatchObject({ agentChannel: "PJSIP/acme_1002-00000008", peerChannel: "PJSIP/gw_carrier-00000007" });
  });

  it("07 internal call: extension to extension, its single Cdr", () => {
    const run = feed(newTracker(), events("07-internal-call"));
    const id = "1795220692.15";
    expect(states(run, id)).toEqual(["ringing", "answered", "ended"]);
    expect(final(run, id)).toMatchObject({
      tenantSlug: "acme",
      direction: "internal",
      fromNumber: "1001",
      toNumber: "1002",
      extensionNumber: "1001",
      gatewayName: null,
      disposition: "answered",
      billsec: 5,
      durationSec: 6,
    });
    const answered = snapshotAfter("07-internal-call", id, (e) => e.event === "BridgeEnter");
    expect(answered).toMatchObject({ agentChannel: "PJSIP/acme_1001-00000009", peerChannel: "PJSIP/acme_1002-0000000a" });
  });

  it("a call without any tenant (unknown DID) is reported with tenantSlug null", () => {
    // 06's carrier leg as it goes when the DID is nobody's: from_carrier answers Hangup(1), no Set(tenantid).
    const source = events("06-inbound-did");
    const carrier = (e: AmiEvent) => field(e, "channel") === "PJSIP/gw_carrier-00000007";
    const newchannel = source.find((e) => e.event === "Newchannel" && carrier(e))!;
    const { tenantid: _tenant, ...hangup } = source.find((e) => e.event === "Hangup" && carrier(e))!.fields;
    const run = feed(newTracker(), [
      newchannel,
      { event: "Hangup", fields: { ...hangup, cause: "1", "cause-txt": "Unallocated (unassigned) number" } },
    ]);
    const calls = [...run.snapshots.values()].map((list) => list.at(-1)!);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ tenantSlug: null, direction: "inbound", state: "ended", disposition: "no_answer" });
  });
});

describe("transfers", () => {
  it("08 blind transfer (Redirect of the carrier leg): same call, new agent 1003, billsec over both Cdrs", () => {
    const run = feed(newTracker(), events("08-blind-transfer-redirect"));
    const id = "1795220703.18";
    expect([...run.snapshots.keys()]).toEqual([id]);
    expect(states(run, id)).toEqual(["originating", "ringing", "answered", "ended"]);
    expect(final(run, id)).toMatchObject({
      direction: "outbound",
      extensionNumber: "1001",
      transferredTo: "1003",
      disposition: "answered",
      hangupCause: 16,
      // The carrier was answered 00:25:04 → 00:25:21 (Cdrs of 4 s and 13 s).
      billsec: 17,
      durationSec: 18,
    });
    expect(run.snapshots.get(id)!.filter((call) => call.state === "ended" && call.endedAt !== null).length).toBeGreaterThan(0);
    const after = snapshotAfter(
      "08-blind-transfer-redirect",
      id,
      (e) => e.event === "BridgeEnter" && field(e, "channel") === "PJSIP/gw_carrier-0000000c" && field(e, "exten") === "1003",
    );
    expect(after).toMatchObject({
      state: "answered",
      transferredTo: "1003",
      agentChannel: "PJSIP/acme_1003-0000000d",
      peerChannel: "PJSIP/gw_carrier-0000000c",
      channels: ["PJSIP/gw_carrier-0000000c", "PJSIP/acme_1003-0000000d"],
    });
  });

  it("09 attended transfer (Atxfer): the consult leg becomes the agent only on AttendedTransfer; ends once", () => {
    const run = feed(newTracker(), events("09-attended-transfer-atxfer"));
    const id = "1795220725.23";
    expect([...run.snapshots.keys()]).toEqual([id]);
    expect(states(run, id)).toEqual(["originating", "ringing", "answered", "ended"]);
    expect(final(run, id)).toMatchObject({
      linhaCallId: "c-124",
      transferredTo: "1003",
      disposition: "answered",
      // 00:25:26 → 00:25:53, the carrier's hold during the consult included.
      billsec: 27,
      durationSec: 28,
    });
    const consulting = snapshotAfter(
      "09-attended-transfer-atxfer",
      id,
      (e) => e.event === "DialEnd" && field(e, "destchannel") === "PJSIP/acme_1003-00000010",
    );
    expect(consulting).toMatchObject({ agentChannel: "PJSIP/acme_1001-0000000e", transferredTo: null });
    const transferred = snapshotAfter("09-attended-transfer-atxfer", id, (e) => e.event === "AttendedTransfer");
    expect(transferred).toMatchObject({
      agentChannel: "PJSIP/acme_1003-00000010",
      peerChannel: "PJSIP/gw_carrier-0000000f",
      transferredTo: "1003",
    });
  });
});

describe("monitoring and conferences", () => {
  it.each([
    ["10-chanspy-qEB", "1795220757.32", "PJSIP/acme_1003-00000013", "PJSIP/acme_1001-00000011"],
    ["10-chanspy-qEw", "1795220776.37", "PJSIP/acme_1003-00000016", "PJSIP/acme_1001-00000014"],
  ])("%s: the ChanSpy session is a spy output, never a call", (name, spied, spyer, spyee) => {
    const run = feed(newTracker(), events(name));
    expect([...run.snapshots.keys()]).toEqual([spied]);
    expect(final(run, spied)).toMatchObject({ direction: "outbound", disposition: "answered", agentChannel: null });
    expect(ofKind(run, "spy").map((output) => output.spy)).toEqual([
      {
        kind: "start",
        spyerChannel: spyer,
        spyeeChannel: spyee,
        spyerTenantSlug: "acme",
        spyeeTenantSlug: "acme",
        spyeeLinkedId: spied,
        at: T0,
      },
      {
        kind: "stop",
        spyerChannel: spyer,
        spyeeChannel: spyee,
        spyerTenantSlug: "acme",
        spyeeTenantSlug: "acme",
        spyeeLinkedId: spied,
        at: T0,
      },
    ]);
    expect(ofKind(run, "originate").find((output) => output.actionId.startsWith("spy-"))).toMatchObject({ success: true, linkedId: null });
  });

  it("11 conference: conference outputs for every participant, one billable outbound call for the carrier leg only", () => {
    const tracker = newTracker();
    const source = events("11-conference");
    // Our Control originates participants with LINHA_CONF=<participant id>: inject it as Asterisk would report it.
    const joinIndex = source.findIndex((e) => e.event === "ConfbridgeJoin" && field(e, "channel") === "PJSIP/acme_1002-00000018");
    const template = source.find((e) => e.event === "VarSet" && field(e, "channel") === "PJSIP/acme_1002-00000018")!;
    const confVar: AmiEvent = { event: "VarSet", fields: { ...template.fields, variable: "LINHA_CONF", value: "p-1002" } };
    const run = feed(tracker, [...source.slice(0, joinIndex), confVar, ...source.slice(joinIndex)]);
    expect([...run.snapshots.keys()]).toEqual(["1795220801.46"]);
    expect(final(run, "1795220801.46")).toMatchObject({
      tenantSlug: "acme",
      linhaCallId: "c-125",
      originateActionId: "conf-carrier",
      direction: "outbound",
      toNumber: "5511999990000",
      gatewayName: "carrier",
      extensionNumber: null,
      disposition: "answered",
      billsec: 8,
    });
    const conference = ofKind(run, "conference").map((output) => output.conference);
    expect(conference.map((c) => c.kind)).toEqual(["start", "join", "join", "join", "mute", "unmute", "leave", "leave", "leave", "end"]);
    expect(conference.every((c) => c.room === "acme_room")).toBe(true);
    const joins = conference.filter((c) => c.kind === "join");
    expect(joins.map((c) => [c.channel, c.tenantSlug, c.participantId])).toEqual([
      ["PJSIP/acme_1001-00000017", "acme", null],
      ["PJSIP/acme_1002-00000018", "acme", "p-1002"],
      ["Local/5511999990000@t_acme_outbound-00000002;1", "acme", null],
    ]);
    expect(conference.find((c) => c.kind === "mute")).toMatchObject<Partial<ConferenceChange>>({
      participantId: "p-1002",
      linkedId: "1795220800.45",
    });
    expect(tracker.openCalls()).toEqual([]);
  });
});

describe("tenants and ordering", () => {
  it("12 two tenants at once: exactly one acme and one globex call, nothing crossed", () => {
    const run = feed(newTracker(), events("12-two-tenants-concurrent"));
    const calls = [...run.snapshots.keys()].map((id) => final(run, id));
    expect(calls).toHaveLength(2);
    const acme = calls.find((call) => call.tenantSlug === "acme")!;
    const globex = calls.find((call) => call.tenantSlug === "globex")!;
    expect(acme).toMatchObject({
      linhaCallId: "c-200",
      originateActionId: "c2c-acme-0012",
      toNumber: "5511999990000",
      extensionNumber: "1001",
      billsec: 6,
    });
    expect(globex).toMatchObject({
      linhaCallId: "c-201",
      originateActionId: "c2c-globex-0012",
      toNumber: "5521988880000",
      extensionNumber: "1001",
      billsec: 6,
    });
    for (const snapshot of run.snapshots.get(acme.linkedId)!) {
      expect(snapshot.tenantSlug === null || snapshot.tenantSlug === "acme").toBe(true);
      expect(snapshot.channels.some((name) => name.includes("globex"))).toBe(false);
    }
    for (const snapshot of run.snapshots.get(globex.linkedId)!) {
      expect(snapshot.channels.some((name) => name.includes("acme"))).toBe(false);
      expect(snapshot.agentChannel === null || snapshot.agentChannel.startsWith("PJSIP/globex_")).toBe(true);
    }
  });

  it("interleaving captures (02, a renamed copy of 02, 12) gives the same calls as running them apart", () => {
    const a = events("02-c2c-answered");
    const b = renamed(a, "r1");
    const c = events("12-two-tenants-concurrent");
    const apart = new Map<string, TrackedCall>();
    for (const source of [a, b, c]) {
      const run = feed(newTracker(), source);
      for (const id of run.snapshots.keys()) apart.set(id, final(run, id));
    }
    const mixed: AmiEvent[] = [];
    for (let i = 0; i < Math.max(a.length, b.length, c.length); i++) for (const source of [a, b, c]) if (source[i]) mixed.push(source[i]!);
    const run = feed(newTracker(), mixed);
    expect(run.snapshots.size).toBe(4);
    for (const [id, call] of apart) expect(final(run, id)).toEqual(call);
  });

  it("DialEnd and OriginateResponse in either order give the same call", () => {
    const source = events("02-c2c-answered");
    const dialEnd = source.findIndex((e) => e.event === "DialEnd" && !field(e, "channel"));
    const response = source.findIndex((e) => e.event === "OriginateResponse");
    expect(dialEnd).toBeLessThan(response);
    const swapped = [...source];
    const [moved] = swapped.splice(response, 1);
    swapped.splice(dialEnd, 0, moved!);
    const id = "1795220605.0";
    expect(final(feed(newTracker(), swapped), id)).toEqual(final(feed(newTracker(), source), id));
  });

  it("a Cdr before or after the last Hangup gives the same call (02 and 13 have one each way)", () => {
    for (const [name, id] of [
      ["02-c2c-answered", "1795220605.0"],
      ["13-coreshowchannels", "1795220827.63"],
    ] as const) {
      const source = events(name);
      const cdr = source.findIndex((e) => e.event === "Cdr");
      const lastHangup = source.findLastIndex((e) => e.event === "Hangup");
      const moved = [...source];
      const [item] = moved.splice(cdr, 1);
      const hangup = moved.findLastIndex((e) => e.event === "Hangup");
      moved.splice(cdr < lastHangup ? hangup + 1 : hangup, 0, item!);
      expect(moved.findIndex((e) => e.event === "Cdr") < moved.findLastIndex((e) => e.event === "Hangup")).toBe(!(cdr < lastHangup));
      expect(final(feed(newTracker(), moved), id)).toEqual(final(feed(newTracker(), source), id));
    }
  });
});

describe("reconnect", () => {
  const conn1 = () => events("16-ami-disconnect-midcall.conn1");
  const conn2 = () => readCapture("16-ami-disconnect-midcall.conn2");
  const id = "1795220861.66";
  const later = new Date("2026-11-21T00:00:10Z");

  it("16: reconcile with CoreShowChannels after the reconnect keeps the same call; it ends once, with its Cdr", () => {
    const tracker = newTracker();
    const run = feed(tracker, conn1());
    expect(tracker.openCalls().map((call) => call.state)).toEqual(["answered"]);
    const second = conn2();
    collect(run, tracker.reconcile(second.lists.get("csc-after-reconnect")!, later));
    expect(tracker.openCalls()).toHaveLength(1);
    feed(tracker, second.events, run);
    expect([...run.snapshots.keys()]).toEqual([id]);
    expect(run.snapshots.get(id)!.filter((call) => call.state === "ended").length).toBeGreaterThan(0);
    expect(final(run, id)).toMatchObject({
      state: "ended",
      disposition: "answered",
      billsec: 14,
      durationSec: 15,
      hangupCause: 16,
      transferredTo: null,
    });
    expect(tracker.openCalls()).toEqual([]);
  });

  it("a call whose channels are all gone after the reconnect ends at reconcile time, without a cause", () => {
    const tracker = newTracker();
    feed(tracker, conn1());
    const outputs = tracker.reconcile([], later);
    expect(outputs).toHaveLength(1);
    expect(outputs[0]).toMatchObject({
      kind: "call",
      call: { linkedId: id, state: "ended", endedAt: later, disposition: "answered", hangupCause: null, channels: [] },
    });
    expect(tracker.openCalls()).toEqual([]);
  });

  it("after a restart, CoreShowChannels alone rebuilds the call; the rest of the traffic completes it", () => {
    const tracker = newTracker();
    const second = conn2();
    const outputs = tracker.reconcile(second.lists.get("csc-after-reconnect")!, later);
    expect(outputs).toHaveLength(1);
    expect(outputs[0]).toMatchObject({
      kind: "call",
      call: {
        linkedId: id,
        tenantSlug: "acme",
        direction: "outbound",
        state: "answered",
        fromNumber: "1001",
        toNumber: "5511999990000",
        extensionNumber: "1001",
        gatewayName: "carrier",
        // Duration 00:00:05 for the rep's leg, 00:00:04 for the carrier's.
        startedAt: new Date(later.getTime() - 5000),
        answeredAt: new Date(later.getTime() - 4000),
        agentChannel: "PJSIP/acme_1001-00000020",
      },
    });
    // The same snapshot again is no change.
    expect(tracker.reconcile(second.lists.get("csc-after-reconnect")!, later)).toEqual([]);
    const run = feed(tracker, second.events);
    expect(final(run, id)).toMatchObject({ state: "ended", disposition: "answered", billsec: 14 });
  });
});

describe("presence", () => {
  it("00 registration: PeerStatus and ContactStatus of each endpoint", () => {
    const run = feed(newTracker(), events("00-registration"));
    expect(ofKind(run, "presence").map((output) => output.presence)).toEqual([
      { endpoint: "acme_1001", registered: true, contactUri: null },
      { endpoint: "acme_1001", registered: true, contactUri: "sip:acme_1001@127.0.0.1:5071" },
      { endpoint: "acme_1002", registered: true, contactUri: null },
      { endpoint: "acme_1002", registered: true, contactUri: "sip:acme_1002@127.0.0.1:5072" },
      { endpoint: "acme_1003", registered: true, contactUri: null },
      { endpoint: "acme_1003", registered: true, contactUri: "sip:acme_1003@127.0.0.1:5073" },
      { endpoint: "globex_1001", registered: true, contactUri: null },
      { endpoint: "globex_1001", registered: true, contactUri: "sip:globex_1001@127.0.0.1:5081" },
    ]);
  });

  it("unregistration and PJSIPShowEndpoints items", () => {
    const tracker = newTracker();
    const presence = (event: string, fields: AmiFields) =>
      tracker.ingest({ event, fields }).map((output) => (output.kind === "presence" ? output.presence : null));
    expect(
      presence("ContactStatus", {
        uri: "sip:acme_1001@127.0.0.1:5071",
        contactstatus: "Removed",
        aor: "acme_1001",
        endpointname: "acme_1001",
      }),
    ).toEqual([{ endpoint: "acme_1001", registered: false, contactUri: null }]);
    expect(presence("PeerStatus", { channeltype: "PJSIP", peer: "PJSIP/acme_1001", peerstatus: "Unreachable" })).toEqual([
      { endpoint: "acme_1001", registered: false, contactUri: null },
    ]);
    const item = (name: string, deviceState: string, contacts: string) =>
      presence("EndpointList", {
        objecttype: "endpoint",
        objectname: name,
        aor: name,
        devicestate: deviceState,
        contacts,
        activechannels: "",
      });
    expect(item("acme_1002", "Not in use", "acme_1002/sip:acme_1002@10.0.0.7:5060,")).toEqual([
      { endpoint: "acme_1002", registered: true, contactUri: "sip:acme_1002@10.0.0.7:5060" },
    ]);
    expect(item("acme_1003", "In use", "acme_1003/sip:acme_1003@10.0.0.8:5060,")[0]).toMatchObject({ registered: true });
    expect(item("acme_1004", "Unavailable", "")).toEqual([{ endpoint: "acme_1004", registered: false, contactUri: null }]);
  });
});

describe("production headers", () => {
  it("Timestamp and ChanVariable headers (manager.conf timestampevents, channelvars) are used when present", () => {
    const base = Date.UTC(2026, 10, 21, 0, 24, 0) / 1000;
    const production = events("02-c2c-answered")
      .filter((e) => !(e.event === "VarSet" && String(field(e, "variable")).startsWith("LINHA_")))
      .map((e, index): AmiEvent => {
        const fields: Record<string, string | readonly string[]> = { ...e.fields, timestamp: (base + index * 0.5).toFixed(6) };
        if (field(e, "channel") === "PJSIP/acme_1001-00000000")
          fields.chanvariable = ["LINHA_CALL_ID=c-900", "LINHA_TENANT=acme", "LINHA_LEAD=l-77"];
        if (field(e, "destchannel") === "PJSIP/acme_1001-00000000")
          fields.destchanvariable = ["LINHA_CALL_ID=c-900", "LINHA_TENANT=acme", "LINHA_LEAD=l-77"];
        return { event: e.event, fields };
      });
    const run = feed(new CallTracker({ now: () => new Date(0) }), production);
    const snapshots = run.snapshots.get("1795220605.0")!;
    const newchannel = production.find((e) => e.event === "Newchannel")!;
    const startedAt = new Date(Number(field(newchannel, "timestamp")) * 1000);
    expect(snapshots[0]).toMatchObject({ linhaCallId: "c-900", linhaLeadId: "l-77", startedAt });
    const call = snapshots.at(-1)!;
    expect(call.startedAt).toEqual(startedAt);
    expect(call.answeredAt!.getTime()).toBeGreaterThan(call.ringingAt!.getTime());
    expect(call.endedAt!.getTime()).toBeGreaterThan(call.answeredAt!.getTime());
    expect(call.billsec).toBe(6);
  });

  it("MIXMONITOR_FILENAME becomes the recording path under the tenant's directory; anything else is refused", () => {
    const source = events("02-c2c-answered");
    const template = source.find((e) => e.event === "VarSet" && field(e, "channel") === "PJSIP/acme_1001-00000000")!;
    const withFile = (value: string) => {
      const index = source.findIndex((e) => e.event === "BridgeEnter");
      const varSet: AmiEvent = { event: "VarSet", fields: { ...template.fields, variable: "MIXMONITOR_FILENAME", value } };
      return final(feed(newTracker(), [...source.slice(0, index), varSet, ...source.slice(index)]), "1795220605.0").recordingFile;
    };
    expect(withFile("/var/spool/asterisk/monitor/acme/1795220605.0.wav")).toBe("acme/1795220605.0.wav");
    expect(withFile("acme/1795220605.0.wav")).toBe("acme/1795220605.0.wav");
    expect(withFile("/var/spool/asterisk/monitor/acme/../../../etc/passwd")).toBeNull();
    expect(withFile("/var/spool/asterisk/monitor/acme/x;rm.wav")).toBeNull();
  });

  it("an Originate that fails before any channel exists (endpoint offline) is reported by its ActionID only", () => {
    const tracker = newTracker();
    tracker.expectOriginate("c2c-77", { callId: "c-77" });
    const outputs = tracker.ingest({
      event: "OriginateResponse",
      fields: {
        actionid: "c2c-77",
        response: "Failure",
        channel: "PJSIP/acme_1009",
        context: "t_acme_outbound",
        exten: "5511999990000",
        reason: "0",
        uniqueid: "<unknown>",
      },
    });
    expect(outputs).toEqual([{ kind: "originate", actionId: "c2c-77", success: false, reason: 0, linkedId: null, at: T0 }]);
    expect(tracker.stats()).toMatchObject({ records: 0, expectedOriginates: 0 });
  });
});

describe("memory", () => {
  it("10,000 calls through: nothing open, maps bounded during the run and empty at the end", () => {
    // 02 without the noise (RTP QoS VarSets, RTCP) as a template; every call gets its own ids.
    const template = events("02-c2c-answered").filter(
      (e) => e.event !== "RTCPSent" && !(e.event === "VarSet" && !String(field(e, "variable")).startsWith("LINHA_")),
    );
    const calls = Array.from({ length: 10_000 }, (_, i) => renamed(template, `n${i}`));
    const tracker = newTracker();
    let ended = 0;
    let events_ = 0;
    let maxRecords = 0;
    let busy = 0;
    for (const call of calls) {
      const started = performance.now();
      for (const event of call) {
        for (const output of tracker.ingest(event))
          if (output.kind === "call" && output.call.state === "ended" && output.call.billsec === 6) ended++;
      }
      busy += performance.now() - started;
      events_ += call.length;
      maxRecords = Math.max(maxRecords, tracker.stats().records);
    }
    // A measurement for the report, not an assertion (the machine is shared).
    console.info(`call tracker: ${events_} events in ${(busy / 1000).toFixed(2)} s (${Math.round(events_ / (busy / 1000))} events/s)`);
    expect(ended).toBe(10_000);
    expect(tracker.openCalls()).toEqual([]);
    // Ended calls whose Cdr came are kept only for the short Cdr grace window.
    expect(maxRecords).toBeLessThanOrEqual(10);
    const stats = tracker.stats();
    expect(stats.channels).toBe(0);
    expect(stats.channelNames).toBe(0);
    tracker.flushEnded();
    expect(tracker.stats()).toEqual({ records: 0, endedRetained: 0, channels: 0, channelNames: 0, callIds: 0, expectedOriginates: 0 });
  }, 120_000);

  it("an ended call without a Cdr (03) is dropped after the grace window of events", () => {
    const tracker = newTracker({ endedGraceEvents: 5 });
    feed(tracker, events("03-c2c-rep-no-answer"));
    expect(tracker.call("1795220616.3")).not.toBeNull();
    for (let i = 0; i < 5; i++) tracker.ingest({ event: "DeviceStateChange", fields: { device: "PJSIP/acme_1001", state: "NOT_INUSE" } });
    expect(tracker.call("1795220616.3")).toBeNull();
    expect(tracker.stats().records).toBe(0);
  });
});

/** A copy of a capture's events with its own uniqueids, linkedids, channel names, ActionIDs and call ids. */
function renamed(source: AmiEvent[], tag: string): AmiEvent[] {
  const rename = (key: string, value: string) => {
    if (key === "actionid" || (key === "value" && value.startsWith("c-"))) return `${value}${tag}`;
    if (!ID_KEYS.has(key)) return value;
    return value.replace(/\b(\d{10}\.\d+)\b/g, `$1${tag}`).replace(/-([0-9a-f]{8})(?=;|$|,)/g, `-$1${tag}`);
  };
  return source.map((event) => {
    const fields: Record<string, string | readonly string[]> = {};
    for (const [key, value] of Object.entries(event.fields))
      fields[key] = typeof value === "string" ? rename(key, value) : value.map((item) => rename(key, item));
    return { event: event.event, fields };
  });
}

const ID_KEYS = new Set([
  "channel",
  "uniqueid",
  "linkedid",
  "destchannel",
  "destuniqueid",
  "destlinkedid",
  "destinationchannel",
  "spyerchannel",
  "spyeechannel",
  "spyerlinkedid",
  "spyeelinkedid",
  "transfereelinkedid",
  "origtransfererlinkedid",
]);
