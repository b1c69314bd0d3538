// Billing money is integer, never floating point: rates and per-call charges in micro-reais
// (1 BRL = 1,000,000 µBRL, so a R$ 0,0850/min rate is exact), invoices in centavos. Values travel
// as bigint; the one place they meet floating point is Intl formatting for display.
// The rounding rules are written down in server/services/billing/README.md.

export const MICROS_PER_REAL = 1_000_000n;
export const MICROS_PER_CENT = 10_000n;
/** Rates take up to six decimals of a real: one micro-real. */
export const RATE_DECIMALS = 6;

/**
 * Parses a rate amount as people and CSV files write it — "0,085", "0.0850", "R$ 1,20", "12" — into
 * micro-reais. One decimal separator (comma or dot), no thousands separators (rates are small, and
 * "1.234" would be ambiguous), at most six decimals. Returns null for anything else: negatives,
 * letters, a seventh decimal (it would have to be rounded away silently), or more than 1,000,000 BRL.
 */
export function parseRateMicros(text: string): bigint | null {
  const s = text
    .trim()
    .replace(/^R\$/i, "")
    .replace(/[\s\u00a0\u202f]/g, "");
  const match = /^(\d{1,7})(?:[.,](\d{1,6}))?$/.exec(s);
  if (!match) return null;
  const value = BigInt(match[1]!) * MICROS_PER_REAL + BigInt((match[2] ?? "").padEnd(RATE_DECIMALS, "0"));
  return value > 1_000_000n * MICROS_PER_REAL ? null : value;
}

/** Micro-reais as a plain decimal string with six places: 85000n → "0.085000" (CSV export, inputs). */
export function microsToDecimal(micros: bigint): string {
  const negative = micros < 0n;
  const abs = negative ? -micros : micros;
  const text = `${abs / MICROS_PER_REAL}.${String(abs % MICROS_PER_REAL).padStart(RATE_DECIMALS, "0")}`;
  return negative ? `-${text}` : text;
}

/** Rounds micro-reais to centavos, half away from zero (R$ 0,005 → R$ 0,01; -R$ 0,005 → -R$ 0,01). */
export function microsToCents(micros: bigint): bigint {
  const half = MICROS_PER_CENT / 2n;
  return micros >= 0n ? (micros + half) / MICROS_PER_CENT : -((-micros + half) / MICROS_PER_CENT);
}

/** Centavos as a plain decimal string: 123456n → "1234.56". */
export function centsToDecimal(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const text = `${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
  return negative ? `-${text}` : text;
}

/** "1234.56" (a Decimal(…, 2) column's text) → 123456n centavos. */
export function decimalToCents(decimal: string): bigint {
  const match = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(decimal.trim());
  if (!match) throw new Error(`not a two-place decimal: "${decimal}"`);
  const cents = BigInt(match[2]!) * 100n + BigInt((match[3] ?? "").padEnd(2, "0"));
  return match[1] ? -cents : cents;
}

/** Centavos for display: 123456n → "R$ 1.234,56" (pt-BR). */
export function formatCents(cents: bigint, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency: "BRL" }).format(Number(cents) / 100);
}

/** A per-minute rate for display, with as many decimals as it has (2–6): 85000n → "R$ 0,085". */
export function formatRateMicros(micros: bigint, locale: string): string {
  const decimals = Math.max(2, RATE_DECIMALS - trailingZeros(micros));
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency: "BRL",
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(Number(micros) / 1_000_000);
}

function trailingZeros(micros: bigint): number {
  let n = 0;
  let value = micros < 0n ? -micros : micros;
  while (n < RATE_DECIMALS && value % 10n === 0n && value !== 0n) {
    value /= 10n;
    n++;
  }
  return value === 0n ? RATE_DECIMALS : n;
}
