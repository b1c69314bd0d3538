import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { normalizeAmiFields } from "@/asterisk/ami/fields";
import type { AmiEvent } from "@/asterisk/ami/types";

// Reads a recorded AMI session (asterisk/testing/captures/*.ami) into what AmiClient delivers: the
// events of onEvent, and the items of list actions (CoreShowChannels, ConfbridgeList, …) grouped by
// ActionID as `response.events`. Headers are parsed the way asterisk-manager does it (split at ": ",
// lower-cased names without spaces, `Variable`/`ChanVariable` as name=value) and then normalised by
// normalizeAmiFields, so tests see exactly the shapes production sees.

export const CAPTURES_DIR = fileURLToPath(new URL("../testing/captures/", import.meta.url));

export type Capture = {
  /** Events in arrival order, as AmiClient.onEvent delivers them (list items excluded). */
  events: AmiEvent[];
  /** ActionID → the items of that list action (without the *Complete event). */
  lists: Map<string, AmiEvent[]>;
};

type RawValue = string | string[] | Record<string, string>;

export function parseCapture(data: string): Capture {
  const body = data.startsWith("Asterisk Call Manager/") ? data.slice(data.indexOf("\r\n") + 2) : data;
  const events: AmiEvent[] = [];
  const lists = new Map<string, AmiEvent[]>();
  for (const block of body.split("\r\n\r\n")) {
    const raw = parseRawPacket(block);
    if (!raw) continue;
    const fields = normalizeAmiFields(raw);
    const actionId = typeof raw.actionid === "string" ? raw.actionid : undefined;
    if (raw.event === undefined) {
      // A list action's answer opens its list; its items follow with the same ActionID.
      if (actionId && typeof raw.eventlist === "string" && raw.eventlist.toLowerCase() === "start") lists.set(actionId, []);
      continue;
    }
    const event: AmiEvent = { event: String(raw.event), fields };
    const list = actionId ? lists.get(actionId) : undefined;
    if (list) {
      if (typeof raw.eventlist !== "string" || raw.eventlist.toLowerCase() !== "complete") list.push(event);
      continue;
    }
    events.push(event);
  }
  return { events, lists };
}

/** A packet as asterisk-manager's ManagerReader builds it, or null for an empty block. */
function parseRawPacket(block: string): Record<string, RawValue> | null {
  const lines = block.split(/\r?\n/).filter((line) => line.length > 0);
  if (lines.length === 0) return null;
  const item: Record<string, RawValue> = {};
  for (const line of lines) {
    const parts = line.split(": ");
    const key = parts.shift()!.replace(/\s/g, "").toLowerCase();
    const value = parts.join(": ");
    if (key === "variable" || key === "chanvariable") {
      const existing = item[key];
      const vars: Record<string, string> = typeof existing === "object" && !Array.isArray(existing) ? existing : {};
      const [name, ...rest] = value.split("=");
      vars[name!] = rest.join("=");
      item[key] = vars;
    } else if (key in item) {
      const existing = item[key]!;
      item[key] = Array.isArray(existing) ? [...existing, value] : [existing as string, value];
    } else item[key] = value;
  }
  return item;
}

/** Reads `asterisk/testing/captures/<name>.ami`. */
export function readCapture(name: string): Capture {
  return parseCapture(readFileSync(join(CAPTURES_DIR, `${name}.ami`), "utf8"));
}
