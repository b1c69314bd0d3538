// The AMI wire format as Asterisk 22 writes and reads it (see asterisk/testing/captures/README.md):
// `Key: Value\r\n` lines, a packet ends with an empty line, CRLF only, header names case-insensitive.

/** Headers in order; a record's array value becomes repeated lines (Output:, Variable:). */
export type AmiWireHeaders = ReadonlyArray<readonly [string, string]> | Readonly<Record<string, string | readonly string[]>>;

export function headerPairs(headers: AmiWireHeaders): Array<[string, string]> {
  if (Array.isArray(headers)) return headers.map(([key, value]) => [key, value]);
  const pairs: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(headers as Readonly<Record<string, string | readonly string[]>>)) {
    if (typeof value === "string") pairs.push([key, value]);
    else for (const item of value) pairs.push([key, item]);
  }
  return pairs;
}

/** One packet: every header line, then the empty line. Values are written verbatim (Asterisk does not escape). */
export function formatPacket(...parts: AmiWireHeaders[]): string {
  return (
    parts
      .flatMap(headerPairs)
      .map(([key, value]) => `${key}: ${value}\r\n`)
      .join("") + "\r\n"
  );
}

export type AmiWireRequest = {
  /** The Action header as sent, in the client's case ("Login", "Command"…; other clients lower-case it). */
  action: string;
  actionId: string | undefined;
  headers: Array<[string, string]>;
  /** Lower-cased header names; a repeated header is a list. */
  fields: Record<string, string | string[]>;
};

/** Splits a client's byte stream into actions, however TCP cut it. */
export class AmiRequestParser {
  private buffer = "";

  push(chunk: string): AmiWireRequest[] {
    this.buffer += chunk;
    const requests: AmiWireRequest[] = [];
    let end: number;
    while ((end = this.buffer.indexOf("\r\n\r\n")) !== -1) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 4);
      // Stray empty lines between packets are ignored, as Asterisk does.
      if (block.trim() !== "") requests.push(parseRequest(block));
    }
    return requests;
  }
}

export function parseRequest(block: string): AmiWireRequest {
  const headers: Array<[string, string]> = [];
  const fields: Record<string, string | string[]> = {};
  for (const line of block.split("\r\n")) {
    if (line === "") continue;
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim();
    // Asterisk skips every blank after the colon (astman_get_header).
    const value = line.slice(colon + 1).replace(/^[ \t]+/, "");
    headers.push([key, value]);
    const name = key.toLowerCase();
    const existing = fields[name];
    fields[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  const first = (name: string) => {
    const value = fields[name];
    return Array.isArray(value) ? value[0] : value;
  };
  return { action: first("action") ?? "", actionId: first("actionid"), headers, fields };
}

/** Splits a server's byte stream into packets (the banner line, which has no empty line after it, is skipped). */
export function splitPackets(data: string): string[][] {
  const body = data.startsWith("Asterisk Call Manager/") ? data.slice(data.indexOf("\r\n") + 2) : data;
  return body
    .split("\r\n\r\n")
    .filter((block) => block !== "")
    .map((block) => block.split("\r\n"));
}
