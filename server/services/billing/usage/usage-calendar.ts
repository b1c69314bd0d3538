import { addMonths, daysInMonth } from "@/server/services/billing/invoices/billing-month";

// The usage page's months and days, on the invoices' São Paulo calendar (billing-month.ts), so the
// page and the invoice never disagree on which day or month a call belongs to.

/** How far back the month picker goes: two years of usage is what anyone reconciles. */
export const MAX_MONTHS_OFFERED = 24;

/** The months a tenant may pick, newest first: from the current one back to its first (at most MAX_MONTHS_OFFERED). */
export function monthsOffered(currentMonth: string, firstMonth: string): string[] {
  const out: string[] = [];
  for (let month = currentMonth; month >= firstMonth && out.length < MAX_MONTHS_OFFERED; month = addMonths(month, -1)) out.push(month);
  return out.length > 0 ? out : [currentMonth];
}

/** The days of a month shown in its chart: all of them, or up to `lastDay` ("2026-10-17") for the month under way. */
export function monthDays(month: string, lastDay?: string): string[] {
  const days: string[] = [];
  for (let d = 1; d <= daysInMonth(month); d++) {
    const day = `${month}-${String(d).padStart(2, "0")}`;
    if (lastDay && day > lastDay) break;
    days.push(day);
  }
  return days;
}
