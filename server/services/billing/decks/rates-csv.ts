import { microsToDecimal } from "@/lib/billing/micros";
import { formatEffectiveText, RATE_CSV_COLUMNS } from "@/lib/schemas/billing-tariffs";
import type { NewRate } from "./deck-version";

// The export format, one for every locale, which the import reads back as the same rates:
// UTF-8 with a BOM, `;` between fields and a decimal comma (what a spreadsheet set to Portuguese
// opens as columns and numbers), dates as São Paulo days ("2026-11-01") or date-times
// ("2026-11-01 14:30:00"), CRLF line ends.

/** "0,085", "1,00", "0,000123": a rate with the decimals it has (at least two), comma-separated. */
export function csvMoney(micros: bigint): string {
  const [whole, fraction] = microsToDecimal(micros).split(".") as [string, string];
  const trimmed = fraction.replace(/0+$/, "").padEnd(2, "0");
  return `${whole},${trimmed}`;
}

/**
 * A description as one field: quoted when it holds the delimiter, a quote or a line break, and
 * led by an apostrophe when a spreadsheet would run it as a formula (=, +, -, @); the import
 * drops that apostrophe again.
 */
export function csvText(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]|^\s|\s$/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

export function rateCsvLine(rate: NewRate): string {
  return [
    rate.prefix,
    csvText(rate.description),
    csvMoney(rate.pricePerMinuteMicros),
    csvMoney(rate.connectionFeeMicros),
    String(rate.minSeconds),
    String(rate.incrementSeconds),
    formatEffectiveText(new Date(rate.effectiveFrom)),
    rate.effectiveTo === null ? "" : formatEffectiveText(new Date(rate.effectiveTo)),
  ].join(";");
}

export function ratesCsv(rates: Iterable<NewRate>): string {
  const lines = [RATE_CSV_COLUMNS.join(";")];
  for (const rate of rates) lines.push(rateCsvLine(rate));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
