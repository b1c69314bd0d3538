// Allow-lists for every value that reaches an Asterisk configuration line. The zod schemas (save
// time) and the renderers in asterisk/config (write time) both call these, so a value that could
// break out of its line, section or dialplan application (newline, `;`, `[`, `]`, `,`, `)`, `${`,
// quotes, non-ASCII) is refused twice. Each pattern is anchored and ASCII-only on purpose.

export { CODECS, isValidCodecList, isValidHost, isValidGatewayName, isValidTechPrefix, SECRET_PATTERN } from "@/lib/schemas/inventory";

/** A tenant slug as a PBX code: it prefixes endpoints (`<code>_<ext>`) and contexts (`t_<code>_…`). */
export const TENANT_CODE_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/;
export const EXTENSION_NUMBER_PATTERN = /^[0-9]{2,6}$/;
/** Caller id names are written inside double quotes: letters, digits, space and `._'-` only (ASCII). */
export const CALLER_ID_NAME_PATTERN = /^[A-Za-z0-9 ._'-]{1,40}$/;
/** E.164 digits with an optional `+`. */
export const CALLER_ID_NUMBER_PATTERN = /^\+?[0-9]{2,15}$/;
/** A customer trunk's name: part of the section `<code>_trunk_<name>`. */
export const TRUNK_NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,29}$/;
/** An outbound route's name: part of the context `t_<code>_route_<name>` / `linha_route_<name>`. */
export const ROUTE_NAME_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;
/** Digits written in front of a dialled number (prepend, tech prefix). */
export const PREPEND_PATTERN = /^[0-9+*#]{1,16}$/;
/** A DID as stored in the inventory (digits, optional leading +). */
export const DID_NUMBER_PATTERN = /^\+?[0-9]{8,15}$/;
/** IANA zone names as GotoIfTime takes them. */
export const TIMEZONE_PATTERN = /^[A-Za-z]+(?:\/[A-Za-z_+-]+){0,2}$/;
export const TIME_OF_DAY_PATTERN = /^(?:[01][0-9]|2[0-3]):[0-5][0-9]$/;
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const IPV4_OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
const IPV4 = new RegExp(`^${IPV4_OCTET}(?:\\.${IPV4_OCTET}){3}$`);

/** An IPv4 address or IPv4 CIDR (`203.0.113.10`, `203.0.113.0/24`), as PJSIP identify `match=` takes it. */
export function isValidIpOrCidr(value: string): boolean {
  const [address, bits, extra] = value.split("/");
  if (extra !== undefined || !address || !IPV4.test(address)) return false;
  if (bits === undefined) return true;
  if (!/^[0-9]{1,2}$/.test(bits)) return false;
  const prefix = Number(bits);
  return prefix >= 8 && prefix <= 32;
}

export const isValidTenantCode = (v: string) => TENANT_CODE_PATTERN.test(v);
export const isValidExtensionNumber = (v: string) => EXTENSION_NUMBER_PATTERN.test(v);
export const isValidCallerIdName = (v: string) => CALLER_ID_NAME_PATTERN.test(v);
export const isValidCallerIdNumber = (v: string) => CALLER_ID_NUMBER_PATTERN.test(v);
export const isValidTrunkName = (v: string) => TRUNK_NAME_PATTERN.test(v);
export const isValidRouteName = (v: string) => ROUTE_NAME_PATTERN.test(v);
export const isValidPrepend = (v: string) => PREPEND_PATTERN.test(v);
export const isValidDidNumber = (v: string) => DID_NUMBER_PATTERN.test(v);
export const isValidTimezone = (v: string) => TIMEZONE_PATTERN.test(v) && v.length <= 64;
export const isValidTimeOfDay = (v: string) => TIME_OF_DAY_PATTERN.test(v);

/**
 * Display names (extension names) are free text with accents in the UI; the caller id name
 * written to Asterisk is this ASCII fold of it ("João Simões" → "Joao Simoes"), then checked
 * against CALLER_ID_NAME_PATTERN. Returns null when nothing usable is left.
 */
export function asciiCallerIdName(displayName: string): string | null {
  const folded = displayName
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9 ._'-]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 40)
    .trim();
  return folded && isValidCallerIdName(folded) ? folded : null;
}
