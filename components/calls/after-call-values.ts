import type { CallDisposition, CallOutcome } from "@/lib/schemas/calls";
import { zonedTimeOnDay } from "@/lib/schemas/task";
import { quickRescheduleTarget } from "@/components/tasks/reschedule-options";

/**
 * What the PBX saw is the best first guess of what the rep will record; voicemail and wrong
 * number only the rep can tell, and a failed call (congestion, unroutable) has no sensible guess.
 */
export function defaultOutcome(disposition: CallDisposition | null): CallOutcome | null {
  switch (disposition) {
    case "answered":
      return "connected";
    case "no_answer":
      return "no_answer";
    case "busy":
      return "busy";
    default:
      return null;
  }
}

export const NEXT_TASK_DUE = ["tomorrow", "twoDays", "nextWeek"] as const;
export type NextTaskDue = (typeof NEXT_TASK_DUE)[number];

/** Follow-up presets in the tenant's time zone, all at 9:00: tomorrow, in 2 days, next Monday (as tasks' reschedule). */
export function nextTaskDueAt(preset: NextTaskDue, now: Date = new Date()): Date {
  if (preset === "twoDays") return zonedTimeOnDay(now, 2, 9);
  return quickRescheduleTarget(preset, now);
}
