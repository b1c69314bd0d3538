/**
 * Scores that depend on time (decay, "within N days") move once per calendar day in the operator's
 * time zone, not every 24 hours after an event: a lead's score is then the same all day, and the
 * decay job only needs to rescore leads last scored before today's midnight.
 */
export const SCORING_TIME_ZONE = "America/Sao_Paulo";

const DAY_MS = 86_400_000;

const partsFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: SCORING_TIME_ZONE,
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
  hourCycle: "h23",
});

function zonedParts(date: Date): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const out: Record<string, number> = {};
  for (const part of partsFormat.formatToParts(date)) if (part.type !== "literal") out[part.type] = Number(part.value);
  return { year: out.year!, month: out.month!, day: out.day!, hour: out.hour!, minute: out.minute!, second: out.second! };
}

// Time-zone offsets only change on whole hours, so the calendar day is the same for every instant
// of one UTC hour: memoizing by hour spares an Intl call per lead when a thousand are scored.
const dayByHour = new Map<number, number>();

/** The calendar day of `date` in São Paulo, as a day count since 1970-01-01. */
export function calendarDay(date: Date): number {
  const hour = Math.floor(date.getTime() / 3_600_000);
  let day = dayByHour.get(hour);
  if (day === undefined) {
    const parts = zonedParts(date);
    day = Date.UTC(parts.year, parts.month - 1, parts.day) / DAY_MS;
    if (dayByHour.size >= 50_000) dayByHour.clear();
    dayByHour.set(hour, day);
  }
  return day;
}

/** Whole calendar days from `earlier` to `later` in São Paulo (0 on the same day). */
export function calendarDaysBetween(earlier: Date, later: Date): number {
  return calendarDay(later) - calendarDay(earlier);
}

/** The instant today began in São Paulo (Brazil has kept a fixed offset since 2019). */
export function startOfCalendarDay(now: Date): Date {
  const p = zonedParts(now);
  const wallClockAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const offset = wallClockAsUtc - Math.floor(now.getTime() / 1000) * 1000;
  return new Date(Date.UTC(p.year, p.month - 1, p.day) - offset);
}
