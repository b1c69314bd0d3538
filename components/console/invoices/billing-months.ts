// The console's month picker works in São Paulo's calendar, like the invoice run (the browser may
// be anywhere): the current month is São Paulo's, and months are plain "YYYY-MM" strings.

const monthFormat = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Sao_Paulo", year: "numeric", month: "2-digit" });

export function currentMonth(now = new Date()): string {
  return monthFormat.format(now).slice(0, 7);
}

export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 7);
}

/** The month an invoice run bills by default: the last one that is over. */
export function lastClosedMonth(now = new Date()): string {
  return shiftMonth(currentMonth(now), -1);
}

/** The current month and the 35 before it, newest first: what the picker offers. */
export function pickableMonths(now = new Date()): string[] {
  const current = currentMonth(now);
  return Array.from({ length: 36 }, (_, i) => shiftMonth(current, -i));
}

export function isBillingMonth(value: string | null): value is string {
  return value !== null && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}
