import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CAPTURES_DIR } from "./ami-server";
import { splitPackets } from "./ami-wire";

// Synthetic click-to-call traffic for benchmarks and tests, in the exact bytes of capture 02 (an
// answered click-to-call recorded from Asterisk 22): the capture's events are the template, and
// only what differs between calls is replaced — channel names and sequence numbers, Uniqueid /
// Linkedid, the tenant (endpoint, contexts, Tenantid, LINHA_TENANT), the rep's extension, the
// dialled number, the Linha call/lead ids, the Originate's ActionID, the bridge id and the Cdr's
// times. Each event keeps the capture's offset from the start of its call (the .timeline), so a
// call rings, talks and hangs up over about seven seconds, as it did on the real PBX.

const TEMPLATE_CAPTURE = "02-c2c-answered";

/** Template values and what they stand for; longer and more specific ones are replaced first. */
const SUBSTRINGS: Array<[string, Slot]> = [
  ["PJSIP/acme_1001-00000000", "repChannel"],
  ["PJSIP/gw_carrier-00000001", "carrierChannel"],
  ["1795220605.0", "repUid"],
  ["1795220606.1", "carrierUid"],
  ["f8586079-7dc2-4b85-a17c-8c4ad20b249c", "bridgeId"],
  ["Acme Rep 1001", "repName"],
  ["acme_1001", "endpoint"],
  ["gw_carrier", "carrierEndpoint"],
  ["t_acme_", "contextPrefix"],
  ["CHANNEL(tenantid)=acme", "setTenant"],
  ["Lead l-9", "leadName"],
  ["5511999990000", "number"],
  ["2026-11-21 00:23:25", "cdrStart"],
  ["2026-11-21 00:23:26", "cdrAnswer"],
  ["2026-11-21 00:23:32", "cdrEnd"],
];
/** Values replaced only when they are the whole header value. */
const WHOLE_VALUES: Record<string, Slot> = {
  acme: "tenant",
  "1001": "extension",
  "l-9": "leadRef",
  "c-123": "callRef",
  "c2c-0002": "actionId",
};

type Slot =
  | "repChannel"
  | "carrierChannel"
  | "repUid"
  | "carrierUid"
  | "bridgeId"
  | "repName"
  | "endpoint"
  | "carrierEndpoint"
  | "contextPrefix"
  | "setTenant"
  | "leadName"
  | "number"
  | "cdrStart"
  | "cdrAnswer"
  | "cdrEnd"
  | "tenant"
  | "extension"
  | "leadRef"
  | "callRef"
  | "actionId";

/** A header value: literal text and slots, joined. */
type ValueTemplate = Array<string | { slot: Slot }>;
type EventTemplate = { event: string; offsetMs: number; headers: Array<[string, ValueTemplate]> };

export type SyntheticCallSpec = {
  /** Tenant slug (endpoint `<slug>_<ext>`, contexts `t_<slug>_…`, Tenantid). */
  tenant: string;
  extension: string;
  /** Dialled E.164 digits (no +). Unique per call makes calls easy to tell apart. */
  number: string;
  /** LINHA_CALL_ID / LINHA_LEAD channel variables (our Originate's), and the Originate's ActionID. */
  callRef?: string;
  leadRef?: string;
  leadName?: string;
  repName?: string;
  actionId?: string;
  /** Carrier gateway name (`gw_<name>`). */
  carrier?: string;
  /** When the call starts (the Cdr's times and the optional Timestamp headers follow it). */
  startedAt?: Date;
};

export type SyntheticEvent = {
  /** Index of the call in the generator's output. */
  call: number;
  event: string;
  /** When, after the call's start, the real PBX sent it. */
  offsetMs: number;
  headers: Array<[string, string]>;
};

export type SyntheticCall = {
  index: number;
  spec: Required<Omit<SyntheticCallSpec, "startedAt">> & { startedAt: Date };
  linkedId: string;
  repChannel: string;
  carrierChannel: string;
  events: SyntheticEvent[];
};

export type CallGeneratorOptions = {
  /**
   * `full`: every event of capture 02 (96 per call: what a manager user with `read=…dialplan`
   * receives). `lean`: without Newexten, DeviceStateChange, RTCPSent and the VarSets that are not
   * ours (about 30 per call: what an AMI eventfilter for call tracking passes).
   */
  profile?: "full" | "lean";
  /** Add `Timestamp:` after `Privilege:` (manager.conf timestampevents = yes). */
  timestamps?: boolean;
  /** First Uniqueid seconds and channel sequence number; defaults keep them clear of the captures'. */
  firstEpoch?: number;
  firstSequence?: number;
};

let template: EventTemplate[] | undefined;

/** The capture's call events (responses, login and logoff left out) with their offsets, tokenised once. */
function callTemplate(): EventTemplate[] {
  if (template) return template;
  const data = readFileSync(join(CAPTURES_DIR, `${TEMPLATE_CAPTURE}.ami`), "latin1");
  const timeline = readFileSync(join(CAPTURES_DIR, `${TEMPLATE_CAPTURE}.timeline`), "utf8")
    .split("\n")
    .slice(1)
    .map((line) => line.split("\t"))
    .filter((columns) => columns[1] === "RECV")
    .map(([at, , offset]) => ({ at: Number(at) * 1000, offset: Number(offset) }));
  const arrivedAt = (byteOffset: number) => timeline.filter((row) => row.offset <= byteOffset).at(-1)?.at ?? 0;

  const events: EventTemplate[] = [];
  let cursor = data.indexOf("\r\n") + 2; // after the banner
  let startMs: number | null = null;
  for (const lines of splitPackets(data)) {
    const byteOffset = cursor;
    cursor += lines.join("\r\n").length + 4;
    const headers = lines.map((line): [string, string] => {
      const colon = line.indexOf(":");
      return [line.slice(0, colon), line.slice(colon + 1).replace(/^ /, "")];
    });
    const event = headers[0]?.[0] === "Event" ? headers[0][1] : null;
    if (!event || event === "FullyBooted" || event === "SuccessfulAuth") continue;
    startMs ??= arrivedAt(byteOffset);
    events.push({ event, offsetMs: Math.round(arrivedAt(byteOffset) - startMs), headers: headers.map(([k, v]) => [k, tokenise(v)]) });
  }
  template = events;
  return events;
}

function tokenise(value: string): ValueTemplate {
  const whole = WHOLE_VALUES[value];
  if (whole) return [{ slot: whole }];
  let parts: ValueTemplate = [value];
  for (const [text, slot] of SUBSTRINGS) {
    parts = parts.flatMap((part) => {
      if (typeof part !== "string" || !part.includes(text)) return [part];
      const pieces = part.split(text);
      return pieces.flatMap((piece, i) => (i === 0 ? [piece] : [{ slot }, piece])).filter((p) => p !== "");
    });
  }
  return parts;
}

const LEAN_DROPPED = new Set(["Newexten", "DeviceStateChange", "RTCPSent"]);
const OUR_VARIABLES = new Set(["LINHA_CALL_ID", "LINHA_TENANT", "LINHA_LEAD", "LINHA_CONF", "MIXMONITOR_FILENAME"]);

function keptInLean(event: EventTemplate): boolean {
  if (LEAN_DROPPED.has(event.event)) return false;
  if (event.event !== "VarSet") return true;
  const variable = event.headers.find(([key]) => key === "Variable")?.[1];
  return typeof variable?.[0] === "string" && OUR_VARIABLES.has(variable[0]);
}

const hex8 = (n: number) => n.toString(16).padStart(8, "0");
const cdrTime = (d: Date) => d.toISOString().slice(0, 19).replace("T", " ");

/**
 * Makes synthetic calls: each call is capture 02 replayed with its own identities. Channel
 * sequence numbers and Uniqueids keep increasing across calls, as on one Asterisk.
 */
export function createCallGenerator(options: CallGeneratorOptions = {}) {
  const events = callTemplate().filter((e) => options.profile !== "lean" || keptInLean(e));
  let epoch = options.firstEpoch ?? 1_900_000_000;
  let sequence = options.firstSequence ?? 0x10000;
  let uidCounter = 0;
  let index = 0;

  return {
    /** Events per call in this profile. */
    eventsPerCall: events.length,
    /** How long a call lasts, first event to last (ms). */
    callDurationMs: events.at(-1)?.offsetMs ?? 0,
    next(spec: SyntheticCallSpec): SyntheticCall {
      const callIndex = index++;
      const startedAt = spec.startedAt ?? new Date();
      const full = {
        tenant: spec.tenant,
        extension: spec.extension,
        number: spec.number,
        callRef: spec.callRef ?? `c-${callIndex}`,
        leadRef: spec.leadRef ?? `l-${callIndex}`,
        leadName: spec.leadName ?? `Lead l-${callIndex}`,
        repName: spec.repName ?? `Rep ${spec.extension}`,
        actionId: spec.actionId ?? `c2c-${callIndex}`,
        carrier: spec.carrier ?? "carrier",
        startedAt,
      };
      epoch += 1;
      const repUid = `${epoch}.${uidCounter++}`;
      const carrierUid = `${epoch + 1}.${uidCounter++}`;
      const repChannel = `PJSIP/${full.tenant}_${full.extension}-${hex8(sequence++)}`;
      const carrierChannel = `PJSIP/gw_${full.carrier}-${hex8(sequence++)}`;
      const values: Record<Slot, string> = {
        repChannel,
        carrierChannel,
        repUid,
        carrierUid,
        bridgeId: randomUUID(),
        repName: full.repName,
        endpoint: `${full.tenant}_${full.extension}`,
        carrierEndpoint: `gw_${full.carrier}`,
        contextPrefix: `t_${full.tenant}_`,
        setTenant: `CHANNEL(tenantid)=${full.tenant}`,
        leadName: full.leadName,
        number: full.number,
        cdrStart: cdrTime(startedAt),
        cdrAnswer: cdrTime(new Date(startedAt.getTime() + 1_000)),
        cdrEnd: cdrTime(new Date(startedAt.getTime() + 7_000)),
        tenant: full.tenant,
        extension: full.extension,
        leadRef: full.leadRef,
        callRef: full.callRef,
        actionId: full.actionId,
      };
      const out: SyntheticEvent[] = events.map((e) => {
        const headers = e.headers.map(([key, parts]): [string, string] => [
          key,
          parts.length === 1 && typeof parts[0] === "string"
            ? parts[0]
            : parts.map((p) => (typeof p === "string" ? p : values[p.slot])).join(""),
        ]);
        if (options.timestamps) {
          const at = (startedAt.getTime() + e.offsetMs) / 1000;
          headers.splice(2, 0, ["Timestamp", at.toFixed(6)]);
        }
        return { call: callIndex, event: e.event, offsetMs: e.offsetMs, headers };
      });
      return { index: callIndex, spec: full, linkedId: repUid, repChannel, carrierChannel, events: out };
    },
  };
}

/** A header's value in a generated event. */
export function syntheticField(event: SyntheticEvent, key: string): string | undefined {
  return event.headers.find(([k]) => k === key)?.[1];
}
