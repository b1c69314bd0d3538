// Numeric CNPJ only. The alphanumeric CNPJ format (Receita Federal, from July 2026)
// is not handled yet: letters in the first 12 positions are rejected as invalid.

const FIRST_WEIGHTS = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] as const;
const SECOND_WEIGHTS = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] as const;

/** Strips the usual mask characters. Anything else is kept so validation rejects it instead of silently dropping it. */
export function normalizeCnpj(input: string): string {
  return input.replace(/[.\/\-\s]/g, "");
}

function checkDigit(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += Number(digits[i]) * weights[i]!;
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
}

/** The two check digits for a 12-digit base (8-digit root + 4-digit branch). */
export function cnpjCheckDigits(base12: string): string {
  if (!/^\d{12}$/.test(base12)) throw new Error("CNPJ base must be exactly 12 digits");
  const first = checkDigit(base12, FIRST_WEIGHTS);
  const second = checkDigit(base12 + first, SECOND_WEIGHTS);
  return `${first}${second}`;
}

export function isValidCnpj(input: string): boolean {
  const digits = normalizeCnpj(input);
  if (!/^\d{14}$/.test(digits)) return false;
  // Repeated-digit strings pass the checksum (e.g. 00000000000000) but are never issued.
  if (/^(\d)\1{13}$/.test(digits)) return false;
  return cnpjCheckDigits(digits.slice(0, 12)) === digits.slice(12);
}

/** `12345678000195` → `12.345.678/0001-95`. Input that isn't 14 digits after normalizing is returned unchanged. */
export function formatCnpj(digits: string): string {
  const d = normalizeCnpj(digits);
  if (!/^\d{14}$/.test(d)) return digits;
  return `${d.slice(0, 2)}.${d.slice(2, 5)}.${d.slice(5, 8)}/${d.slice(8, 12)}-${d.slice(12)}`;
}

/** Valid, unformatted CNPJ for seed/demo data. `rng` returns floats in [0, 1). */
export function generateCnpj(rng: () => number): string {
  let root = "";
  for (let i = 0; i < 8; i++) root += Math.floor(rng() * 10);
  // Most companies are the head office (0001); a few are branches.
  const branch = rng() < 0.85 ? "0001" : `000${2 + Math.floor(rng() * 8)}`;
  const base = root + branch;
  return base + cnpjCheckDigits(base);
}
