// IPv4 addresses and CIDR blocks as numeric ranges, to tell whether two PJSIP `match=` values
// could identify the same caller (the renderer refuses that; trunk forms refuse it at save time).

export type Ipv4Range = { start: number; end: number };

/** The range an IPv4 address (a /32) or CIDR block covers; null for anything else (hostnames, IPv6). */
export function ipv4Range(value: string): Ipv4Range | null {
  const [address, bits, extra] = value.split("/");
  if (extra !== undefined) return null;
  const octets = (address ?? "").split(".");
  if (octets.length !== 4 || octets.some((o) => !/^[0-9]{1,3}$/.test(o) || Number(o) > 255)) return null;
  const prefix = bits === undefined ? 32 : Number(bits);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > 32) return null;
  const base = octets.reduce((sum, o) => sum * 256 + Number(o), 0);
  const size = 2 ** (32 - prefix);
  const start = Math.floor(base / size) * size;
  return { start, end: start + size - 1 };
}

export function rangesOverlap(a: Ipv4Range, b: Ipv4Range): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** Whether two address values (IP, CIDR; anything else never overlaps) cover a common address. */
export function addressesOverlap(a: string, b: string): boolean {
  const left = ipv4Range(a);
  const right = ipv4Range(b);
  return left !== null && right !== null && rangesOverlap(left, right);
}
