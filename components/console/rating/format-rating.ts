// Dates of rating runs as the operator reads them: in the São Paulo calendar, like billing months.

const ZONE = "America/Sao_Paulo";
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = cache.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { timeZone: ZONE, ...options });
    cache.set(key, found);
  }
  return found;
}

export function formatDateTime(date: Date, locale: string): string {
  return formatter(locale, { dateStyle: "short", timeStyle: "short" }).format(date);
}

export function formatDate(date: Date, locale: string): string {
  return formatter(locale, { dateStyle: "short" }).format(date);
}

const dayOf = (date: Date) => formatter("en-CA", { year: "numeric", month: "2-digit", day: "2-digit" }).format(date);

/**
 * A run's half-open period: a whole São Paulo month reads "setembro de 2026", a range of days
 * "16/09/2026 – 30/09/2026" (the end is exclusive, so the last day shown is the one before it).
 */
export function formatPeriod(start: Date, end: Date, locale: string): string {
  const lastDay = new Date(end.getTime() - 1);
  const first = dayOf(start);
  const next = dayOf(end);
  const wholeMonth =
    first.endsWith("-01") && next.endsWith("-01") && dayOf(new Date(start.getTime() + 32 * 86_400_000)).slice(0, 7) === next.slice(0, 7);
  if (wholeMonth) return formatter(locale, { month: "long", year: "numeric" }).format(start);
  const from = formatDate(start, locale);
  const to = formatDate(lastDay, locale);
  return from === to ? from : `${from} – ${to}`;
}

/** "12,4 s", "3 min 05 s" between two instants. */
export function formatElapsed(from: Date, to: Date, locale: string): string {
  const seconds = Math.max(0, (to.getTime() - from.getTime()) / 1000);
  if (seconds < 60) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${String(Math.round(seconds % 60)).padStart(2, "0")} s`;
}

/** Today in São Paulo, "2026-11-21". */
export function currentBillingDay(now = new Date()): string {
  return dayOf(now);
}

/** The current São Paulo month, "2026-11" (the re-rating dialog's default). */
export function currentBillingMonth(now = new Date()): string {
  return dayOf(now).slice(0, 7);
}

export const formatCount = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);
