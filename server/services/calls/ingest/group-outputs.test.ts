import { describe, expect, it } from "vitest";
import type { TrackedCall, TrackerOutput } from "@/asterisk/events/types";
import { groupOutputs, splitEndpoint } from "./group-outputs";

function call(linkedId: string, tenantSlug: string | null, state: TrackedCall["state"]): TrackedCall {
  return {
    linkedId,
    tenantSlug,
    linhaCallId: null,
    linhaLeadId: null,
    originateActionId: null,
    direction: "outbound",
    state,
    fromNumber: "1001",
    toNumber: "5511999990000",
    extensionNumber: "1001",
    gatewayName: null,
    startedAt: new Date(0),
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
  };
}

describe("splitEndpoint", () => {
  it.each([
    ["acme_1001", { slug: "acme", number: "1001" }],
    ["t-1a2b3c4d_1002", { slug: "t-1a2b3c4d", number: "1002" }],
    ["gw_carrier", null],
    ["gw_1234", null],
    ["acme", null],
  ])("%s", (endpoint, expected) => expect(splitEndpoint(endpoint)).toEqual(expected));
});

describe("groupOutputs", () => {
  it("keeps each call's last snapshot, per tenant, and counts calls without a tenant", () => {
    const outputs: TrackerOutput[] = [
      { kind: "call", call: call("1.1", "acme", "originating") },
      { kind: "call", call: call("2.1", "globex", "ringing") },
      { kind: "call", call: call("1.1", "acme", "answered") },
      { kind: "call", call: call("3.1", null, "ringing") },
      { kind: "presence", presence: { endpoint: "acme_1001", registered: true, contactUri: "sip:a" } },
      { kind: "presence", presence: { endpoint: "acme_1001", registered: false, contactUri: null } },
      { kind: "presence", presence: { endpoint: "gw_carrier", registered: true, contactUri: "sip:c" } },
      { kind: "originate", actionId: "c2c-1", success: false, reason: 3, linkedId: null, at: new Date(0) },
      { kind: "originate", actionId: "c2c-2", success: true, reason: 4, linkedId: "1.1", at: new Date(0) },
      {
        kind: "conference",
        conference: {
          room: "globex_conf_123456",
          tenantSlug: null,
          kind: "end",
          channel: null,
          callerIdNumber: null,
          linkedId: null,
          participantId: null,
          at: new Date(0),
        },
      },
    ];
    const grouped = groupOutputs(outputs);
    expect([...grouped.bySlug.keys()].sort()).toEqual(["acme", "globex"]);
    const acme = grouped.bySlug.get("acme")!;
    expect([...acme.calls.values()].map((c) => c.state)).toEqual(["answered"]);
    expect([...acme.presence.values()]).toEqual([
      { extensionNumber: "1001", change: { endpoint: "acme_1001", registered: false, contactUri: null } },
    ]);
    expect(grouped.bySlug.get("globex")!.conferences).toHaveLength(1);
    expect(grouped.bySlug.get("globex")!.calls.size).toBe(1);
    expect(grouped.failedOriginates.map((f) => f.actionId)).toEqual(["c2c-1"]);
    expect(grouped.unattributed).toBe(1);
  });
});

describe("groupOutputs presence", () => {
  it("keeps the contact a ContactStatus named when the PeerStatus after it names none", () => {
    const grouped = groupOutputs([
      { kind: "presence", presence: { endpoint: "acme_1001", registered: true, contactUri: "sip:acme_1001@127.0.0.1:5071" } },
      { kind: "presence", presence: { endpoint: "acme_1001", registered: true, contactUri: null } },
    ]);
    expect(grouped.bySlug.get("acme")!.presence.get("1001")!.change.contactUri).toBe("sip:acme_1001@127.0.0.1:5071");
  });
});
