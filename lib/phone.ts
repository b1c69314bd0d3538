// The "max" metadata is needed to tell valid from invalid Brazilian numbers by range
// (e.g. landlines must start with 2-5, unassigned DDDs like 23 or 00); "min" only checks length.
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";

const E164 = /^\+[1-9]\d{7,14}$/;

export function isE164(s: string): boolean {
  return E164.test(s);
}

/** Any human-typed phone → E.164 (`+5511987654321`), or null if it isn't a valid number. */
export function normalizePhone(input: string, defaultCountry: CountryCode = "BR"): string | null {
  // libphonenumber ignores trailing text ("11 98765-4321 abc", "... ext 2") and would
  // silently drop it; we reject letters so bad input surfaces instead of being half-saved.
  if (/\p{L}/u.test(input)) return null;
  const parsed = parsePhoneNumberFromString(input, defaultCountry);
  if (!parsed || !parsed.isValid()) return null;
  return parsed.number;
}

/** E.164 → `(11) 98765-4321` for Brazil, `+1 415 555 2671` otherwise. Unparseable input is returned unchanged. */
export function formatPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === "BR" ? parsed.formatNational() : parsed.formatInternational();
}
