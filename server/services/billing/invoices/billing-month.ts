// Billing months and days are São Paulo's calendar. The calendar arithmetic below is on plain
// "YYYY-MM-DD" strings (no time zone involved); the one place an instant meets the calendar is
// saoPauloDay, which asks Intl for the zone's rules instead of assuming UTC−3. SQL does the same
// with AT TIME ZONE (see invoice-period.ts).

export const BILLING_TIME_ZONE = "America/Sao_Paulo";

const dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: BILLING_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** The São Paulo calendar day of an instant, "YYYY-MM-DD". */
export function saoPauloDay(at: Date): string {
  return dayFormat.format(at);
}

function parts(month: string): [number, number] {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return [y, m];
}

/** "2024-02" → 29. */
export function daysInMonth(month: string): number {
  const [y, m] = parts(month);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function firstDayOf(month: string): string {
  return `${month}-01`;
}

export function lastDayOf(month: string): string {
  return `${month}-${String(daysInMonth(month)).padStart(2, "0")}`;
}

/** "2024-12" + 1 → "2025-01". */
export function addMonths(month: string, n: number): string {
  const [y, m] = parts(month);
  return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 7);
}

/** The São Paulo month an instant falls in. */
export function monthOfInstant(at: Date): string {
  return saoPauloDay(at).slice(0, 7);
}

/** The month an invoice run bills by default: the one before `now`'s (São Paulo). */
export function previousBillingMonth(now: Date): string {
  return addMonths(monthOfInstant(now), -1);
}

/** "YYYY-MM-DD" plus n days. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` ("YYYY-MM-DD"), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The Invoice.period DATE of a month: its first day (Prisma reads and writes DATE as UTC midnight). */
export function periodDate(month: string): Date {
  return new Date(`${month}-01T00:00:00Z`);
}
