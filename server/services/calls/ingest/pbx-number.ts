import { normalizePhone } from "@/lib/phone";

/**
 * A number as Asterisk reports it (digits without `+`: `5511999990000`, sometimes national
 * `11999990000` or with the `0`/`00` dialling prefixes) → E.164 as Lead.phone stores it, or null.
 * National first: a Brazilian number is never a valid international one with its digits as they are.
 */
export function pbxNumberToE164(number: string | null): string | null {
  if (!number) return null;
  const trimmed = number.trim();
  if (trimmed.startsWith("+")) return normalizePhone(trimmed);
  if (!/^[0-9]{8,16}$/.test(trimmed)) return null;
  if (trimmed.startsWith("00")) return normalizePhone(`+${trimmed.slice(2)}`);
  return normalizePhone(trimmed, "BR") ?? normalizePhone(`+${trimmed}`);
}
