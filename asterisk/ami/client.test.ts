import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CAPTURES_DIR, startAmiServer, type AmiServerOptions, type AmiTestServer } from "@/asterisk/testing/ami-server";
import { createAmiClient, type AmiClientOptions } from "./client";
import { AmiError, type AmiClient, type AmiEvent, type AmiHealth } from "./types";

// Every test talks to the AMI test server over real TCP: no part of the client is mocked.

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!().catch(() => undefined);
});

async function serverWith(options: AmiServerOptions = {}): Promise<AmiTestServer> {
  const server = await startAmiServer({ failedLoginDelayMs: 50, ...options });
  cleanups.push(() => server.close());
  return server;
}

function clientFor(server: { port: number }, options: AmiClientOptions = {}, secret = "secret"): AmiClient {
  const client = createAmiClient(
    { host: "127.0.0.1", port: server.port, username: "admin", secret },
    { initialBackoffMs: 20, maxBackoffMs: 200, ...options },
  );
  cleanups.push(() => client.close());
  return client;
}

async function until(check: () => boolean, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return typeof address === "object" && address ? address.port : 0;
}

/** The packets of a capture, counted straight from its bytes (independently of any AMI parser). */
function capturePackets(name: string): string[][] {
  const text = readFileSync(join(CAPTURES_DIR, `${name}.ami`), "utf8");
  return text
    .slice(text.indexOf("\r\n") + 2)
    .split("\r\n\r\n")
    .filter((block) => block !== "")
    .map((block) => block.split("\r\n"));
}

describe("AMI client: login", () => {
  it("logs in with our ActionID and Events: on, and reports itself connected", async () => {
    const server = await serverWith();
    const client = clientFor(server);
    const seen: AmiHealth["state"][] = [];
    client.onHealth((health) => seen.push(health.state));
    expect(client.health().state).toBe("idle");
    await client.connect();
    const login = server.actions.find((action) => action.action.toLowerCase() === "login")!;
    expect(login.fields).toMatchObject({ username: "admin", secret: "secret", events: "on" });
    expect(login.actionId).toMatch(/^linha-\d+$/);
    expect(client.health()).toMatchObject({ state: "connected", attempts: 0, lastError: null, host: "127.0.0.1", port: server.port });
    expect(client.health().connectedAt).toBeInstanceOf(Date);
    expect(seen).toEqual(["connecting", "connected"]);
  });

  it("rejects a bad secret with auth_failed after the server's delay, and backs off to the maximum instead of retrying", async () => {
    const server = await serverWith({ failedLoginDelayMs: 300 });
    const client = clientFor(server, { initialBackoffMs: 10, maxBackoffMs: 60_000 }, "wrong");
    const started = Date.now();
    const error = await client.connect().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AmiError);
    expect(error).toMatchObject({ code: "auth_failed", message: "Authentication failed" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    const health = client.health();
    expect(health).toMatchObject({ state: "auth_failed", lastError: "Authentication failed", attempts: 1 });
    expect(health.nextRetryAt!.getTime() - Date.now()).toBeGreaterThan(55_000);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(server.actions.filter((action) => action.action.toLowerCase() === "login")).toHaveLength(1);
    expect(client.health().state).toBe("auth_failed");
  });

  it("rejects with the socket error when nothing listens, keeps retrying, and connects once Asterisk is up", async () => {
    const port = await freePort();
    const client = clientFor({ port });
    const error = await client.connect().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "not_connected", message: `connect ECONNREFUSED 127.0.0.1:${port}` });
    expect(client.health()).toMatchObject({ state: "reconnecting", lastError: `connect ECONNREFUSED 127.0.0.1:${port}` });
    expect(client.health().nextRetryAt).toBeInstanceOf(Date);
    await expect(client.action({ action: "Ping" })).rejects.toMatchObject({ code: "not_connected" });
    await serverWith({ port });
    await until(() => client.health().state === "connected");
    expect(client.health()).toMatchObject({ attempts: 0, lastError: null, nextRetryAt: null });
    await expect(client.action({ action: "Ping" })).resolves.toMatchObject({ response: "Success" });
  });
});

describe("AMI client: actions", () => {
  it("correlates 200 concurrent actions answered out of order over randomly chunked TCP", async () => {
    const server = await serverWith({ chunking: { maxChunkBytes: 7 } });
    server.onAction((action) => {
      if (action.action !== "UserEvent") return undefined;
      return { message: "Event Sent", headers: [["Echo", String(action.fields.seq)]], delayMs: Math.floor(Math.random() * 30) };
    });
    const client = clientFor(server);
    await client.connect();
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, index) => client.action({ action: "UserEvent", userevent: "probe", seq: index })),
    );
    responses.forEach((response, index) => {
      expect(response.fields.echo).toBe(String(index));
      expect(response.message).toBe("Event Sent");
    });
    const ids = server.actions.filter((action) => action.action === "UserEvent").map((action) => action.actionId);
    expect(new Set(ids).size).toBe(200);
    expect(new Set(responses.map((response) => response.actionId))).toEqual(new Set(ids));
  });

  it("times an action out without harming the connection", async () => {
    const server = await serverWith();
    server.onAction((action) => (action.action === "Slow" ? { drop: true } : undefined));
    const client = clientFor(server);
    await client.connect();
    const started = Date.now();
    await expect(client.action({ action: "Slow" }, { timeoutMs: 150 })).rejects.toMatchObject({ code: "timeout" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    await expect(client.action({ action: "Ping" })).resolves.toMatchObject({ fields: { ping: "Pong" } });
  });

  it("turns Response: Error into action_failed with Asterisk's message and the response", async () => {
    const server = await serverWith();
    const client = clientFor(server);
    await client.connect();
    const error = await client.action({ action: "NoSuchAction" }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: "action_failed",
      message: "Invalid/unknown command: NoSuchAction. Use Action: ListCommands to show available commands.",
      response: { response: "Error" },
    });
  });

  it("refuses header values with a line break instead of sending a forged action", async () => {
    const server = await serverWith();
    const client = clientFor(server);
    await client.connect();
    await expect(client.command("core show version\r\nAction: Originate")).rejects.toMatchObject({ code: "action_failed" });
    await expect(client.action({ action: "Originate", variable: { "A\nB": "1" } })).rejects.toBeInstanceOf(AmiError);
    await client.action({ action: "Ping" });
    expect(server.actions.map((action) => action.action.toLowerCase())).toEqual(["login", "ping"]);
  });

  it("writes Action first, then our ActionID, and an object as one `Key: name=value` line per entry", async () => {
    const server = await serverWith();
    server.onAction((action) => (action.action === "Originate" ? { message: "Originate successfully queued" } : undefined));
    const client = clientFor(server);
    await client.connect();
    await client.action({ action: "Originate", channel: "PJSIP/acme_1001", async: true, priority: 1, variable: { A: "1", B: "x=y" } });
    const originate = server.actions.find((action) => action.action === "Originate")!;
    expect(originate.headers).toEqual([
      ["Action", "Originate"],
      ["ActionID", originate.actionId],
      ["Channel", "PJSIP/acme_1001"],
      ["Async", "true"],
      ["Priority", "1"],
      ["Variable", "A=1"],
      ["Variable", "B=x=y"],
    ]);
  });

  it("never writes a secret with a line break: the login fails as auth_failed and nothing reaches Asterisk", async () => {
    const server = await serverWith();
    const client = clientFor(server, { reconnect: false }, "secret\r\nAction: Originate");
    await expect(client.connect()).rejects.toMatchObject({ code: "auth_failed" });
    expect(server.actions).toEqual([]);
  });

  it("reads an older Asterisk's Response: Follows … --END COMMAND-- answer as Command output", async () => {
    const server = await serverWith();
    server.onAction((action) =>
      action.action === "Command"
        ? { raw: `Response: Follows\r\nPrivilege: Command\r\nActionID: ${action.actionId}\r\nline 1\n\n  line 3\n--END COMMAND--\r\n\r\n` }
        : undefined,
    );
    const client = clientFor(server, { reconnect: false });
    await client.connect();
    expect(await client.command("core show uptime")).toEqual({ ok: true, output: ["line 1", "", "  line 3"] });
    await expect(client.action({ action: "Ping" })).resolves.toMatchObject({ response: "Success" });
  });

  it("parses Command output to exactly the lines of capture 14, leading spaces and empty lines kept", async () => {
    const packets = capturePackets("14-command-actions");
    const expectedLines = (actionId: string) =>
      packets
        .find((lines) => lines.includes(`ActionID: ${actionId}`))!
        .filter((line) => line.startsWith("Output: "))
        .map((line) => line.slice(8));
    const server = await serverWith({ chunking: true });
    server.setCommandHandler((command) => (command === "pjsip show endpoints" ? { output: expectedLines("cmd-1") } : undefined));
    const client = clientFor(server);
    await client.connect();
    const result = await client.command("pjsip show endpoints");
    expect(result).toEqual({ ok: true, output: expectedLines("cmd-1") });
    expect(result.output).toHaveLength(46);
    expect(result.output[1]).toBe(" Endpoint:  <Endpoint/CID.....................................>  <State.....>  <Channels.>");
    expect(await client.command("this is not a command")).toEqual({ ok: false, output: expectedLines("cmd-4") });
    expect(await client.command("dialplan reload")).toEqual({ ok: true, output: expectedLines("cmd-3") });
  });

  it("collects a list action's events (PJSIPShowEndpoint) into its answer, not the event stream", async () => {
    const server = await serverWith({
      endpoints: [
        {
          name: "acme_1001",
          callerIdNumber: "1001",
          tenantId: "acme",
          contacts: [{ uri: "sip:acme_1001@127.0.0.1:5071", status: "Reachable", roundtripUsec: 1234 }],
        },
      ],
    });
    const client = clientFor(server);
    const streamed: string[] = [];
    client.onEvent((event) => streamed.push(event.event));
    await client.connect();
    await until(() => streamed.includes("SuccessfulAuth"));
    const response = await client.action({ action: "PJSIPShowEndpoint", endpoint: "acme_1001" });
    expect(response.message).toBe("Following are Events for each object associated with the Endpoint");
    expect(response.events.map((event) => event.event)).toEqual([
      "EndpointDetail",
      "AuthDetail",
      "TransportDetail",
      "AorDetail",
      "ContactStatusDetail",
    ]);
    expect(response.events[4]!.fields).toMatchObject({ status: "Reachable", roundtripusec: "1234", actionid: response.actionId });
    expect(response.events[0]!.fields.tenantid).toBe("acme");
    expect(streamed).toEqual(["FullyBooted", "SuccessfulAuth"]);
    await expect(client.action({ action: "PJSIPShowEndpoint", endpoint: "nobody" })).rejects.toMatchObject({
      code: "action_failed",
      message: "Unable to retrieve endpoint nobody",
    });
    const channels = await client.action({ action: "CoreShowChannels" });
    expect(channels.events).toEqual([]);
  });
});

describe("AMI client: events", () => {
  it("delivers events with lower-cased keys, repeated headers as lists, and VarSet's Variable as a string", async () => {
    const server = await serverWith();
    const client = clientFor(server);
    const events: AmiEvent[] = [];
    client.onEvent((event) => events.push(event));
    await client.connect();
    server.emit([
      ["Event", "VarSet"],
      ["Privilege", "dialplan,all"],
      ["Channel", "PJSIP/acme_1001-00000000"],
      ["Tenantid", "acme"],
      ["Variable", "LINHA_CALL_ID"],
      ["Value", "c-123"],
    ]);
    server.emit([
      ["Event", "Newchannel"],
      ["ChanVariable", "LINHA_LEAD=l-9"],
      ["ChanVariable", "LINHA_TENANT=acme"],
      ["Note", "a"],
      ["Note", "b"],
      ["CallerIDName", "José ☎"],
    ]);
    await until(() => events.length === 4);
    const [varSet, newChannel] = events.slice(2);
    expect(varSet).toEqual({
      event: "VarSet",
      fields: {
        event: "VarSet",
        privilege: "dialplan,all",
        channel: "PJSIP/acme_1001-00000000",
        tenantid: "acme",
        variable: "LINHA_CALL_ID",
        value: "c-123",
      },
    });
    expect(newChannel!.fields).toMatchObject({
      chanvariable: ["LINHA_LEAD=l-9", "LINHA_TENANT=acme"],
      note: ["a", "b"],
      calleridname: "José ☎",
    });
  });

  it.each(
    readdirSync(CAPTURES_DIR)
      .filter((file) => file.endsWith(".ami"))
      .map((file) => file.slice(0, -4)),
  )("emits one event per Event: packet when capture %s is replayed", async (capture) => {
    const server = await serverWith();
    const client = clientFor(server);
    const events: AmiEvent[] = [];
    const unsubscribe = client.onEvent((event) => events.push(event));
    await client.connect();
    await until(() => events.some((event) => event.event === "SuccessfulAuth"));
    events.length = 0;
    const expected = capturePackets(capture).filter((lines) => lines[0]!.startsWith("Event: "));
    await server.replay(capture);
    await until(() => events.length >= expected.length);
    await new Promise((resolve) => setTimeout(resolve, 30));
    unsubscribe();
    expect(events).toHaveLength(expected.length);
    expect(events.map((event) => event.event)).toEqual(expected.map((lines) => lines[0]!.slice(7)));
    for (const event of events.filter((candidate) => candidate.event === "VarSet")) expect(typeof event.fields.variable).toBe("string");
  });
});

describe("AMI client: reconnect and close", () => {
  it("fails pending actions when Asterisk drops, reconnects with backoff, and reports each transition", async () => {
    const server = await serverWith();
    server.onAction((action) => (action.action === "Slow" ? { drop: true } : undefined));
    const client = clientFor(server);
    const seen: AmiHealth[] = [];
    client.onHealth((health) => seen.push(health));
    await client.connect();
    const pending = client.action({ action: "Slow" }, { timeoutMs: 5_000 });
    await server.waitForAction("Slow");
    server.dropConnections();
    await expect(pending).rejects.toMatchObject({ code: "not_connected" });
    await until(() => seen.filter((health) => health.state === "connected").length === 2);
    const states = seen.map((health) => health.state);
    expect(states.slice(0, 3)).toEqual(["connecting", "connected", "reconnecting"]);
    const reconnecting = seen.find((health) => health.state === "reconnecting")!;
    expect(reconnecting.nextRetryAt).toBeInstanceOf(Date);
    expect(reconnecting.connectedAt).toBeNull();
    expect(server.actions.filter((action) => action.action.toLowerCase() === "login")).toHaveLength(2);
    await expect(client.action({ action: "Ping" })).resolves.toMatchObject({ response: "Success" });
  });

  it("close() logs off (Goodbye), stops retrying and refuses further work", async () => {
    const server = await serverWith();
    const client = clientFor(server);
    await client.connect();
    await client.close();
    expect(server.actions.map((action) => action.action.toLowerCase())).toEqual(["login", "logoff"]);
    expect(client.health().state).toBe("closed");
    await until(() => server.connectionCount() === 0);
    await expect(client.action({ action: "Ping" })).rejects.toMatchObject({ code: "closed" });
    await expect(client.connect()).rejects.toMatchObject({ code: "closed" });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.connectionCount()).toBe(0);
  });

  it("treats an unanswered keepalive Ping as a lost connection", async () => {
    const server = await serverWith();
    let silent = false;
    server.onAction((action) => (silent && action.action === "Ping" ? { drop: true } : undefined));
    const client = clientFor(server, { keepAliveMs: 60, actionTimeoutMs: 50 });
    await client.connect();
    silent = true;
    await until(() => client.health().lastError?.includes("keepalive") === true);
    silent = false;
    await until(() => client.health().state === "connected");
  });
});
