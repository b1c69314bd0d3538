import { readFile } from "node:fs/promises";
import { createServer, type Server, type Socket } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultReply, type AmiCommandReply, type AmiReply, type AmiServerState, type ModuleReloadResult } from "./ami-default-replies";
import type { AmiTestEndpoint } from "./ami-pjsip";
import { AmiRequestParser, formatPacket, headerPairs, type AmiWireHeaders, type AmiWireRequest } from "./ami-wire";

export type { AmiCommandReply, AmiReply, ModuleReloadResult } from "./ami-default-replies";
export type { AmiTestEndpoint, AmiTestContactStatus } from "./ami-pjsip";
export type { AmiWireHeaders } from "./ami-wire";

// An AMI server for tests that speaks Asterisk 22's wire format byte for byte as the recorded
// captures show it, so tests exercise the real client over real TCP.

export const AMI_BANNER = "Asterisk Call Manager/11.0.0\r\n";
export const CAPTURES_DIR = fileURLToPath(new URL("./captures/", import.meta.url));

export type AmiServerAction = AmiWireRequest & { session: number; at: Date };

export type AmiActionContext = {
  session: number;
  /** The reply the server would send without this handler (e.g. to delay it or to change it). */
  defaultReply(): Promise<AmiReply>;
};

/** Returns a reply to use it, undefined to let the next handler (or the default) answer. */
export type AmiActionHandler = (action: AmiServerAction, context: AmiActionContext) => AmiReply | undefined | Promise<AmiReply | undefined>;

export type AmiServerOptions = {
  host?: string;
  port?: number;
  users?: Array<{ username: string; secret: string }>;
  /** Asterisk sleeps about 1 s before answering a bad login. */
  failedLoginDelayMs?: number;
  /** Split every write into random small TCP chunks (as the .timeline files show Asterisk doing). */
  chunking?: boolean | { maxChunkBytes?: number };
  endpoints?: AmiTestEndpoint[];
  /** CoreShowChannel items (without ActionID). */
  channels?: AmiWireHeaders[];
  /** ConfBridge rooms and their ConfbridgeList items (without ActionID). */
  conferences?: Record<string, AmiWireHeaders[]>;
  capturesDir?: string;
};

export type AmiReplayOptions = {
  /** Follow the .timeline's timestamps (scaled by speed) instead of sending chunks back to back. */
  realtime?: boolean;
  speed?: number;
};

export type AmiTestServer = {
  readonly host: string;
  readonly port: number;
  /** Every action received, in order, parsed. */
  readonly actions: AmiServerAction[];
  /** Open TCP connections, logged in or not. */
  connectionCount(): number;
  /** Sends an event to every logged-in session with events on. */
  emit(fields: AmiWireHeaders): void;
  onAction(handler: AmiActionHandler): () => void;
  setEndpoints(endpoints: AmiTestEndpoint[]): void;
  setChannels(channels: AmiWireHeaders[]): void;
  /** A ConfBridge room and its members (ConfbridgeList items), or null when the room ended. */
  setConference(room: string, members: AmiWireHeaders[] | null): void;
  setCommandHandler(handler: ((command: string) => AmiCommandReply | undefined | Promise<AmiCommandReply | undefined>) | null): void;
  setModuleReload(module: string, result: ModuleReloadResult): void;
  /** Destroys every socket without a Logoff, like a crash of Asterisk. The server keeps listening. */
  dropConnections(): void;
  /** Streams a recorded .ami file (after its banner) to every logged-in session in its .timeline chunks. */
  replay(captureName: string, options?: AmiReplayOptions): Promise<{ bytes: number; chunks: number }>;
  /** Resolves with the next (or an already received) action matching. */
  waitForAction(name: string, timeoutMs?: number): Promise<AmiServerAction>;
  close(): Promise<void>;
};

type Session = {
  id: number;
  socket: Socket;
  authenticated: boolean;
  eventsOn: boolean;
  queue: Array<string | Buffer | "end">;
  pumping: boolean;
};

export async function startAmiServer(options: AmiServerOptions = {}): Promise<AmiTestServer> {
  const host = options.host ?? "127.0.0.1";
  const users = options.users ?? [{ username: "admin", secret: "secret" }];
  const failedLoginDelayMs = options.failedLoginDelayMs ?? 1000;
  const maxChunk = options.chunking ? (typeof options.chunking === "object" ? (options.chunking.maxChunkBytes ?? 64) : 64) : 0;
  const capturesDir = options.capturesDir ?? CAPTURES_DIR;
  const state: AmiServerState = {
    endpoints: options.endpoints ?? [],
    channels: options.channels ?? [],
    conferences: new Map(Object.entries(options.conferences ?? {})),
    moduleResults: new Map(),
    commandHandler: null,
  };
  const sessions = new Set<Session>();
  const handlers: AmiActionHandler[] = [];
  const actions: AmiServerAction[] = [];
  const actionWaiters: Array<{ name: string; resolve: (action: AmiServerAction) => void }> = [];
  const startedAt = Date.now();
  let nextSessionId = 0;

  function send(session: Session, data: string | Buffer | "end"): void {
    if (session.socket.destroyed) return;
    if (data !== "end" && maxChunk > 0 && typeof data === "string") {
      const bytes = Buffer.from(data);
      for (let offset = 0; offset < bytes.length;) {
        const size = 1 + Math.floor(Math.random() * maxChunk);
        session.queue.push(bytes.subarray(offset, offset + size));
        offset += size;
      }
    } else session.queue.push(data);
    void pump(session);
  }

  // One queue per socket keeps the order of writes while chunks leave on separate event-loop turns.
  async function pump(session: Session): Promise<void> {
    if (session.pumping) return;
    session.pumping = true;
    while (session.queue.length > 0) {
      const item = session.queue.shift()!;
      if (session.socket.destroyed) break;
      if (item === "end") session.socket.end();
      else session.socket.write(item);
      if (maxChunk > 0) await new Promise((resolve) => setImmediate(resolve));
    }
    session.pumping = false;
  }

  function broadcast(fields: AmiWireHeaders, exceptSession?: Session): void {
    const packet = formatPacket(fields);
    for (const session of sessions) {
      if (session.authenticated && session.eventsOn && session !== exceptSession) send(session, packet);
    }
  }

  function securityEvent(event: string, session: Session, extra: Array<[string, string]>): AmiWireHeaders {
    const now = new Date().toISOString().replace("Z", "+0000");
    return [
      ["Event", event],
      ["Privilege", "security,all"],
      ["EventTV", now],
      ["Severity", event === "SuccessfulAuth" ? "Informational" : "Error"],
      ["Service", "AMI"],
      ["EventVersion", event === "SuccessfulAuth" ? "1" : "2"],
      ...extra,
      ["SessionID", `0x${(0x7fe9e0001000 + session.id).toString(16)}`],
      ["LocalAddress", `IPV4/TCP/${host}/${port}`],
      ["RemoteAddress", `IPV4/TCP/${session.socket.remoteAddress ?? host}/${session.socket.remotePort ?? 0}`],
    ];
  }

  function writeReply(session: Session, request: AmiWireRequest, reply: AmiReply): void {
    if ("drop" in reply) return;
    if ("raw" in reply) return send(session, reply.raw);
    const idHeader: Array<[string, string]> = request.actionId !== undefined ? [["ActionID", request.actionId]] : [];
    const head: Array<[string, string]> = [["Response", reply.response ?? "Success"], ...idHeader];
    if (reply.list) head.push(["EventList", "start"]);
    if (reply.message !== undefined) head.push(["Message", reply.message]);
    let data = formatPacket(head, reply.headers ?? []);
    if (reply.list) {
      for (const item of reply.list.items) {
        const [first, ...rest] = headerPairs(item);
        data += formatPacket(first ? [first] : [], idHeader, rest);
      }
      data += formatPacket([["Event", reply.list.complete]], idHeader, [
        ["EventList", "Complete"],
        ["ListItems", String(reply.list.items.length)],
      ]);
    }
    send(session, data);
    for (const event of reply.events ?? []) broadcast(event);
    if (reply.close) send(session, "end");
  }

  async function handle(session: Session, request: AmiWireRequest): Promise<void> {
    const action: AmiServerAction = { ...request, session: session.id, at: new Date() };
    actions.push(action);
    for (const waiter of [...actionWaiters]) {
      if (waiter.name.toLowerCase() === request.action.toLowerCase()) {
        actionWaiters.splice(actionWaiters.indexOf(waiter), 1);
        waiter.resolve(action);
      }
    }
    const name = request.action.toLowerCase();
    if (!request.action) return writeReply(session, request, { response: "Error", message: "Missing action in request" });
    if (name === "login") return login(session, request);
    if (name === "logoff") return writeReply(session, request, { response: "Goodbye", message: "Thanks for all the fish.", close: true });
    if (!session.authenticated) return writeReply(session, request, { response: "Error", message: "Permission denied" });
    const context: AmiActionContext = { session: session.id, defaultReply: () => defaultReply(state, request) };
    let reply: AmiReply | undefined;
    for (const handler of [...handlers].reverse()) {
      reply = await handler(action, context);
      if (reply) break;
    }
    const answer = reply ?? (await defaultReply(state, request));
    const delayMs = "drop" in answer || "raw" in answer ? 0 : (answer.delayMs ?? 0);
    // A delayed answer does not hold the session up: later actions may be answered first.
    if (delayMs > 0) setTimeout(() => writeReply(session, request, answer), delayMs);
    else writeReply(session, request, answer);
  }

  async function login(session: Session, request: AmiWireRequest): Promise<void> {
    if (session.authenticated) return writeReply(session, request, { message: "Already authenticated" });
    const username = String(request.fields.username ?? "");
    const secret = String(request.fields.secret ?? "");
    if (!users.some((user) => user.username === username && user.secret === secret)) {
      // Asterisk waits about a second, answers, then closes the socket; other sessions see InvalidPassword.
      await new Promise((resolve) => setTimeout(resolve, failedLoginDelayMs));
      broadcast(securityEvent("InvalidPassword", session, [["AccountID", username]]), session);
      return writeReply(session, request, { response: "Error", message: "Authentication failed", close: true });
    }
    session.authenticated = true;
    session.eventsOn = String(request.fields.events ?? "on").toLowerCase() !== "off";
    writeReply(session, request, { message: "Authentication accepted" });
    const uptime = String(Math.floor((Date.now() - startedAt) / 1000));
    if (session.eventsOn) {
      send(
        session,
        formatPacket([
          ["Event", "FullyBooted"],
          ["Privilege", "system,all"],
          ["Uptime", uptime],
          ["LastReload", uptime],
          ["Status", "Fully Booted"],
        ]),
      );
    }
    broadcast(
      securityEvent("SuccessfulAuth", session, [
        ["AccountID", username],
        ["UsingPassword", "0"],
      ]),
    );
  }

  let port = 0;
  const server: Server = createServer((socket) => {
    const session: Session = { id: ++nextSessionId, socket, authenticated: false, eventsOn: true, queue: [], pumping: false };
    sessions.add(session);
    const parser = new AmiRequestParser();
    // Actions of one session are handled one after the other, as Asterisk's session thread does.
    let chain = Promise.resolve();
    socket.setEncoding("utf8");
    // Without it Nagle's algorithm merges the small chunks again and chunking tests nothing.
    socket.setNoDelay(true);
    socket.on("data", (chunk: string) => {
      for (const request of parser.push(chunk)) {
        chain = chain.then(() => handle(session, request)).catch(() => void socket.destroy());
      }
    });
    socket.on("error", () => undefined);
    socket.on("close", () => sessions.delete(session));
    send(session, AMI_BANNER);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  port = typeof address === "object" && address ? address.port : 0;

  return {
    host,
    port,
    actions,
    connectionCount: () => sessions.size,
    emit: (fields) => broadcast(fields),
    onAction(handler) {
      handlers.push(handler);
      return () => {
        const index = handlers.indexOf(handler);
        if (index !== -1) handlers.splice(index, 1);
      };
    },
    setEndpoints: (endpoints) => void (state.endpoints = endpoints),
    setChannels: (channels) => void (state.channels = channels),
    setConference(room, members) {
      if (members) state.conferences.set(room, members);
      else state.conferences.delete(room);
    },
    setCommandHandler: (handler) => void (state.commandHandler = handler),
    setModuleReload: (module, result) => void state.moduleResults.set(module, result),
    dropConnections() {
      for (const session of sessions) session.socket.destroy();
    },
    replay: (captureName, replayOptions) => replay(captureName, replayOptions ?? {}),
    waitForAction(name, timeoutMs = 5_000) {
      const seen = actions.find((action) => action.action.toLowerCase() === name.toLowerCase());
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const waiter = { name, resolve };
        actionWaiters.push(waiter);
        setTimeout(() => {
          const index = actionWaiters.indexOf(waiter);
          if (index === -1) return;
          actionWaiters.splice(index, 1);
          reject(new Error(`no ${name} action within ${timeoutMs} ms`));
        }, timeoutMs).unref();
      });
    },
    async close() {
      for (const session of sessions) session.socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  async function replay(captureName: string, { realtime = false, speed = 1 }: AmiReplayOptions) {
    const data = await readFile(join(capturesDir, `${captureName}.ami`));
    const timeline = (await readFile(join(capturesDir, `${captureName}.timeline`), "utf8"))
      .split("\n")
      .slice(1)
      .map((line) => line.split("\t"))
      .filter((columns) => columns[1] === "RECV")
      .map(([at, , offset, length]) => ({ at: Number(at), offset: Number(offset), length: Number(length) }));
    const bannerLength = Buffer.byteLength(AMI_BANNER);
    const targets = [...sessions].filter((session) => session.authenticated);
    let bytes = 0;
    let chunks = 0;
    let previousAt = timeline[0]?.at ?? 0;
    for (const row of timeline) {
      const start = Math.max(row.offset, bannerLength);
      const end = row.offset + row.length;
      if (end <= start) continue;
      const wait = realtime ? ((row.at - previousAt) * 1000) / speed : 0;
      previousAt = row.at;
      await new Promise((resolve) => (wait > 0 ? setTimeout(resolve, wait) : setImmediate(resolve)));
      const chunk = data.subarray(start, end);
      for (const session of targets) {
        session.queue.push(chunk);
        void pump(session);
      }
      bytes += chunk.length;
      chunks += 1;
    }
    return { bytes, chunks };
  }
}
