// The typed face of the AMI client (asterisk/ami). Everything else in the app talks to Asterisk
// through these types only, so the wire details stay in asterisk/ami and asterisk/testing.

/** Header names lower-cased (as packet-parser.ts reads them); a repeated header is a list. */
export type AmiFields = Readonly<Record<string, string | readonly string[]>>;

export type AmiEvent = { event: string; fields: AmiFields };

export type AmiResponse = {
  /** "Success", "Error", "Goodbye", … as Asterisk sent it. */
  response: string;
  message: string;
  actionId: string;
  fields: AmiFields;
  /** For list actions (EventList: start): the events up to and excluding the *Complete event. */
  events: AmiEvent[];
};

/** `Command` action: one entry per `Output:` line (Asterisk 22 format), leading spaces kept. */
export type AmiCommandResult = { ok: boolean; output: string[] };

/** Header values; an object becomes repeated `Key: name=value` lines (Originate's Variable). */
export type AmiAction = { action: string } & Record<string, string | number | boolean | Record<string, string> | undefined>;

export type AmiState = "idle" | "connecting" | "connected" | "reconnecting" | "auth_failed" | "closed";

export type AmiHealth = {
  state: AmiState;
  host: string;
  port: number;
  /** When `state` last changed. */
  since: Date;
  connectedAt: Date | null;
  lastError: string | null;
  /** Failed attempts since the last successful login. */
  attempts: number;
  nextRetryAt: Date | null;
};

export type AmiErrorCode = "timeout" | "not_connected" | "auth_failed" | "action_failed" | "closed";

export class AmiError extends Error {
  constructor(
    readonly code: AmiErrorCode,
    message: string,
    readonly response?: AmiResponse,
  ) {
    super(message);
    this.name = "AmiError";
  }
}

export type AmiActionOptions = {
  timeoutMs?: number;
  /** Our own ActionID for this action (e.g. an Originate whose OriginateResponse must be matched later); unique while pending. */
  actionId?: string;
};

export interface AmiClient {
  /** Connects and logs in; resolves once logged in. Rejects with AmiError("auth_failed") on a bad secret. */
  connect(): Promise<void>;
  /** Sends an action with our own ActionID; rejects with AmiError on timeout, disconnect or Response: Error. */
  action(action: AmiAction, options?: AmiActionOptions): Promise<AmiResponse>;
  /** Runs a CLI command; `ok` is false for Response: Error (the reason is in `output`). Never rejects for that. */
  command(command: string, options?: AmiActionOptions): Promise<AmiCommandResult>;
  onEvent(listener: (event: AmiEvent) => void): () => void;
  onHealth(listener: (health: AmiHealth) => void): () => void;
  health(): AmiHealth;
  /** Logs off and stops reconnecting. */
  close(): Promise<void>;
}

/** What the app needs to reach one PBX node's AMI. */
export type AmiTarget = { host: string; port: number; username: string; secret: string };
