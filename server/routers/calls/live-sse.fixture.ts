import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createServer, request as httpRequest, type IncomingMessage } from "node:http";
import type { Session } from "next-auth";
import superjson from "superjson";
import { createContext } from "@/server/trpc/context";
import { appRouter } from "@/server/trpc/root";

// Test and benchmark harness only: the app's tRPC fetch handler (as app/api/trpc/[trpc]/route.ts
// runs it) on a real Node HTTP server, and an SSE reader that parses the real wire (Node 20 has no
// EventSource). Only next-auth's cookie decoding is replaced: the request names its session with
// a header, and the session is built by the caller from a real user row.

export const TEST_SESSION_HEADER = "x-linha-test-session";

export type TrpcHttpServer = { port: number; close(): Promise<void> };

export async function startTrpcHttpServer(sessions: ReadonlyMap<string, Session>): Promise<TrpcHttpServer> {
  const server = createServer(async (req, res) => {
    const abort = new AbortController();
    res.on("close", () => abort.abort());
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(key, value);
    const body = req.method === "GET" || req.method === "HEAD" ? undefined : await readBody(req);
    const request = new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, {
      method: req.method,
      headers,
      body,
      signal: abort.signal,
    });
    const session = sessions.get(headers.get(TEST_SESSION_HEADER) ?? "") ?? null;
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: request,
      router: appRouter,
      createContext: async () => createContext(request.headers, session),
    });
    res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
    if (!response.body) return void res.end();
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        res.write(value);
      }
    } catch {
      // the client went away
    }
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export type SseMessage = { event: string | null; data: unknown; receivedAt: number };

export type SseSubscription = {
  /** Data messages (event null), deserialised with superjson; `connected`, `ping`, errors apart. */
  readonly messages: SseMessage[];
  readonly errors: unknown[];
  status(): number | null;
  /** Resolves with the first message (already received or future) that matches. */
  waitFor(match: (data: unknown) => boolean, timeoutMs?: number): Promise<SseMessage>;
  onMessage(listener: (message: SseMessage) => void): void;
  close(): void;
};

/** GET /api/trpc/<path> as text/event-stream on the given Host, read as EventSource would. */
export function subscribeSse(options: { port: number; host: string; path: string; session?: string }): SseSubscription {
  const messages: SseMessage[] = [];
  const errors: unknown[] = [];
  const listeners: Array<(message: SseMessage) => void> = [];
  const waiters: Array<{ match: (data: unknown) => boolean; resolve: (m: SseMessage) => void }> = [];
  let status: number | null = null;
  let buffer = "";

  const dispatch = (block: string) => {
    let event: string | null = null;
    const data: string[] = [];
    for (const line of block.split("\n")) {
      if (line.startsWith("event:")) event = line.slice(6).trim();
      else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
    }
    if (event === "serialized-error") return void errors.push(JSON.parse(data.join("\n")));
    if (event !== null || data.length === 0) return;
    const message: SseMessage = { event, data: superjson.deserialize(JSON.parse(data.join("\n"))), receivedAt: performance.now() };
    messages.push(message);
    for (const listener of listeners) listener(message);
    for (const waiter of [...waiters]) {
      if (waiter.match(message.data)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(message);
      }
    }
  };

  const headers: Record<string, string> = { host: options.host, accept: "text/event-stream" };
  if (options.session) headers[TEST_SESSION_HEADER] = options.session;
  const req = httpRequest({ host: "127.0.0.1", port: options.port, path: `/api/trpc/${options.path}`, method: "GET", headers }, (res) => {
    status = res.statusCode ?? null;
    res.setEncoding("utf8");
    res.on("data", (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf("\n\n")) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        dispatch(block);
      }
    });
    res.on("error", () => undefined);
  });
  req.on("error", () => undefined);
  req.end();

  return {
    messages,
    errors,
    status: () => status,
    waitFor(match, timeoutMs = 10_000) {
      const seen = messages.find((m) => match(m.data));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const waiter = { match, resolve };
        waiters.push(waiter);
        setTimeout(() => {
          const index = waiters.indexOf(waiter);
          if (index === -1) return;
          waiters.splice(index, 1);
          reject(
            new Error(`no matching SSE message within ${timeoutMs} ms (${messages.length} received, errors ${JSON.stringify(errors)})`),
          );
        }, timeoutMs).unref();
      });
    },
    onMessage: (listener) => void listeners.push(listener),
    close: () => req.destroy(),
  };
}
