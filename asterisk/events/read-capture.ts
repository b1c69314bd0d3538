import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { amiField } from "@/asterisk/ami/fields";
import { parseAmiPackets } from "@/asterisk/ami/packet-parser";
import type { AmiEvent } from "@/asterisk/ami/types";

// Reads a recorded AMI session (asterisk/testing/captures/*.ami) into what AmiClient delivers: the
// events of onEvent, and the items of list actions (CoreShowChannels, ConfbridgeList, …) grouped by
// ActionID as `response.events`. The bytes go through the client's own packet parser, so tests see
// exactly the shapes production sees.

export const CAPTURES_DIR = fileURLToPath(new URL("../testing/captures/", import.meta.url));

export type Capture = {
  /** Events in arrival order, as AmiClient.onEvent delivers them (list items excluded). */
  events: AmiEvent[];
  /** ActionID → the items of that list action (without the *Complete event). */
  lists: Map<string, AmiEvent[]>;
};

export function parseCapture(data: string): Capture {
  const events: AmiEvent[] = [];
  const lists = new Map<string, AmiEvent[]>();
  for (const fields of parseAmiPackets(data)) {
    const actionId = amiField(fields, "actionid");
    const name = amiField(fields, "event");
    if (name === undefined) {
      // A list action's answer opens its list; its items follow with the same ActionID.
      if (actionId && amiField(fields, "eventlist")?.toLowerCase() === "start") lists.set(actionId, []);
      continue;
    }
    const event: AmiEvent = { event: name, fields };
    const list = actionId ? lists.get(actionId) : undefined;
    if (list) {
      if (amiField(fields, "eventlist")?.toLowerCase() !== "complete") list.push(event);
      continue;
    }
    events.push(event);
  }
  return { events, lists };
}

/** Reads `asterisk/testing/captures/<name>.ami`. */
export function readCapture(name: string): Capture {
  return parseCapture(readFileSync(join(CAPTURES_DIR, `${name}.ami`), "utf8"));
}
