import type { AmiFields, AmiResponse } from "@/asterisk/ami/types";

export type ContactStatus = { status: string; rttMs: number | null; contact: string | null; reachable: boolean };

/** Header names arrive lower-cased from our client, but a test double or a future client may not. */
function field(fields: AmiFields, name: string): string | null {
  const key = Object.keys(fields).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : fields[key];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" && first.trim() !== "" ? first.trim() : null;
}

/**
 * The contact status of an endpoint from a `PJSIPShowEndpoint` answer: its ContactStatusDetail
 * events carry `Status` (Reachable, Unreachable, NonQualified, …), `RoundtripUsec` ("N/A" until
 * qualified) and `URI`. With several contacts the best one counts (reachable, then fastest).
 * No contact at all (a registration trunk whose PBX never registered) is "no_contact".
 */
export function contactStatusOf(response: AmiResponse): ContactStatus {
  const contacts = response.events
    .filter((event) => event.event.toLowerCase() === "contactstatusdetail")
    .map((event) => {
      const status = field(event.fields, "status") ?? "Unknown";
      const usec = Number(field(event.fields, "roundtripusec"));
      const rttMs = Number.isFinite(usec) && usec > 0 ? Math.round(usec / 100) / 10 : null;
      return { status, rttMs, contact: field(event.fields, "uri"), reachable: status.toLowerCase() === "reachable" };
    });
  if (contacts.length === 0) return { status: "no_contact", rttMs: null, contact: null, reachable: false };
  contacts.sort((a, b) => Number(b.reachable) - Number(a.reachable) || (a.rttMs ?? Infinity) - (b.rttMs ?? Infinity));
  return contacts[0]!;
}

/** A qualify has answered once the contact is known to be up or down. */
export function isSettled(status: ContactStatus): boolean {
  const s = status.status.toLowerCase();
  return s === "reachable" || s === "unreachable" || s === "no_contact";
}
