import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CAPTURES_DIR } from "@/asterisk/testing/ami-server";
import { amiField, amiFieldList } from "./fields";
import { AmiPacketParser, parseAmiPackets } from "./packet-parser";
import type { AmiFields } from "./types";

// The parser against the recorded Asterisk 22 bytes: whatever way TCP cut them, the same packets.

const captures = readdirSync(CAPTURES_DIR)
  .filter((file) => file.endsWith(".ami"))
  .map((file) => file.slice(0, -4));

const bytesOf = (name: string) => readFileSync(join(CAPTURES_DIR, `${name}.ami`));

/** The packet blocks of a capture, cut by plain string splitting (independently of the parser). */
function blocksOf(name: string): string[][] {
  const text = bytesOf(name).toString("utf8");
  return text
    .slice(text.indexOf("\r\n") + 2)
    .split("\r\n\r\n")
    .filter((block) => block !== "")
    .map((block) => block.split("\r\n"));
}

function feed(chunks: Iterable<string | Buffer>): AmiFields[] {
  const parser = new AmiPacketParser();
  const packets: AmiFields[] = [];
  for (const chunk of chunks) packets.push(...parser.push(chunk));
  return packets;
}

function* byteByByte(bytes: Buffer): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at++) yield bytes.subarray(at, at + 1);
}

/** Deterministic pseudo-random chunk sizes (1–700 bytes), so a failure can be replayed. */
function* randomChunks(bytes: Buffer, seed: number): Generator<Buffer> {
  let state = seed;
  for (let at = 0; at < bytes.length;) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const size = 1 + (state % 700);
    yield bytes.subarray(at, at + size);
    at += size;
  }
}

/** The recv() chunks Asterisk's socket delivered, from the capture's .timeline (RECV rows). */
function* timelineChunks(name: string, bytes: Buffer): Generator<Buffer> {
  const rows = readFileSync(join(CAPTURES_DIR, `${name}.timeline`), "utf8")
    .trim()
    .split("\n")
    .slice(1);
  for (const row of rows) {
    const [, dir, offset, length] = row.split("\t");
    if (dir === "RECV") yield bytes.subarray(Number(offset), Number(offset) + Number(length));
  }
}

describe("AmiPacketParser on the recorded captures", () => {
  it.each(captures)("%s: one packet per block, the same however the bytes are chunked", (name) => {
    const bytes = bytesOf(name);
    const whole = parseAmiPackets(bytes);
    const blocks = blocksOf(name);
    expect(whole).toHaveLength(blocks.length);
    expect(whole.map((fields) => amiField(fields, "event") ?? null)).toEqual(
      blocks.map((lines) => (lines[0]!.startsWith("Event: ") ? lines[0]!.slice(7) : null)),
    );
    expect(feed(byteByByte(bytes))).toEqual(whole);
    expect(feed(randomChunks(bytes, name.length))).toEqual(whole);
    expect(feed([...randomChunks(bytes, 7)].map((chunk) => chunk.toString("latin1")))).toEqual(whole);
    const timeline = [...timelineChunks(name, bytes)];
    expect(timeline.reduce((total, chunk) => total + chunk.length, 0)).toBe(bytes.length);
    expect(feed(timeline)).toEqual(whole);
  });

  it.each([
    ["00-registration", 24, 22],
    ["01-login-failed", 1, 0],
    ["01-login-ok", 4, 2],
    ["02-c2c-answered", 101, 98],
    ["03-c2c-rep-no-answer", 19, 16],
    ["04-c2c-carrier-busy", 54, 51],
    ["09-attended-transfer-atxfer", 223, 218],
    ["11-conference", 212, 200],
    ["14-command-actions", 9, 3],
    ["16-ami-disconnect-midcall.conn2", 44, 41],
  ])("%s holds %i packets, %i of them events", (name, packets, events) => {
    const parsed = parseAmiPackets(bytesOf(name));
    expect(parsed).toHaveLength(packets);
    expect(parsed.filter((fields) => fields.event !== undefined)).toHaveLength(events);
  });

  it("skips the greeting (no blank line follows it) and reads the Login answer after it", () => {
    const [first] = parseAmiPackets(bytesOf("01-login-ok"));
    expect(first).toEqual({ response: "Success", actionid: "login-1", message: "Authentication accepted" });
    expect(parseAmiPackets(bytesOf("01-login-failed"))).toEqual([
      { response: "Error", actionid: "login-bad", message: "Authentication failed" },
    ]);
  });

  it("reads capture 02's Cdr with every mapped field, empty values as empty strings", () => {
    const cdr = parseAmiPackets(bytesOf("02-c2c-answered")).find((fields) => fields.event === "Cdr")!;
    expect(cdr).toEqual({
      event: "Cdr",
      privilege: "cdr,all",
      accountcode: "",
      source: "5511999990000",
      destination: "5511999990000",
      destinationcontext: "t_acme_outbound",
      callerid: '"Lead l-9" <5511999990000>',
      channel: "PJSIP/acme_1001-00000000",
      destinationchannel: "PJSIP/gw_carrier-00000001",
      lastapplication: "Dial",
      lastdata: "PJSIP/5511999990000@gw_carrier,30",
      starttime: "2026-11-21 00:23:25",
      answertime: "2026-11-21 00:23:26",
      endtime: "2026-11-21 00:23:32",
      duration: "7",
      billableseconds: "6",
      disposition: "ANSWERED",
      amaflags: "DOCUMENTATION",
      uniqueid: "1795220605.0",
      userfield: "",
      tenantid: "acme",
      peertenantid: "",
      linkedid: "1795220605.0",
    });
  });

  it("keeps a VarSet's Variable as the bare name and its value apart", () => {
    const varSets = parseAmiPackets(bytesOf("02-c2c-answered")).filter((fields) => fields.event === "VarSet");
    const callId = varSets.find((fields) => fields.variable === "LINHA_CALL_ID")!;
    expect(callId).toMatchObject({ channel: "PJSIP/acme_1001-00000000", tenantid: "acme", value: "c-123" });
    expect(varSets.every((fields) => typeof fields.variable === "string")).toBe(true);
  });

  it("gives Command output as one list entry per Output: line, leading spaces and empty lines kept", () => {
    const responses = parseAmiPackets(bytesOf("14-command-actions"));
    const output = (actionId: string) =>
      amiFieldList(
        responses.find((fields) => fields.actionid === actionId)!,
        "output",
      );
    const endpoints = output("cmd-1");
    expect(endpoints).toHaveLength(46);
    expect(endpoints[0]).toBe("");
    expect(endpoints[1]).toBe(" Endpoint:  <Endpoint/CID.....................................>  <State.....>  <Channels.>");
    expect(endpoints.slice(-2)).toEqual(["Objects found: 5", ""]);
    // A header sent once stays a string; Output: repeated is a list in arrival order.
    expect(responses.find((fields) => fields.actionid === "cmd-3")!.output).toBe("Dialplan reloaded.");
    expect(output("cmd-4")).toEqual([
      "No such command 'this is not a command' (type 'core show help this is' for other possible commands)",
    ]);
  });
});

describe("AmiPacketParser on hand-made bytes", () => {
  it("decodes a UTF-8 character split across chunks, at every split point", () => {
    const bytes = Buffer.from("Event: Newchannel\r\nCallerIDName: José ☎ 😀\r\n\r\n", "utf8");
    for (let cut = 1; cut < bytes.length; cut++) {
      for (let second = cut + 1; second < bytes.length; second += 3) {
        expect(feed([bytes.subarray(0, cut), bytes.subarray(cut, second), bytes.subarray(second)])).toEqual([
          { event: "Newchannel", calleridname: "José ☎ 😀" },
        ]);
      }
    }
  });

  it("repeats headers as lists, trims names, removes one space only, and accepts bare \\n", () => {
    const text = [
      "Event: UserEvent",
      "  Note : a",
      "note:b",
      "NOTE:   c",
      "ChanVariable: LINHA_LEAD=l-9",
      "ChanVariable: LINHA_TENANT=acme",
      "Variable: EMPTY=",
      "Data: x: y: z",
      "Output:",
      "not a header",
      "",
      "",
      "Event: Ping",
      "",
      "",
    ].join("\r\n");
    expect(feed([text.replaceAll("\r\n", "\n")])).toEqual(parseAmiPackets(text));
    expect(parseAmiPackets(text)).toEqual([
      {
        event: "UserEvent",
        note: ["a", "b", "  c"],
        chanvariable: ["LINHA_LEAD=l-9", "LINHA_TENANT=acme"],
        variable: "EMPTY=",
        data: "x: y: z",
        output: "",
      },
      { event: "Ping" },
    ]);
  });

  it("treats header names that exist on Object.prototype as plain headers", () => {
    expect(parseAmiPackets("Event: X\r\nConstructor: 1\r\ntoString: 2\r\ntostring: 3\r\n\r\n")).toEqual([
      { event: "X", constructor: "1", tostring: ["2", "3"] },
    ]);
  });

  it("holds an unfinished packet until its empty line arrives", () => {
    const parser = new AmiPacketParser();
    expect(parser.push("Asterisk Call Manager/11.0.0\r\nResponse: Success\r\nActionID: a-1\r")).toEqual([]);
    expect(parser.push("\n\r")).toEqual([]);
    expect(parser.push("\nEvent: FullyBooted\r\n")).toEqual([{ response: "Success", actionid: "a-1" }]);
    expect(parser.push("\r\n")).toEqual([{ event: "FullyBooted" }]);
  });

  it("stays linear on a long line fed byte by byte and on a run of lines without a colon", () => {
    const long = "x".repeat(200_000);
    const bytes = Buffer.from(`Event: UserEvent\r\nData: ${long}\r\n${"no colon here\r\n".repeat(20_000)}Note: y\r\n\r\n`);
    const started = performance.now();
    expect(feed(byteByByte(bytes))).toEqual([{ event: "UserEvent", data: long, note: "y" }]);
    expect(parseAmiPackets(bytes)).toEqual([{ event: "UserEvent", data: long, note: "y" }]);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it("reads an older Asterisk's Response: Follows … --END COMMAND-- block into output lines", () => {
    const legacy =
      "Response: Follows\r\nPrivilege: Command\r\nActionID: cmd-9\r\n" +
      "Name/username             Host\n\nacme_1001/acme_1001: 127.0.0.1\n--END COMMAND--\r\n\r\n" +
      "Response: Follows\r\nActionID: cmd-10\r\nno newline before the marker--END COMMAND--\r\n\r\n" +
      "Event: FullyBooted\r\n\r\n";
    const whole = parseAmiPackets(legacy);
    expect(whole).toEqual([
      {
        response: "Follows",
        privilege: "Command",
        actionid: "cmd-9",
        output: ["Name/username             Host", "", "acme_1001/acme_1001: 127.0.0.1"],
      },
      { response: "Follows", actionid: "cmd-10", output: "no newline before the marker" },
      { event: "FullyBooted" },
    ]);
    expect(feed(byteByByte(Buffer.from(legacy)))).toEqual(whole);
  });
});
