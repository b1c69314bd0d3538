import { readFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { AmiTestEndpoint } from "./ami-pjsip";
import { AMI_BANNER, CAPTURES_DIR, startAmiServer, type AmiServerOptions, type AmiTestServer } from "./ami-server";

// The server is checked against the recorded bytes with a raw socket, so a bug in our AMI client
// cannot hide a bug here (and the other way round).

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

type RawClient = { socket: Socket; received: () => string; chunks: () => number; closed: () => boolean; send: (text: string) => void };

async function serverWith(options: AmiServerOptions = {}): Promise<AmiTestServer> {
  const server = await startAmiServer({ failedLoginDelayMs: 50, ...options });
  cleanups.push(() => server.close());
  return server;
}

async function rawClient(server: AmiTestServer): Promise<RawClient> {
  const socket = connect(server.port, "127.0.0.1");
  cleanups.push(() => void socket.destroy());
  let data = "";
  let chunks = 0;
  let closed = false;
  socket.setEncoding("utf8");
  socket.on("data", (chunk: string) => {
    data += chunk;
    chunks += 1;
  });
  socket.on("close", () => (closed = true));
  await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  return { socket, received: () => data, chunks: () => chunks, closed: () => closed, send: (text) => socket.write(text) };
}

async function until(check: () => boolean, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const action = (...lines: string[]) => lines.map((line) => `${line}\r\n`).join("") + "\r\n";
const login = (id = "login-1", secret = "secret") =>
  action("Action: Login", `ActionID: ${id}`, "Username: admin", `Secret: ${secret}`, "Events: on");

function capture(name: string): string {
  return readFileSync(join(CAPTURES_DIR, `${name}.ami`), "utf8");
}

/** The bytes of the packet of a capture that starts with `first` and carries `ActionID: id`. */
function capturedPacket(name: string, id: string, first = "Response:"): string {
  const packet = capture(name)
    .slice(AMI_BANNER.length)
    .split("\r\n\r\n")
    .find((block) => block.startsWith(first) && block.includes(`\r\nActionID: ${id}\r\n`));
  if (!packet) throw new Error(`no packet ${id} in ${name}`);
  return `${packet}\r\n\r\n`;
}

// The endpoints of the capture lab (README: acme_1001..1003, globex_1001, gw_carrier), with the hashes Asterisk printed.
const LAB_ENDPOINTS: AmiTestEndpoint[] = [
  ...[
    ["acme_1001", "1001", "5071", "c59bdbedd8"],
    ["acme_1002", "1002", "5072", "99bccee12d"],
    ["acme_1003", "1003", "5073", "1d68e9d591"],
    ["globex_1001", "1001", "5081", "d0584921a0"],
  ].map(([name, cid, port, hash]) => ({ name: name!, callerIdNumber: cid, contacts: [{ uri: `sip:${name}@127.0.0.1:${port}`, hash }] })),
  { name: "gw_carrier", contacts: [{ uri: "sip:127.0.0.1:5090", hash: "11b9cde0d4" }], identifyMatch: ["127.0.0.1:5090/32"] },
];

describe("AMI test server: wire format", () => {
  it("greets with the banner and no blank line, and refuses actions before login like Asterisk", async () => {
    const server = await serverWith();
    const client = await rawClient(server);
    await until(() => client.received().length >= AMI_BANNER.length);
    expect(client.received()).toBe("Asterisk Call Manager/11.0.0\r\n");
    client.send(action("Action: Ping", "ActionID: p-1"));
    await until(() => client.received().endsWith("\r\n\r\n"));
    expect(client.received().slice(AMI_BANNER.length)).toBe("Response: Error\r\nActionID: p-1\r\nMessage: Permission denied\r\n\r\n");
  });

  it("answers a login exactly like capture 01-login-ok, then a Logoff with Goodbye and a close", async () => {
    const server = await serverWith();
    const client = await rawClient(server);
    client.send(login());
    await until(() => client.received().includes("Event: SuccessfulAuth"));
    await until(() => client.received().endsWith("\r\n\r\n"));
    const text = client.received().slice(AMI_BANNER.length);
    expect(text.startsWith(capturedPacket("01-login-ok", "login-1"))).toBe(true);
    const packets = text.split("\r\n\r\n").filter(Boolean);
    expect(packets[1]).toMatch(/^Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: \d+\r\nLastReload: \d+\r\nStatus: Fully Booted$/);
    expect(packets[2]).toMatch(
      /^Event: SuccessfulAuth\r\nPrivilege: security,all\r\nEventTV: .*\r\nSeverity: Informational\r\nService: AMI\r\n/,
    );
    expect(packets[2]).toContain("\r\nAccountID: admin\r\n");
    const before = client.received().length;
    client.send(action("Action: Logoff", "ActionID: logoff-1"));
    await until(() => client.closed());
    expect(client.received().slice(before)).toBe(capturedPacket("01-login-ok", "logoff-1"));
  });

  it("answers a bad secret after the delay, closes the socket, and tells other sessions InvalidPassword", async () => {
    const server = await serverWith({ failedLoginDelayMs: 200 });
    const observer = await rawClient(server);
    observer.send(login("observer-login"));
    await until(() => observer.received().includes("Event: SuccessfulAuth"));
    const intruder = await rawClient(server);
    const started = Date.now();
    intruder.send(login("login-bad", "wrong-secret"));
    await until(() => intruder.closed());
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(intruder.received()).toBe(AMI_BANNER + capturedPacket("01-login-failed", "login-bad"));
    await until(() => observer.received().includes("Event: InvalidPassword"));
    expect(observer.received()).toMatch(
      /Event: InvalidPassword\r\nPrivilege: security,all\r\n.*Severity: Error\r\nService: AMI\r\nEventVersion: 2\r\nAccountID: admin\r\n/s,
    );
  });

  it("reproduces capture 14's Command answers byte for byte (pjsip show endpoints, module reload, dialplan reload, unknown command)", async () => {
    const server = await serverWith({ endpoints: LAB_ENDPOINTS });
    const client = await rawClient(server);
    client.send(login());
    await until(() => client.received().includes("Event: SuccessfulAuth"));
    const ask = async (id: string, command: string, expected: string) => {
      const before = client.received().length;
      client.send(action("Action: Command", `ActionID: ${id}`, `Command: ${command}`));
      await until(() => client.received().length >= before + expected.length);
      expect(client.received().slice(before, before + expected.length)).toBe(expected);
    };
    await ask("cmd-1", "pjsip show endpoints", capturedPacket("14-command-actions", "cmd-1"));
    await ask(
      "cmd-2",
      "module reload res_pjsip.so",
      capturedPacket("14-command-actions", "cmd-2") + "Event: Reload\r\nPrivilege: system,all\r\nModule: res_pjsip.so\r\nStatus: 0\r\n\r\n",
    );
    await ask("cmd-3", "dialplan reload", capturedPacket("14-command-actions", "cmd-3"));
    await ask("cmd-4", "this is not a command", capturedPacket("14-command-actions", "cmd-4"));
  });

  it("reproduces capture 15's Reload and PJSIPQualify answers, and lists PJSIPShowEndpoint items with the ActionID after Event:", async () => {
    const server = await serverWith({ endpoints: LAB_ENDPOINTS });
    const client = await rawClient(server);
    client.send(login());
    await until(() => client.received().includes("Event: SuccessfulAuth"));
    let before = client.received().length;
    client.send(action("Action: Reload", "ActionID: reload-1", "Module: res_pjsip.so"));
    client.send(action("Action: PJSIPQualify", "ActionID: qualify-1", "Endpoint: acme_1001"));
    client.send(action("Action: PJSIPShowEndpoint", "ActionID: showep-2", "Endpoint: gw_carrier"));
    await until(() => client.received().includes("Event: EndpointDetailComplete"));
    await until(() => client.received().endsWith("\r\n\r\n"));
    const text = client.received().slice(before);
    const expectedHead =
      capturedPacket("15-reload-qualify-showendpoint", "reload-1") +
      "Event: Reload\r\nPrivilege: system,all\r\nModule: res_pjsip.so\r\nStatus: 0\r\n\r\n";
    expect(text.startsWith(expectedHead + capturedPacket("15-reload-qualify-showendpoint", "qualify-1"))).toBe(true);
    const listPackets = text.split("\r\n\r\n").filter(Boolean).slice(3);
    expect(listPackets[0]).toBe(
      "Response: Success\r\nActionID: showep-2\r\nEventList: start\r\nMessage: Following are Events for each object associated with the Endpoint",
    );
    expect(listPackets.slice(1).map((packet) => packet.split("\r\n").slice(0, 2).join("|"))).toEqual(
      ["EndpointDetail", "TransportDetail", "AorDetail", "ContactStatusDetail", "IdentifyDetail", "EndpointDetailComplete"].map(
        (event) => `Event: ${event}|ActionID: showep-2`,
      ),
    );
    expect(listPackets.at(-1)).toBe(
      capturedPacket("15-reload-qualify-showendpoint", "showep-2", "Event: EndpointDetailComplete").trimEnd(),
    );
    before = client.received().length;
    client.send(action("Action: PJSIPQualify", "ActionID: q-2", "Endpoint: nobody"));
    client.send(action("Action: FooBar", "ActionID: f-1"));
    await until(() => client.received().includes("ActionID: f-1"));
    await until(() => client.received().endsWith("\r\n\r\n"));
    expect(client.received().slice(before)).toBe(
      "Response: Error\r\nActionID: q-2\r\nMessage: Unable to retrieve endpoint\n\r\n\r\n" +
        "Response: Error\r\nActionID: f-1\r\nMessage: Invalid/unknown command: FooBar. Use Action: ListCommands to show available commands.\r\n\r\n",
    );
  });

  it("lets a test replace or delay answers, make a module reload fail, and records every action", async () => {
    const server = await serverWith();
    server.setModuleReload("res_pjsip.so", "error");
    server.onAction(async (received, context) =>
      received.fields.command === "dialplan reload" ? { ...(await context.defaultReply()), delayMs: 80 } : undefined,
    );
    const client = await rawClient(server);
    client.send(login());
    await until(() => client.received().includes("Event: SuccessfulAuth"));
    const before = client.received().length;
    client.send(action("Action: Command", "ActionID: slow", "Command: dialplan reload"));
    client.send(action("Action: Command", "ActionID: fail", "Command: module reload res_pjsip.so"));
    await until(() => client.received().includes("Dialplan reloaded."));
    const text = client.received().slice(before);
    // The delayed answer comes after the later one.
    expect(text.indexOf("ActionID: fail")).toBeLessThan(text.indexOf("ActionID: slow"));
    expect(text).toContain(
      "Response: Success\r\nActionID: fail\r\nMessage: Command output follows\r\nOutput: Module 'res_pjsip.so' reported a reload failure.\r\n\r\n",
    );
    expect(text).toContain("Event: Reload\r\nPrivilege: system,all\r\nModule: res_pjsip.so\r\nStatus: 3\r\n\r\n");
    expect(server.actions.map((received) => [received.action, received.actionId])).toEqual([
      ["Login", "login-1"],
      ["Command", "slow"],
      ["Command", "fail"],
    ]);
  });

  it("splits its writes into small TCP chunks when asked, without changing the bytes", async () => {
    const plain = await serverWith({ endpoints: LAB_ENDPOINTS });
    const chunked = await serverWith({ endpoints: LAB_ENDPOINTS, chunking: { maxChunkBytes: 16 } });
    const results: Array<{ text: string; chunks: number }> = [];
    for (const server of [plain, chunked]) {
      const client = await rawClient(server);
      client.send(login());
      await until(() => client.received().includes("Event: SuccessfulAuth"));
      await until(() => client.received().endsWith("\r\n\r\n"));
      const before = client.received().length;
      client.send(action("Action: Command", "ActionID: c", "Command: pjsip show endpoints"));
      await until(() => client.received().includes("Objects found: 5\r\nOutput: \r\n\r\n"));
      results.push({ text: client.received().slice(before), chunks: client.chunks() });
    }
    expect(results[1]!.text).toBe(results[0]!.text);
    expect(results[1]!.chunks).toBeGreaterThan(50);
  });

  it("replays a capture's bytes after its banner to logged-in sessions, and drops connections on demand", async () => {
    const server = await serverWith();
    const client = await rawClient(server);
    const stranger = await rawClient(server);
    client.send(login());
    await until(() => client.received().includes("Event: SuccessfulAuth"));
    await until(() => client.received().endsWith("\r\n\r\n"));
    const before = client.received().length;
    const result = await server.replay("14-command-actions");
    const expected = capture("14-command-actions").slice(AMI_BANNER.length);
    await until(() => client.received().length - before >= expected.length);
    expect(client.received().slice(before)).toBe(expected);
    expect(result.chunks).toBe(12);
    expect(stranger.received()).toBe(AMI_BANNER);
    server.dropConnections();
    await until(() => client.closed() && stranger.closed());
    expect(server.connectionCount()).toBe(0);
  });
});
