/** The history's days and hours are São Paulo's (Brazil has had no DST since 2019: UTC−3). */
export const HISTORY_TIME_ZONE = "America/Sao_Paulo";

const dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: HISTORY_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** The São Paulo calendar day of an instant, `YYYY-MM-DD`. */
export function dayKey(at: Date): string {
  return dayFormat.format(at);
}

/** `YYYY-MM-DD` plus n days (calendar arithmetic, no time zone involved). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}
