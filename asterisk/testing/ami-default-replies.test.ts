import { readFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { AMI_BANNER, CAPTURES_DIR, startAmiServer, type AmiServerOptions, type AmiTestServer } from "./ami-server";

// The call-control answers are checked against the recorded bytes with a raw socket (captures 08,
// 09, 10 and 11), so our AMI client cannot hide a difference.

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function serverWith(options: AmiServerOptions = {}): Promise<AmiTestServer> {
  const server = await startAmiServer({ failedLoginDelayMs: 50, users: [{ username: "admin", secret: "secret" }], ...options });
  cleanups.push(() => server.close());
  return server;
}

async function session(server: AmiTestServer) {
  const socket: Socket = connect(server.port, "127.0.0.1");
  cleanups.push(() => void socket.destroy());
  let data = "";
  socket.setEncoding("utf8");
  socket.on("data", (chunk: string) => (data += chunk));
  await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  const received = () => data;
  socket.write(action("Action: Login", "ActionID: login-1", "Username: admin", "Secret: secret", "Events: on"));
  await until(() => received().includes("Event: SuccessfulAuth"));
  await until(() => received().endsWith("\r\n\r\n"));
  /** Sends one action and answers the bytes that came back for it (up to its last packet). */
  async function ask(lines: string[], endsWith: string): Promise<string> {
    const before = data.length;
    socket.write(action(...lines));
    await until(() => data.slice(before).includes(endsWith) && data.endsWith("\r\n\r\n"));
    return data.slice(before);
  }
  return { ask };
}

async function until(check: () => boolean, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const action = (...lines: string[]) => lines.map((line) => `${line}\r\n`).join("") + "\r\n";

function capturedPacket(name: string, id: string, first = "Response:"): string {
  const packet = readFileSync(join(CAPTURES_DIR, `${name}.ami`), "utf8")
    .slice(AMI_BANNER.length)
    .split("\r\n\r\n")
    .find((block) => block.startsWith(first) && block.includes(`\r\nActionID: ${id}\r\n`));
  if (!packet) throw new Error(`no packet ${id} in ${name}`);
  return `${packet}\r\n\r\n`;
}

/** The ConfbridgeList items of capture 11 (cbl-1), without their ActionID, as the server is given them. */
function capturedConferenceMembers(): Array<Array<[string, string]>> {
  return readFileSync(join(CAPTURES_DIR, "11-conference.ami"), "utf8")
    .split("\r\n\r\n")
    .filter((block) => block.startsWith("Event: ConfbridgeList\r\n") && block.includes("ActionID: cbl-1\r\n"))
    .map((block) =>
      block
        .split("\r\n")
        .filter((line) => !line.startsWith("ActionID:"))
        .map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 2)] as [string, string]),
    );
}

const channel = (name: string): Array<[string, string]> => [
  ["Channel", name],
  ["ChannelState", "6"],
];

describe("AMI test server: call-control answers", () => {
  it("answers Originate, Redirect, Atxfer and Hangup exactly as captures 02, 08 and 09", async () => {
    const server = await serverWith({ channels: [channel("PJSIP/gw_carrier-0000000c"), channel("PJSIP/acme_1001-0000000e")] });
    const { ask } = await session(server);
    expect(
      await ask(
        [
          "Action: Originate",
          "ActionID: c2c-0008",
          "Channel: PJSIP/acme_1001",
          "Context: t_acme_outbound",
          "Exten: 5511999990000",
          "Priority: 1",
          "Async: true",
        ],
        "c2c-0008",
      ),
    ).toBe(capturedPacket("08-blind-transfer-redirect", "c2c-0008"));
    expect(
      await ask(
        [
          "Action: Redirect",
          "ActionID: xfer-0008",
          "Channel: PJSIP/gw_carrier-0000000c",
          "Context: t_acme_internal",
          "Exten: 1003",
          "Priority: 1",
        ],
        "xfer-0008",
      ),
    ).toBe(capturedPacket("08-blind-transfer-redirect", "xfer-0008"));
    expect(
      await ask(
        ["Action: Atxfer", "ActionID: atxfer-0009", "Channel: PJSIP/acme_1001-0000000e", "Exten: 1003", "Context: t_acme_internal"],
        "atxfer-0009",
      ),
    ).toBe(capturedPacket("09-attended-transfer-atxfer", "atxfer-0009"));
    expect(
      await ask(["Action: Hangup", "ActionID: hangup-transferer-0009", "Channel: PJSIP/acme_1001-0000000e"], "hangup-transferer-0009"),
    ).toBe(capturedPacket("09-attended-transfer-atxfer", "hangup-transferer-0009"));
  });

  it("refuses control of a channel Asterisk does not have, with manager.c's messages", async () => {
    const server = await serverWith();
    const { ask } = await session(server);
    expect(await ask(["Action: Hangup", "ActionID: h-1", "Channel: PJSIP/acme_1001-000000ff"], "h-1")).toBe(
      "Response: Error\r\nActionID: h-1\r\nMessage: No such channel\r\n\r\n",
    );
    expect(await ask(["Action: Redirect", "ActionID: r-1", "Channel: PJSIP/x-1", "Context: c", "Exten: 1"], "r-1")).toBe(
      "Response: Error\r\nActionID: r-1\r\nMessage: Channel does not exist: PJSIP/x-1\r\n\r\n",
    );
    expect(await ask(["Action: Atxfer", "ActionID: a-1", "Channel: PJSIP/x-1", "Exten: 1003"], "a-1")).toBe(
      "Response: Error\r\nActionID: a-1\r\nMessage: Channel specified does not exist\r\n\r\n",
    );
    expect(await ask(["Action: Originate", "ActionID: o-1", "Exten: 1003"], "o-1")).toBe(
      "Response: Error\r\nActionID: o-1\r\nMessage: Channel not specified\r\n\r\n",
    );
  });

  it("lists endpoints for PJSIPShowEndpoints as EndpointList events, registered phones with their contact", async () => {
    const server = await serverWith({
      endpoints: [{ name: "acme_1001", contacts: [{ uri: "sip:acme_1001@127.0.0.1:5071" }] }, { name: "acme_1002" }],
    });
    const { ask } = await session(server);
    const reply = await ask(["Action: PJSIPShowEndpoints", "ActionID: e-1"], "Event: EndpointListComplete");
    expect(reply).toMatch(/^Response: Success\r\nActionID: e-1\r\nEventList: start\r\nMessage: A listing of Endpoints follows/);
    expect(reply).toContain("ObjectName: acme_1001\r\n");
    expect(reply).toContain("Contacts: acme_1001/sip:acme_1001@127.0.0.1:5071,\r\nDeviceState: Not in use\r\n");
    expect(reply).toMatch(/ObjectName: acme_1002\r\n[\s\S]*DeviceState: Unavailable\r\n/);
    expect(reply).toMatch(/Event: EndpointListComplete\r\nActionID: e-1\r\nEventList: Complete\r\nListItems: 2\r\n/);
  });

  it("answers the ConfBridge actions of capture 11 byte for byte, and their refusals", async () => {
    const server = await serverWith();
    const { ask } = await session(server);
    const kick = ["Action: ConfbridgeKick", "ActionID: cbkick-1", "Conference: acme_room", "Channel: PJSIP/acme_1001-00000017"];
    expect(await ask(kick, "cbkick-1")).toBe("Response: Error\r\nActionID: cbkick-1\r\nMessage: No active conferences.\r\n\r\n");

    server.setConference("acme_room", capturedConferenceMembers());
    const list = await ask(["Action: ConfbridgeList", "ActionID: cbl-1", "Conference: acme_room"], "ConfbridgeListComplete");
    // Every packet of capture 11 tagged cbl-1: the answer, the three members, the Complete event.
    const expectedList = readFileSync(join(CAPTURES_DIR, "11-conference.ami"), "utf8")
      .split("\r\n\r\n")
      .filter((block) => block.includes("\r\nActionID: cbl-1\r\n"))
      .map((block) => `${block}\r\n\r\n`)
      .join("");
    expect(expectedList.split("ActionID: cbl-1")).toHaveLength(6);
    expect(list).toBe(expectedList);

    const mute = ["ActionID: cbmute-1", "Conference: acme_room", "Channel: PJSIP/acme_1002-00000018"];
    expect(await ask(["Action: ConfbridgeMute", ...mute], "cbmute-1")).toBe(capturedPacket("11-conference", "cbmute-1"));
    const unmute = ["ActionID: cbunmute-1", "Conference: acme_room", "Channel: PJSIP/acme_1002-00000018"];
    expect(await ask(["Action: ConfbridgeUnmute", ...unmute], "cbunmute-1")).toBe(capturedPacket("11-conference", "cbunmute-1"));
    expect(await ask(kick, "cbkick-1")).toBe(capturedPacket("11-conference", "cbkick-1"));
    expect(await ask(["Action: ConfbridgeKick", "ActionID: cbkick-all", "Conference: acme_room", "Channel: all"], "cbkick-all")).toBe(
      capturedPacket("11-conference", "cbkick-all"),
    );
    expect(await ask(["Action: ConfbridgeMute", "ActionID: m-2", "Conference: acme_room", "Channel: PJSIP/acme_1003-1"], "m-2")).toBe(
      "Response: Error\r\nActionID: m-2\r\nMessage: No Channel by that name found in Conference.\r\n\r\n",
    );
    expect(await ask(["Action: ConfbridgeKick", "ActionID: k-2", "Conference: other_room", "Channel: all"], "k-2")).toBe(
      "Response: Error\r\nActionID: k-2\r\nMessage: No Conference by that name found.\r\n\r\n",
    );
  });
});
