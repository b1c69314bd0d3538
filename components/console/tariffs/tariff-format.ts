import { formatRateMicros, microsToDecimal } from "@/lib/billing/micros";
import { formatEffectiveText, TARIFF_TIME_ZONE } from "@/lib/schemas/billing-tariffs";

/** A per-minute rate or fee for display, with the decimals it has: "R$ 0,085". */
export function formatRate(micros: bigint, locale: string): string {
  return formatRateMicros(micros, locale);
}

/** Micro-reais as an input value in the operator's style, only the decimals needed: "0,085". */
export function rateInputValue(micros: bigint, locale: string): string {
  const [whole, fraction] = microsToDecimal(micros).split(".") as [string, string];
  const trimmed = fraction.replace(/0+$/, "");
  const text = trimmed ? `${whole}.${trimmed.length < 2 ? trimmed.padEnd(2, "0") : trimmed}` : whole;
  return locale === "pt-BR" ? text.replace(".", ",") : text;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
const timeFormats = new Map<string, Intl.DateTimeFormat>();

function format(cache: Map<string, Intl.DateTimeFormat>, locale: string, options: Intl.DateTimeFormatOptions) {
  let f = cache.get(locale);
  if (!f) cache.set(locale, (f = new Intl.DateTimeFormat(locale, { timeZone: TARIFF_TIME_ZONE, ...options })));
  return f;
}

/** An effective date in São Paulo: the day alone at midnight, else the day and time. */
export function formatEffective(date: Date, locale: string): string {
  const midnight = /^\d{4}-\d{2}-\d{2}$/.test(formatEffectiveText(date));
  return midnight
    ? format(dayFormats, locale, { dateStyle: "short" }).format(date)
    : format(timeFormats, locale, { dateStyle: "short", timeStyle: "short" }).format(date);
}

export function formatSeconds(seconds: number, locale: string): string {
  const number = new Intl.NumberFormat(locale).format(seconds);
  if (seconds < 60) return `${number} s`;
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${number} s (${m}:${String(s).padStart(2, "0")})`;
}
