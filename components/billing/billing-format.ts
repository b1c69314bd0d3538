// Display helpers of the tenant's billing page. Amounts stay bigint centavos until Intl formats them
// (lib/billing/micros.ts formatCents); only seconds become fractional minutes, for display.

/** "2026-03" → "março de 2026" / "March 2026", capitalised as a heading. */
export function formatBillingMonth(month: string, locale: string): string {
  const text = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

/** Billed seconds as minutes with at most one decimal: 246 → "4,1" (pt-BR). */
export function formatMinutes(seconds: number | bigint, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(Number(seconds) / 60);
}

/** A DATE as the invoice shows it ("2026-03-28" → "28/03/2026"), without a time zone shifting the day. */
export function formatDateOnly(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "short", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
}

/** Basis points as a percentage: 500 → "5%", 265 → "2,65%". */
export function formatBasisPoints(basisPoints: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(basisPoints / 10_000);
}

/** The invoice's download routes (app/api/invoices), answered on the tenant's own host. */
export function invoiceDownloadHref(invoiceId: string, format: "pdf" | "csv"): string {
  return `/api/invoices/${invoiceId}/${format}`;
}
