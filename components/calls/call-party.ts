import { formatPhone } from "@/lib/phone";
import type { CallView } from "@/lib/schemas/calls";

/** The number on the other side from the member's point of view (the caller of an inbound call). */
export function otherPartyNumber(call: Pick<CallView, "direction" | "fromNumber" | "toNumber">): string | null {
  return call.direction === "inbound" ? call.fromNumber : call.toNumber;
}

/**
 * A number as people read it: extensions as they are, phone numbers formatted. The PBX reports
 * numbers with or without the "+" depending on the leg, so bare international digits get one.
 */
export function displayNumber(number: string): string {
  if (/^\d{2,6}$/.test(number)) return number;
  if (/^\d{10,15}$/.test(number)) return formatPhone(`+${number}`);
  return formatPhone(number);
}

/** "With whom": the lead's name when the number matched one, else the formatted number. */
export function callPartyLabel(call: CallView, unknown: string): string {
  if (call.leadName) return call.leadName;
  const number = otherPartyNumber(call);
  return number ? displayNumber(number) : unknown;
}
