import type { Locale } from "@/lib/i18n";
import { startOfZonedDay, TASK_TIME_ZONE } from "@/lib/schemas/task";

const DAY_MS = 86_400_000;

/**
 * A due date as a rep reads it, in the tenant's time zone: "hoje 14:00", "amanhã 09:00",
 * "ontem 17:30", else "qui., 12/03 09:00" (with the year when it is not this year's).
 */
export function formatDue(date: Date, locale: Locale, now: Date = new Date()): string {
  const time = date.toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit", timeZone: TASK_TIME_ZONE });
  const days = Math.round((startOfZonedDay(date).getTime() - startOfZonedDay(now).getTime()) / DAY_MS);
  if (Math.abs(days) <= 1) {
    const word = new Intl.RelativeTimeFormat(locale, { numeric: "auto" }).format(days, "day");
    return `${word} ${time}`;
  }
  const sameYear =
    date.toLocaleDateString("en", { year: "numeric", timeZone: TASK_TIME_ZONE }) ===
    now.toLocaleDateString("en", { year: "numeric", timeZone: TASK_TIME_ZONE });
  const day = date.toLocaleDateString(locale, {
    weekday: "short",
    day: "2-digit",
    month: "2-digit",
    ...(sameYear ? {} : { year: "numeric" }),
    timeZone: TASK_TIME_ZONE,
  });
  return `${day} ${time}`;
}

/** The full date and time, for tooltips. */
export function formatFull(date: Date, locale: Locale): string {
  return date.toLocaleString(locale, { dateStyle: "full", timeStyle: "short", timeZone: TASK_TIME_ZONE });
}
