import { describe, expect, it } from "vitest";
import type { AgentPresence, BoardSnapshot, CallView, ConferenceView } from "@/lib/schemas/calls";
import { agentStatus, applyLiveUpdate, ENDED_VISIBLE_MS, visibleCalls } from "./live-board-state";

const NOW = Date.parse("2026-01-10T12:00:00.000Z");
const iso = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();

function call(overrides: Partial<CallView> = {}): CallView {
  return {
    id: "c1",
    direction: "outbound",
    state: "ringing",
    fromNumber: "1001",
    toNumber: "+5511999990000",
    extensionNumber: "1001",
    userId: "u1",
    userName: "Ana",
    leadId: null,
    leadName: null,
    startedAt: iso(-10_000),
    ringingAt: iso(-8_000),
    answeredAt: null,
    endedAt: null,
    durationSec: null,
    billsec: null,
    disposition: null,
    hangupCause: null,
    hangupCauseText: null,
    transferredTo: null,
    outcome: null,
    hasRecording: false,
    ...overrides,
  };
}

function agent(extensionNumber: string, overrides: Partial<AgentPresence> = {}): AgentPresence {
  return {
    extensionId: `e${extensionNumber}`,
    extensionNumber,
    name: extensionNumber,
    userId: null,
    registered: true,
    callId: null,
    ...overrides,
  };
}

function snapshot(overrides: Partial<BoardSnapshot> = {}): BoardSnapshot {
  return {
    calls: [],
    agents: [agent("1001"), agent("1002")],
    conferences: [],
    viewer: { canMonitor: false, extensionNumber: "1001", canControlAll: false },
    ...overrides,
  };
}

describe("applyLiveUpdate", () => {
  it("adds a new call and puts its extension on it", () => {
    const next = applyLiveUpdate(snapshot(), { type: "call", call: call() }, NOW);
    expect(next.calls.map((c) => c.id)).toEqual(["c1"]);
    expect(next.agents.find((a) => a.extensionNumber === "1001")?.callId).toBe("c1");
    expect(next.agents.find((a) => a.extensionNumber === "1002")?.callId).toBeNull();
  });

  it("replaces a known call and frees the extension when it ends", () => {
    const live = applyLiveUpdate(snapshot(), { type: "call", call: call() }, NOW);
    const ended = applyLiveUpdate(live, { type: "call", call: call({ state: "ended", endedAt: iso(0), disposition: "answered" }) }, NOW);
    expect(ended.calls).toHaveLength(1);
    expect(ended.calls[0]!.state).toBe("ended");
    expect(ended.agents.find((a) => a.extensionNumber === "1001")?.callId).toBeNull();
  });

  it("ignores a late update that would bring an ended call back", () => {
    const ended = applyLiveUpdate(snapshot(), { type: "call", call: call({ state: "ended", endedAt: iso(0) }) }, NOW);
    const late = applyLiveUpdate(ended, { type: "call", call: call({ state: "answered", answeredAt: iso(-1000) }) }, NOW);
    expect(late.calls[0]!.state).toBe("ended");
    expect(late.agents.find((a) => a.extensionNumber === "1001")?.callId).toBeNull();
  });

  it("moves the call to the extension it was transferred to", () => {
    const live = applyLiveUpdate(snapshot(), { type: "call", call: call({ state: "answered" }) }, NOW);
    const moved = applyLiveUpdate(
      live,
      { type: "call", call: call({ state: "answered", extensionNumber: "1002", transferredTo: "1002" }) },
      NOW,
    );
    expect(moved.agents.map((a) => [a.extensionNumber, a.callId])).toEqual([
      ["1001", null],
      ["1002", "c1"],
    ]);
  });

  it("treats an incoming pop as a call on the board", () => {
    const next = applyLiveUpdate(
      snapshot(),
      { type: "incoming", call: call({ direction: "inbound", leadId: "l1", leadName: "Lia" }) },
      NOW,
    );
    expect(next.calls[0]!.leadName).toBe("Lia");
  });

  it("drops calls that ended long ago from the cache", () => {
    const old = call({ id: "old", state: "ended", endedAt: iso(-120_000) });
    const next = applyLiveUpdate(snapshot({ calls: [old] }), { type: "call", call: call() }, NOW);
    expect(next.calls.map((c) => c.id)).toEqual(["c1"]);
  });

  it("updates presence only for that extension", () => {
    const next = applyLiveUpdate(snapshot(), { type: "presence", extensionNumber: "1002", registered: false }, NOW);
    expect(next.agents.map((a) => [a.extensionNumber, a.registered])).toEqual([
      ["1001", true],
      ["1002", false],
    ]);
  });

  it("upserts a conference", () => {
    const conf: ConferenceView = { id: "k1", code: "123456", title: "Sync", startedAt: iso(0), endedAt: null, participants: [] };
    const one = applyLiveUpdate(snapshot(), { type: "conference", conference: conf }, NOW);
    const joined = applyLiveUpdate(
      one,
      {
        type: "conference",
        conference: { ...conf, participants: [{ id: "p1", target: "1002", label: "Marta", state: "joined", muted: false }] },
      },
      NOW,
    );
    expect(joined.conferences).toHaveLength(1);
    expect(joined.conferences[0]!.participants[0]!.state).toBe("joined");
  });
});

describe("visibleCalls", () => {
  it("keeps ended calls for a few seconds, newest first", () => {
    const calls = [
      call({ id: "a", startedAt: iso(-30_000) }),
      call({ id: "b", startedAt: iso(-5_000) }),
      call({ id: "gone", state: "ended", endedAt: iso(-ENDED_VISIBLE_MS - 1) }),
      call({ id: "fading", state: "ended", startedAt: iso(-60_000), endedAt: iso(-1000) }),
    ];
    expect(visibleCalls(calls, NOW).map((c) => c.id)).toEqual(["b", "a", "fading"]);
  });
});

describe("agentStatus", () => {
  it.each([
    [agent("1", { registered: false }), "offline"],
    [agent("1"), "free"],
    [agent("1", { callId: "c1" }), "in_call"],
    [agent("1", { registered: false, callId: "c1" }), "in_call"],
  ] as const)("%#", (a, status) => expect(agentStatus(a)).toBe(status));
});
