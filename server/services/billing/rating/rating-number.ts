// The number a call is rated on: E.164 digits without "+", as rate prefixes are written. Calls
// carry what the phone or click-to-call dialled ("+5511…", "5511…", or "0054…" for international,
// the forms the outbound routes accept); the "00" international access code is not part of the
// E.164 number, so it goes, like the "+".

/** The charge table holds at most 20 digits; E.164 numbers have at most 15. */
const MAX_DIGITS = 20;

/** E.164 digits of a dialled number, or null when it has no digits at all. */
export function ratingNumber(dialled: string | null | undefined): string | null {
  if (!dialled) return null;
  const trimmed = dialled.trim();
  let digits = trimmed.replace(/\D/g, "");
  if (!trimmed.startsWith("+") && digits.startsWith("00")) digits = digits.slice(2);
  return digits.length > 0 ? digits.slice(0, MAX_DIGITS) : null;
}

/** A DID's or an inbound call's number as digits, for matching one to the other ("+55 11…" = "5511…"). */
export function didDigits(number: string | null | undefined): string {
  return (number ?? "").replace(/\D/g, "");
}
