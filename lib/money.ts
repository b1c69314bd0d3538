// BRL amounts travel as decimal strings with two places ("1234.56"): exact, and what Prisma's
// Decimal columns take and give. People type them either Brazilian style ("1.234,56") or the
// other way round ("1234.56", "1,234.56"); parseBrl accepts both without guessing wrongly.

/** The largest integer part a Decimal(12, 2) column holds. */
const MAX_INTEGER_DIGITS = 10;

function grouped(integer: string, separator: string): string | null {
  const groups = integer.split(separator);
  const [head, ...rest] = groups;
  if (!head || !/^\d{1,3}$/.test(head) || rest.some((g) => !/^\d{3}$/.test(g))) return null;
  return groups.join("");
}

/**
 * Parses an amount typed as "1.234,56", "1234,56", "1,234.56", "1234.56", "R$ 1.234,56" or "1.234"
 * into "1234.56". A lone separator followed by exactly three digits is a thousands separator (money
 * has at most two decimals, so "1.234" cannot mean 1.234). Returns null for anything else: negative
 * amounts, letters, three or more decimals, badly grouped thousands, or more than ten integer digits.
 */
export function parseBrl(text: string): string | null {
  const s = text
    .trim()
    .replace(/^R\$/i, "")
    .replace(/[\s\u00a0\u202f]/g, "");
  if (!/^\d[\d.,]*$/.test(s)) return null;

  const lastComma = s.lastIndexOf(",");
  const lastDot = s.lastIndexOf(".");
  let integer = s;
  let fraction = "";
  if (lastComma !== -1 && lastDot !== -1) {
    const decimalAt = Math.max(lastComma, lastDot);
    const thousands = decimalAt === lastComma ? "." : ",";
    fraction = s.slice(decimalAt + 1);
    const ungrouped = grouped(s.slice(0, decimalAt), thousands);
    if (ungrouped === null || !/^\d{1,2}$/.test(fraction)) return null;
    integer = ungrouped;
  } else if (lastComma !== -1 || lastDot !== -1) {
    const separator = lastComma !== -1 ? "," : ".";
    const parts = s.split(separator);
    if (parts.length === 2 && /^\d{1,2}$/.test(parts[1]!)) {
      integer = parts[0]!;
      fraction = parts[1]!;
    } else {
      const ungrouped = grouped(s, separator);
      if (ungrouped === null) return null;
      integer = ungrouped;
    }
  }
  if (!/^\d+$/.test(integer)) return null;
  integer = integer.replace(/^0+(?=\d)/, "");
  if (integer.length > MAX_INTEGER_DIGITS) return null;
  return `${integer}.${fraction.padEnd(2, "0")}`;
}

/** "1234.56" → "R$ 1.234,56" (pt-BR) or "R$1,234.56" (en). */
export function formatBrl(amount: string | number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency: "BRL" }).format(Number(amount));
}

/** "1234.56" → "1.234,56" (pt-BR) or "1,234.56" (en): how an amount is shown in an input for editing. */
export function formatBrlInput(amount: string | number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(amount));
}
