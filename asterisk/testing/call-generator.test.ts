import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CAPTURES_DIR } from "./ami-server";
import { formatPacket, splitPackets } from "./ami-wire";
import { createCallGenerator, syntheticField } from "./call-generator";

const capture = readFileSync(join(CAPTURES_DIR, "02-c2c-answered.ami"), "latin1");
const captureEvents = splitPackets(capture)
  .map((lines) => lines.join("\r\n") + "\r\n\r\n")
  .filter((packet) => packet.startsWith("Event: ") && !/^Event: (FullyBooted|SuccessfulAuth)\r\n/.test(packet));

const asCaptured = {
  tenant: "acme",
  extension: "1001",
  number: "5511999990000",
  callRef: "c-123",
  leadRef: "l-9",
  leadName: "Lead l-9",
  repName: "Acme Rep 1001",
  actionId: "c2c-0002",
  carrier: "carrier",
  startedAt: new Date("2026-11-21T00:23:25Z"),
};

describe("createCallGenerator", () => {
  it("given the capture's own identities, writes capture 02's events byte for byte (bridge id aside)", () => {
    const call = createCallGenerator({ firstEpoch: 1795220604, firstSequence: 0 }).next(asCaptured);
    expect(call.events).toHaveLength(captureEvents.length);
    const bridge = syntheticField(
      call.events.find((e) => e.event === "BridgeCreate")!,
      "BridgeUniqueid",
    )!;
    call.events.forEach((event, i) => {
      expect(formatPacket(event.headers).replaceAll(bridge, "f8586079-7dc2-4b85-a17c-8c4ad20b249c")).toBe(captureEvents[i]);
    });
    expect(call.linkedId).toBe("1795220605.0");
    expect(call.repChannel).toBe("PJSIP/acme_1001-00000000");
  });

  it("keeps the capture's timing: ringing after ~1 s, the carrier answers ~3 s in, hang-up ~7 s in", () => {
    const call = createCallGenerator().next({ tenant: "globex", extension: "1001", number: "5521988880000" });
    const offsets = call.events.map((e) => e.offsetMs);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    expect(call.events[0]!.offsetMs).toBe(0);
    const carrierAnswer = call.events.find((e) => e.event === "DialEnd" && syntheticField(e, "DestChannel") === call.carrierChannel)!;
    expect(carrierAnswer.offsetMs).toBeGreaterThan(2_500);
    expect(call.events.at(-1)!.offsetMs).toBeGreaterThan(6_500);
  });

  it("gives every call its own channels, ids, tenant and number, and never leaks the template's", () => {
    const generator = createCallGenerator();
    const a = generator.next({ tenant: "globex", extension: "1002", number: "5521988880001", startedAt: new Date("2026-01-02T03:04:05Z") });
    const b = generator.next({ tenant: "globex", extension: "1002", number: "5521988880002" });
    expect(a.linkedId).not.toBe(b.linkedId);
    expect(a.repChannel).toMatch(/^PJSIP\/globex_1002-[0-9a-f]{8}$/);
    expect(a.repChannel).not.toBe(b.repChannel);
    const text = a.events.map((e) => formatPacket(e.headers)).join("");
    for (const stale of ["acme", "1795220605", "5511999990000", "c-123", "l-9\r\n", "c2c-0002", "00:23:"])
      expect(text).not.toContain(stale);
    expect(text).toContain("Tenantid: globex\r\n");
    expect(text).toContain("Context: t_globex_outbound\r\n");
    expect(text).toContain("StartTime: 2026-01-02 03:04:05\r\n");
    // Carrier legs of outbound calls carry no Tenantid, as in the capture.
    const carrierNew = a.events.find((e) => e.event === "Newchannel" && syntheticField(e, "Channel") === a.carrierChannel)!;
    expect(syntheticField(carrierNew, "Tenantid")).toBeUndefined();
    expect(syntheticField(carrierNew, "Linkedid")).toBe(a.linkedId);
  });

  it("lean profile keeps the call-tracking events and our variables; timestamps follow Privilege", () => {
    const generator = createCallGenerator({ profile: "lean", timestamps: true });
    const call = generator.next({ tenant: "acme", extension: "1003", number: "5511900000001", startedAt: new Date(1_800_000_000_000) });
    expect(generator.eventsPerCall).toBeLessThan(40);
    const names = new Set(call.events.map((e) => e.event));
    for (const needed of ["Newchannel", "DialBegin", "DialEnd", "OriginateResponse", "BridgeEnter", "Hangup", "Cdr"])
      expect(names).toContain(needed);
    expect(names).not.toContain("Newexten");
    const vars = call.events.filter((e) => e.event === "VarSet").map((e) => syntheticField(e, "Variable"));
    expect(vars.sort()).toEqual(["LINHA_CALL_ID", "LINHA_LEAD", "LINHA_TENANT"]);
    expect(call.events[0]!.headers[2]).toEqual(["Timestamp", "1800000000.000000"]);
  });
});
