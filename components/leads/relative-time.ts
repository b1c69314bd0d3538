import type { Locale } from "@/lib/i18n";

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["week", 7 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** "há 3 dias" / "3 days ago": the largest whole unit, "agora" under a minute. */
export function formatRelative(date: Date, now: Date, locale: Locale): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  const diff = date.getTime() - now.getTime();
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return format.format(Math.trunc(diff / ms), unit);
  }
  return format.format(0, "second");
}
