import type { CallDirection, CallDisposition, CallHistoryFilter, CallView } from "@/lib/schemas/calls";
import { formatPhone } from "@/lib/phone";
import { fromZonedInputValues, startOfZonedDay, zonedInputValues } from "@/lib/schemas/task";

// The history page's filter state and its translation to the router's filter. Days are São Paulo's
// (the team's business days), whatever the browser's zone.

export const RANGE_PRESETS = ["today", "7d", "30d", "90d", "custom"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export type HistoryFilterState = {
  preset: RangePreset;
  /** Custom range, `YYYY-MM-DD`, both days included. */
  fromDate: string;
  toDate: string;
  direction: CallDirection | null;
  disposition: CallDisposition | null;
  userId: string | null;
  leadId: string | null;
  number: string;
};

export function initialFilter(leadId: string | null): HistoryFilterState {
  const today = zonedInputValues(new Date()).date;
  return {
    preset: leadId ? "90d" : "30d",
    fromDate: today,
    toDate: today,
    direction: null,
    disposition: null,
    userId: null,
    leadId,
    number: "",
  };
}

const PRESET_DAYS: Record<Exclude<RangePreset, "custom">, number> = { today: 1, "7d": 7, "30d": 30, "90d": 90 };

/** The half-open instant range of the state (`to` is the start of the day after), or null for a custom range that is not valid. */
export function rangeOf(state: HistoryFilterState, now = new Date()): { from: Date; to: Date } | null {
  if (state.preset !== "custom") return { from: startOfZonedDay(now, 1 - PRESET_DAYS[state.preset]), to: startOfZonedDay(now, 1) };
  const from = fromZonedInputValues(state.fromDate, "00:00");
  const last = fromZonedInputValues(state.toDate, "00:00");
  if (!from || !last || last < from) return null;
  return { from, to: startOfZonedDay(last, 1) };
}

/** What calls.history.list/stats and the CSV export receive; null while the custom range is invalid. */
export function toRouterFilter(state: HistoryFilterState, now?: Date): CallHistoryFilter | null {
  const range = rangeOf(state, now);
  if (!range) return null;
  const digits = state.number.replace(/\D/g, "");
  return {
    ...range,
    ...(state.direction ? { direction: state.direction } : {}),
    ...(state.disposition ? { disposition: state.disposition } : {}),
    ...(state.userId ? { userId: state.userId } : {}),
    ...(state.leadId ? { leadId: state.leadId } : {}),
    ...(digits ? { number: digits } : {}),
  };
}

export function exportHref(filter: CallHistoryFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined) params.set(key, value instanceof Date ? value.toISOString() : String(value));
  }
  return `/api/calls/export?${params.toString()}`;
}

/** The number on the other end of the call (the caller of an inbound call, the dialled one of an outbound). */
export function otherParty(call: Pick<CallView, "direction" | "fromNumber" | "toNumber" | "extensionNumber">): string | null {
  if (call.direction === "inbound") return call.fromNumber;
  if (call.direction === "outbound") return call.toNumber;
  return call.fromNumber === call.extensionNumber ? call.toNumber : call.fromNumber;
}

/** PBX numbers are E.164 digits without "+" (or with it); extensions stay as they are. */
export function displayNumber(value: string): string {
  const digits = value.replace(/^\+/, "");
  return /^\d{10,15}$/.test(digits) ? formatPhone(`+${digits}`) : value;
}

/** 75 → "1:15", 3725 → "1:02:05". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return "—";
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}
