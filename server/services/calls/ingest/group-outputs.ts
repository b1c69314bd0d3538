import type { ConferenceChange, PresenceChange, TrackedCall, TrackerOutput } from "@/asterisk/events/types";
import type { PresenceWrite } from "./apply-presence";

/** One tenant's share of a flush, still keyed by the PBX's tenant code. */
export type SlugBatch = {
  calls: Map<string, TrackedCall>;
  presence: Map<string, PresenceWrite>;
  conferences: ConferenceChange[];
};

export type GroupedOutputs = {
  bySlug: Map<string, SlugBatch>;
  /** Originates whose first leg never answered: their rows are found by ActionID. */
  failedOriginates: Array<{ actionId: string; at: Date }>;
  /** Call snapshots without a tenant yet (an inbound carrier leg before its Set(CHANNEL(tenantid))). */
  unattributed: number;
};

/** `<slug>_<number>` → its parts; carrier endpoints (`gw_<name>`) and anything else → null. */
export function splitEndpoint(endpoint: string): { slug: string; number: string } | null {
  const match = /^(.+)_([0-9]{2,6})$/.exec(endpoint);
  if (!match || match[1] === "gw") return null;
  return { slug: match[1]!, number: match[2]! };
}

/**
 * A flush's outputs grouped by tenant and coalesced: a call is written as its last snapshot (each
 * is the whole call), a phone as its last presence; conference changes keep their order. O(outputs).
 */
export function groupOutputs(outputs: readonly TrackerOutput[]): GroupedOutputs {
  const bySlug = new Map<string, SlugBatch>();
  const failedOriginates: GroupedOutputs["failedOriginates"] = [];
  const latest = new Map<string, TrackedCall>();
  const batch = (slug: string) => {
    let found = bySlug.get(slug);
    if (!found) bySlug.set(slug, (found = { calls: new Map(), presence: new Map(), conferences: [] }));
    return found;
  };
  for (const output of outputs) {
    switch (output.kind) {
      case "call":
        latest.set(output.call.linkedId, output.call);
        break;
      case "presence": {
        const parts = splitEndpoint(output.presence.endpoint);
        if (!parts) break;
        const presence = batch(parts.slug).presence;
        const previous = presence.get(parts.number)?.change;
        let change: PresenceChange = output.presence;
        // PeerStatus says reachable without a contact; the ContactStatus just before it named one: keep it.
        if (change.registered && !change.contactUri && previous?.registered && previous.contactUri)
          change = { ...change, contactUri: previous.contactUri };
        presence.set(parts.number, { extensionNumber: parts.number, change });
        break;
      }
      case "conference": {
        const slug = output.conference.tenantSlug ?? /^(.+)_conf_[0-9]{6}$/.exec(output.conference.room)?.[1] ?? null;
        if (slug) batch(slug).conferences.push(output.conference);
        break;
      }
      case "originate":
        if (!output.success) failedOriginates.push({ actionId: output.actionId, at: output.at });
        break;
      case "spy":
        // Monitoring sessions are not persisted: the spy call is a call of its own, and control owns the rest.
        break;
    }
  }
  let unattributed = 0;
  for (const call of latest.values()) {
    if (call.tenantSlug) batch(call.tenantSlug).calls.set(call.linkedId, call);
    else unattributed++;
  }
  return { bySlug, failedOriginates, unattributed };
}
