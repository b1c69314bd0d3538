import { zonedInputValues, zonedTimeOnDay } from "@/lib/schemas/task";

export type QuickReschedule = "inHour" | "tomorrow" | "nextWeek";

/** Quick reschedule targets, in the tenant's time zone: in an hour, tomorrow 9:00, next Monday 9:00. */
export function quickRescheduleTarget(option: QuickReschedule, now: Date = new Date()): Date {
  if (option === "inHour") return new Date(now.getTime() + 3_600_000);
  if (option === "tomorrow") return zonedTimeOnDay(now, 1, 9);
  const [y, m, d] = zonedInputValues(now).date.split("-").map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay(); // 0 = Sunday
  const daysToMonday = (8 - weekday) % 7 || 7;
  return zonedTimeOnDay(now, daysToMonday, 9);
}
