import type { Weekday } from "@/lib/telephony/allow-list";

// Whether business hours are open at an instant, evaluated the way Asterisk's GotoIfTime does:
// in the hours' own timezone, a rule matching its weekdays from `open` (inclusive) to `close`
// (exclusive), to the minute. Runs in the browser (the "open now" badge) and on the server alike.

export type BusinessHoursLike = {
  timezone: string;
  rules: readonly { days: readonly Weekday[]; open: string; close: string }[];
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    // en-US + h23 give stable parts ("Mon", "00".."23") whatever the user's locale.
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: timezone,
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

/** The weekday and "HH:MM" of `date` on the clocks of `timezone`. */
export function localWeekdayAndTime(timezone: string, date: Date): { day: Weekday; time: string } {
  const parts = formatterFor(timezone).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return { day: part("weekday").slice(0, 3).toLowerCase() as Weekday, time: `${part("hour")}:${part("minute")}` };
}

export function isOpenAt(hours: BusinessHoursLike, date: Date): boolean {
  const { day, time } = localWeekdayAndTime(hours.timezone, date);
  return hours.rules.some((rule) => rule.days.includes(day) && rule.open <= time && time < rule.close);
}
