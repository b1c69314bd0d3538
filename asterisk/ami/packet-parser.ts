import { StringDecoder } from "node:string_decoder";
import type { AmiFields } from "./types";

// Asterisk's side of AMI as bytes: `Key: value` lines, a packet ends with an empty line, and TCP cuts
// the stream anywhere (see asterisk/testing/captures/*.timeline). The parser scans each chunk once with
// indexOf and keeps only the unfinished last line, so a 64 KB chunk of thousands of lines costs one
// pass: asterisk-manager's line array (concat, shift, filter per chunk) spent ~5 s of a 23 s bench here.

const GREETING = "Asterisk Call Manager";
const END_MARKERS = ["--END COMMAND--", "--END SMS EVENT--"];
/** Headers Asterisk before 14 sent ahead of a `Response: Follows` command output. */
const FOLLOWS_HEADERS = new Set(["privilege", "actionid"]);

type Fields = Record<string, string | string[]>;

/**
 * Streams AMI packets out of Asterisk's byte stream: fed chunks cut anywhere (mid-line, mid-`\r\n`,
 * mid-UTF-8 character), it returns each finished packet as AmiFields — header names trimmed and
 * lower-cased, the value after the first `:` less one following space, a repeated header as a list in
 * arrival order. `Variable: NAME=value` stays header text (asterisk-manager made it an object).
 */
export class AmiPacketParser {
  private readonly decoder = new StringDecoder("utf8");
  /** The unfinished last line, in the pieces it arrived in (joined once its newline comes). */
  private tail: string[] = [];
  private tailLength = 0;
  private fields: Fields | null = null;
  /** Inside a legacy `Response: Follows` block: 1 = its headers, 2 = its output, 3 = after the end marker. */
  private follows: 0 | 1 | 2 | 3 = 0;
  /** The first `:` at or after the current line in this chunk's text (its length when none is left). */
  private colonAt = -1;

  /** Strings are taken as already decoded; Buffers are decoded here, a character split across chunks included. */
  push(chunk: string | Buffer): AmiFields[] {
    const decoded = typeof chunk === "string" ? chunk : this.decoder.write(chunk);
    const first = decoded.indexOf("\n");
    if (first === -1) {
      // Kept as pieces: concatenating and rescanning a growing line per chunk would be quadratic.
      if (decoded !== "") this.tail.push(decoded);
      this.tailLength += decoded.length;
      return [];
    }
    const text = this.tail.length === 0 ? decoded : this.tail.join("") + decoded;
    const packets: AmiFields[] = [];
    this.colonAt = -1;
    let start = 0;
    for (let newline = this.tailLength + first; newline !== -1; newline = text.indexOf("\n", start)) {
      // Asterisk ends lines with \r\n; a bare \n is accepted too, as asterisk-manager did.
      const end = newline > start && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
      const packet = this.follows === 0 ? this.line(text, start, end) : this.followsLine(text.slice(start, end));
      if (packet) packets.push(packet);
      start = newline + 1;
    }
    const rest = text.slice(start);
    this.tail = rest === "" ? [] : [rest];
    this.tailLength = rest.length;
    return packets;
  }

  /** One line of an ordinary packet; returns the packet its empty line finished. */
  private line(text: string, start: number, end: number): AmiFields | null {
    if (start === end) {
      const packet = this.fields;
      this.fields = null;
      return packet;
    }
    if (this.fields === null && text.startsWith(GREETING, start)) return null;
    // Searched once per chunk position, so lines without a colon cannot make the scan quadratic.
    if (this.colonAt < start) {
      const found = text.indexOf(":", start);
      this.colonAt = found === -1 ? text.length : found;
    }
    const colon = this.colonAt;
    // Not a header (nothing Asterisk sends outside a Follows block): skipped.
    if (colon >= end) return null;
    const name = headerName(text.slice(start, colon));
    const valueStart = colon + 1 < end && text.charCodeAt(colon + 1) === 32 ? colon + 2 : colon + 1;
    const value = text.slice(valueStart, end);
    if (this.fields === null) {
      this.fields = {};
      if (name === "response" && value.trim().toLowerCase() === "follows") this.follows = 1;
    }
    addField(this.fields, name, value);
    return null;
  }

  /**
   * Asterisk before 14 answered `Command` with `Response: Follows`, a few headers, the raw CLI output
   * and `--END COMMAND--`: the output lines become `output` values, as Asterisk 22's `Output:` headers.
   */
  private followsLine(line: string): AmiFields | null {
    const fields = this.fields!;
    if (this.follows === 3) {
      if (line !== "") return null;
      this.follows = 0;
      this.fields = null;
      return fields;
    }
    const marker = END_MARKERS.find((candidate) => line.endsWith(candidate));
    if (marker) {
      // The last output line may lack its newline, leaving the marker at its end.
      if (line.length > marker.length) addField(fields, "output", line.slice(0, -marker.length));
      this.follows = 3;
      return null;
    }
    const colon = line.indexOf(":");
    const name = colon > 0 ? line.slice(0, colon).trim().toLowerCase() : "";
    if (this.follows === 1 && FOLLOWS_HEADERS.has(name)) {
      addField(fields, name, line.slice(line.charCodeAt(colon + 1) === 32 ? colon + 2 : colon + 1));
      return null;
    }
    this.follows = 2;
    addField(fields, "output", line);
    return null;
  }
}

// Asterisk uses a few hundred header names: lower-casing each once saves two strings per line.
const names = new Map<string, string>();

function headerName(raw: string): string {
  let name = names.get(raw);
  if (name === undefined) {
    // `raw` is a slice of a whole chunk, which a string kept for good would keep alive: work on a copy.
    const copy = Array.from(raw).join("");
    name = copy.trim().toLowerCase();
    if (names.size < 4_096) names.set(copy, name);
  }
  return name;
}

function addField(fields: Fields, name: string, value: string): void {
  const existing = fields[name];
  // An own property only: "constructor" or "toString" are header names like any other.
  if (existing === undefined || !Object.hasOwn(fields, name)) fields[name] = value;
  else if (typeof existing === "string") fields[name] = [existing, value];
  else existing.push(value);
}

/** Every packet of a whole AMI byte stream (a capture), as the streaming parser yields them. */
export function parseAmiPackets(data: string | Buffer): AmiFields[] {
  return new AmiPacketParser().push(data);
}
