import type { CallView } from "@/lib/schemas/calls";

/** "00:42", "12:05", "1:02:03" — the clock a call shows while it runs. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  const mm = String(minutes).padStart(2, "0");
  const ss = String(seconds).padStart(2, "0");
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}

/**
 * Seconds the call has lasted at `now`: talk time once answered (what the rep cares about), else
 * time since it started. An ended call shows the PBX's billsec when it has one (what the history
 * and the timeline show), else stops at its end.
 */
export function callElapsedSeconds(call: Pick<CallView, "startedAt" | "answeredAt" | "endedAt" | "billsec">, now: number): number {
  if (call.endedAt && call.billsec !== null && call.answeredAt) return call.billsec;
  const from = Date.parse(call.answeredAt ?? call.startedAt);
  const to = call.endedAt ? Date.parse(call.endedAt) : now;
  return Math.max(0, Math.floor((to - from) / 1000));
}
