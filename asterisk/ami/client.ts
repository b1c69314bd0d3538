import { reconnectDelayMs } from "./backoff";
import { amiField, amiFieldList } from "./fields";
import {
  AmiError,
  type AmiAction,
  type AmiActionOptions,
  type AmiClient,
  type AmiCommandResult,
  type AmiEvent,
  type AmiFields,
  type AmiHealth,
  type AmiResponse,
  type AmiState,
  type AmiTarget,
} from "./types";
import { AmiWireSession, type AmiWireHeader } from "./wire-session";

export type AmiLogger = {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
};

export type AmiClientOptions = {
  logger?: AmiLogger;
  /** Per action unless the call says otherwise. */
  actionTimeoutMs?: number;
  /** TCP connect + Login, per attempt. */
  connectTimeoutMs?: number;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** false: a failed connect or a drop is final until the next connect() (one-shot clients). */
  reconnect?: boolean;
  /** A Ping this often detects a dead peer that never closed the socket; 0 turns it off. */
  keepAliveMs?: number;
  random?: () => number;
};

const DEFAULTS = {
  actionTimeoutMs: 10_000,
  connectTimeoutMs: 10_000,
  initialBackoffMs: 500,
  maxBackoffMs: 30_000,
  reconnect: true,
  keepAliveMs: 30_000,
  random: Math.random,
};

const silentLogger: AmiLogger = { info() {}, warn() {}, error() {} };

// Process-wide, so two clients (or two sessions of one) never reuse an ActionID.
let actionCounter = 0;
const nextActionId = () => `linha-${++actionCounter}`;

const HEADER_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;
const LINE_BREAK = /[\r\n]/;
/** A caller's own ActionID: answers are matched by it, so nothing that could end the header line. */
const ACTION_ID = /^[A-Za-z0-9_.:-]{1,64}$/;

type Session = {
  wire: AmiWireSession;
  loggedIn: boolean;
  ended: boolean;
  socketError: string | null;
  connectTimer?: ReturnType<typeof setTimeout>;
};

type Pending = {
  session: Session;
  action: string;
  resolve: (response: AmiResponse) => void;
  reject: (error: AmiError) => void;
  timer: ReturnType<typeof setTimeout>;
  /** Set once a list action answered `EventList: start`: its events are collected until `…Complete`. */
  list: AmiResponse | null;
  events: AmiEvent[];
};

/** A typed AMI client over our own wire session: own ActionIDs, timeouts, list actions, reconnect with backoff. */
export function createAmiClient(target: AmiTarget, options: AmiClientOptions = {}): AmiClient {
  return new ReconnectingAmiClient(target, { ...DEFAULTS, ...stripUndefined(options) }, options.logger ?? silentLogger);
}

class ReconnectingAmiClient implements AmiClient {
  private state: AmiState = "idle";
  private since = new Date();
  private connectedAt: Date | null = null;
  private lastError: string | null = null;
  private attempts = 0;
  private nextRetryAt: Date | null = null;
  private closed = false;
  private session: Session | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private keepAliveTimer: ReturnType<typeof setInterval> | null = null;
  private waiters: Array<{ resolve: () => void; reject: (error: AmiError) => void }> = [];
  private readonly pending = new Map<string, Pending>();
  private readonly eventListeners = new Set<(event: AmiEvent) => void>();
  private readonly healthListeners = new Set<(health: AmiHealth) => void>();
  private lastLoggedFailure = "";

  constructor(
    private readonly target: AmiTarget,
    private readonly options: typeof DEFAULTS,
    private readonly log: AmiLogger,
  ) {}

  private get address(): string {
    return `${this.target.host}:${this.target.port}`;
  }

  connect(): Promise<void> {
    if (this.closed) return Promise.reject(new AmiError("closed", "AMI client closed"));
    if (this.state === "connected") return Promise.resolve();
    const outcome = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    // An attempt in flight is joined; a scheduled retry is brought forward.
    if (!this.session) this.startAttempt();
    return outcome;
  }

  action(action: AmiAction, options: AmiActionOptions = {}): Promise<AmiResponse> {
    if (this.closed) return Promise.reject(new AmiError("closed", "AMI client closed"));
    const session = this.session;
    if (!session?.loggedIn) {
      return Promise.reject(new AmiError("not_connected", this.lastError ?? `not connected to ${this.address}`));
    }
    return this.send(session, action, options.timeoutMs ?? this.options.actionTimeoutMs, options.actionId);
  }

  async command(command: string, options: AmiActionOptions = {}): Promise<AmiCommandResult> {
    try {
      const response = await this.action({ action: "Command", command }, options);
      return { ok: true, output: amiFieldList(response.fields, "output") };
    } catch (error) {
      // Asterisk 22 answers a failing CLI command with Response: Error and the reason in Output:.
      if (error instanceof AmiError && error.code === "action_failed" && error.response) {
        return { ok: false, output: amiFieldList(error.response.fields, "output") };
      }
      throw error;
    }
  }

  onEvent(listener: (event: AmiEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onHealth(listener: (health: AmiHealth) => void): () => void {
    this.healthListeners.add(listener);
    return () => this.healthListeners.delete(listener);
  }

  health(): AmiHealth {
    return {
      state: this.state,
      host: this.target.host,
      port: this.target.port,
      since: this.since,
      connectedAt: this.connectedAt,
      lastError: this.lastError,
      attempts: this.attempts,
      nextRetryAt: this.nextRetryAt,
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.clearRetry();
    this.stopKeepAlive();
    const session = this.session;
    if (session?.loggedIn) {
      // Asterisk answers Goodbye and closes the socket; a dead peer must not hold close() up.
      await this.send(session, { action: "Logoff" }, 2_000).catch(() => undefined);
    }
    if (session) this.endSession(session, new AmiError("closed", "AMI client closed"));
    this.rejectWaiters(new AmiError("closed", "AMI client closed"));
    this.connectedAt = null;
    this.nextRetryAt = null;
    this.setState("closed");
  }

  private send(session: Session, action: AmiAction, timeoutMs: number, ownActionId?: string): Promise<AmiResponse> {
    let headers: AmiWireHeader[];
    try {
      headers = toRequest(action);
    } catch (error) {
      return Promise.reject(error);
    }
    if (ownActionId !== undefined && (!ACTION_ID.test(ownActionId) || this.pending.has(ownActionId))) {
      return Promise.reject(new AmiError("action_failed", `refused to send AMI ActionID "${ownActionId}": invalid or already pending`));
    }
    const actionId = ownActionId ?? nextActionId();
    return new Promise<AmiResponse>((resolve, reject) => {
      const timer = setTimeout(
        () => this.settle(actionId, new AmiError("timeout", `AMI ${action.action} got no answer within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.pending.set(actionId, { session, action: action.action, resolve, reject, timer, list: null, events: [] });
      // Not written when the socket is already closing: its close rejects the action as not_connected.
      session.wire.send([headers[0]!, ["ActionID", actionId], ...headers.slice(1)]);
    });
  }

  private settle(actionId: string, outcome: AmiResponse | AmiError): void {
    const pending = this.pending.get(actionId);
    if (!pending) return;
    this.pending.delete(actionId);
    clearTimeout(pending.timer);
    if (outcome instanceof AmiError) pending.reject(outcome);
    else pending.resolve(outcome);
  }

  private startAttempt(): void {
    this.clearRetry();
    if (this.state === "idle" || this.state === "closed") this.setState("connecting");
    const { host, port } = this.target;
    const session: Session = { wire: undefined!, loggedIn: false, ended: false, socketError: null };
    session.wire = new AmiWireSession(host, port, {
      onConnect: () => this.login(session),
      onPacket: (fields) => {
        if (session === this.session) this.handlePacket(fields);
      },
      onClose: (error) => {
        session.socketError = error?.message ?? null;
        this.onSocketClosed(session);
      },
    });
    this.session = session;
    session.connectTimer = setTimeout(
      () => this.failAttempt(session, `AMI login to ${this.address} timed out after ${this.options.connectTimeoutMs} ms`, false),
      this.options.connectTimeoutMs,
    );
  }

  /** Login is an ordinary action whose Response decides (Asterisk 22: `Response: Error`, `Message: Authentication failed`). */
  private login(session: Session): void {
    if (session.ended) return;
    const { username, secret } = this.target;
    // The connect timer bounds the whole attempt; this timeout only keeps the pending entry finite.
    this.send(session, { action: "Login", username, secret, events: "on" }, this.options.connectTimeoutMs + 1_000).then(
      () => {
        if (!session.ended) this.onLoggedIn(session);
      },
      (error: AmiError) => {
        if (session.ended) return;
        // A refused answer (or a secret that cannot be written) will not get better by retrying soon.
        if (error.code === "action_failed") this.failAttempt(session, error.response?.message.trim() || error.message, true);
        else this.failAttempt(session, error.message, false);
      },
    );
  }

  private onLoggedIn(session: Session): void {
    clearTimeout(session.connectTimer);
    session.loggedIn = true;
    this.attempts = 0;
    this.lastError = null;
    this.nextRetryAt = null;
    this.connectedAt = new Date();
    this.lastLoggedFailure = "";
    this.log.info("AMI connected", { address: this.address });
    this.setState("connected");
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter.resolve();
    this.startKeepAlive(session);
  }

  private failAttempt(session: Session, reason: string, authFailed: boolean): void {
    if (session.ended) return;
    const error = new AmiError(authFailed ? "auth_failed" : "not_connected", reason);
    this.endSession(session, error);
    this.attempts += 1;
    this.lastError = reason;
    this.connectedAt = null;
    this.rejectWaiters(error);
    if (this.closed) return;
    this.afterLoss(authFailed ? "auth_failed" : "reconnecting", authFailed ? this.options.maxBackoffMs : this.backoff());
  }

  private onSocketClosed(session: Session): void {
    if (session.ended) return;
    if (!session.loggedIn) {
      this.failAttempt(session, session.socketError ?? `AMI connection to ${this.address} closed before login`, false);
      return;
    }
    this.loseSession(session, session.socketError ?? `AMI connection to ${this.address} closed by the server`);
  }

  /** A logged-in session is gone (socket closed, keepalive unanswered): reconnect soon. */
  private loseSession(session: Session, reason: string): void {
    this.endSession(session, new AmiError("not_connected", reason));
    this.connectedAt = null;
    if (this.closed) return;
    this.lastError = reason;
    this.afterLoss("reconnecting", this.backoff());
  }

  private afterLoss(state: "reconnecting" | "auth_failed", delayMs: number): void {
    if (!this.options.reconnect) {
      this.nextRetryAt = null;
      this.setState(state === "auth_failed" ? "auth_failed" : "idle");
      return;
    }
    const failure = `${state}:${this.lastError}`;
    if (failure !== this.lastLoggedFailure) {
      // Logged once per distinct reason: a PBX down for hours must not fill the log.
      this.log.warn("AMI not connected; retrying", { address: this.address, state, reason: this.lastError, retryInMs: delayMs });
      this.lastLoggedFailure = failure;
    }
    this.nextRetryAt = new Date(Date.now() + delayMs);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.closed && !this.session) this.startAttempt();
    }, delayMs);
    this.retryTimer.unref?.();
    this.setState(state);
  }

  private backoff(): number {
    const { initialBackoffMs, maxBackoffMs, random } = this.options;
    return reconnectDelayMs(this.attempts, { initialMs: initialBackoffMs, maxMs: maxBackoffMs }, random);
  }

  private endSession(session: Session, error: AmiError): void {
    session.ended = true;
    clearTimeout(session.connectTimer);
    if (this.session === session) {
      this.session = null;
      this.stopKeepAlive();
    }
    session.wire.close();
    for (const [actionId, pending] of this.pending) {
      if (pending.session === session) this.settle(actionId, error);
    }
  }

  private handlePacket(fields: AmiFields): void {
    // Some events carry a Response: header (OriginateResponse); they are events, not answers.
    if (fields.event !== undefined) this.handleEvent(fields);
    else if (fields.response !== undefined) this.handleResponse(fields);
  }

  private handleResponse(fields: AmiFields): void {
    const actionId = amiField(fields, "actionid");
    const pending = actionId ? this.pending.get(actionId) : undefined;
    if (!actionId || !pending) return;
    const response: AmiResponse = {
      response: amiField(fields, "response") ?? "",
      message: amiField(fields, "message") ?? "",
      actionId,
      fields,
      events: [],
    };
    if (response.response.toLowerCase() === "error") {
      this.settle(actionId, new AmiError("action_failed", response.message.trim() || `AMI ${pending.action} failed`, response));
    } else if (amiField(fields, "eventlist")?.toLowerCase() === "start") {
      pending.list = response;
    } else {
      this.settle(actionId, response);
    }
  }

  private handleEvent(fields: AmiFields): void {
    const event: AmiEvent = { event: amiField(fields, "event") ?? "", fields };
    const actionId = amiField(fields, "actionid");
    const pending = actionId ? this.pending.get(actionId) : undefined;
    if (actionId && pending?.list) {
      // The items of a list action belong to its answer, not to the event stream.
      if (amiField(fields, "eventlist")?.toLowerCase() === "complete") this.settle(actionId, { ...pending.list, events: pending.events });
      else pending.events.push(event);
      return;
    }
    for (const listener of this.eventListeners) {
      try {
        listener(event);
      } catch (error) {
        this.log.error("AMI event listener failed", { event: event.event, error: String(error) });
      }
    }
  }

  private startKeepAlive(session: Session): void {
    const every = this.options.keepAliveMs;
    if (every <= 0) return;
    this.keepAliveTimer = setInterval(() => {
      if (session !== this.session || session.ended) return;
      this.send(session, { action: "Ping" }, Math.min(every, this.options.actionTimeoutMs)).catch((error: unknown) => {
        if (error instanceof AmiError && error.code === "timeout" && !session.ended) {
          this.loseSession(session, `AMI keepalive Ping to ${this.address} got no answer`);
        }
      });
    }, every);
    this.keepAliveTimer.unref?.();
  }

  private stopKeepAlive(): void {
    if (this.keepAliveTimer) clearInterval(this.keepAliveTimer);
    this.keepAliveTimer = null;
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.nextRetryAt = null;
  }

  private rejectWaiters(error: AmiError): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter.reject(error);
  }

  private setState(state: AmiState): void {
    if (state !== this.state) {
      this.state = state;
      this.since = new Date();
    }
    const health = this.health();
    for (const listener of this.healthListeners) {
      try {
        listener(health);
      } catch (error) {
        this.log.error("AMI health listener failed", { error: String(error) });
      }
    }
  }
}

/**
 * The action's header lines, `Action` first (the ActionID goes in after it). Values go to Asterisk
 * verbatim: a line break would let one value forge more headers or actions, so it is refused here
 * (and again by the wire session, which never writes one).
 */
function toRequest(action: AmiAction): AmiWireHeader[] {
  if (!action.action) throw new AmiError("action_failed", "an AMI action needs a name");
  const headers: AmiWireHeader[] = [["Action", checked("Action", action.action)]];
  for (const [key, value] of Object.entries(action)) {
    const lower = key.toLowerCase();
    if (value === undefined || lower === "action" || lower === "actionid") continue;
    if (!HEADER_NAME.test(key)) throw new AmiError("action_failed", `refused to send AMI header name "${key}"`);
    const name = key[0]!.toUpperCase() + key.slice(1);
    if (typeof value === "object") {
      // Originate's Variable: one `Variable: name=value` line per entry.
      for (const [variable, item] of Object.entries(value)) headers.push([name, checked(key, `${variable}=${item}`)]);
    } else headers.push([name, checked(key, String(value))]);
  }
  return headers;
}

function checked(key: string, value: string): string {
  if (LINE_BREAK.test(value)) throw new AmiError("action_failed", `refused to send AMI header ${key}: line break`);
  return value;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as Partial<T>;
}
