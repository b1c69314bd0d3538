import { ConfigValueError } from "./config-value-error";
import type { PbxConfigModel } from "./model";
import { gatewayEndpoint, trunkEndpoint } from "./names";
import { renderedTenants, renderedTrunks } from "./rendered-rows";

// PJSIP identifies an unauthenticated INVITE by its source address. If a customer trunk's
// `match=` covered a carrier gateway's address, or another tenant's trunk, calls would be
// attributed to the wrong tenant (and billed to it). Asterisk would silently pick one, so the
// renderer refuses overlapping IPv4 matches between two different endpoints.

type Range = { start: number; end: number; owner: string };

function ipv4Range(value: string): { start: number; end: number } | null {
  const [address, bits] = value.split("/");
  const octets = (address ?? "").split(".").map(Number);
  if (octets.length !== 4 || octets.some((o) => !Number.isInteger(o) || o < 0 || o > 255)) return null;
  const base = ((octets[0]! << 24) >>> 0) + (octets[1]! << 16) + (octets[2]! << 8) + octets[3]!;
  const prefix = bits === undefined ? 32 : Number(bits);
  const size = 2 ** (32 - prefix);
  const start = Math.floor(base / size) * size;
  return { start, end: start + size - 1 };
}

export function assertNoOverlappingIdentify(model: PbxConfigModel): void {
  const ranges: Range[] = [];
  for (const gw of model.gateways) {
    const range = ipv4Range(gw.host);
    if (range) ranges.push({ ...range, owner: gatewayEndpoint(gw.name) });
  }
  for (const tenant of renderedTenants(model)) {
    for (const trunk of renderedTrunks(tenant)) {
      if (trunk.authMode !== "ip") continue;
      for (const match of trunk.ipMatches) {
        const range = ipv4Range(match);
        if (range) ranges.push({ ...range, owner: trunkEndpoint(tenant.code, trunk.name) });
      }
    }
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  // A sweep: keep the range reaching furthest so far; any later range starting inside it overlaps.
  let widest: Range | null = null;
  for (const range of ranges) {
    if (widest && range.start <= widest.end && range.owner !== widest.owner) {
      const trunk = range.owner.startsWith("gw_") ? widest.owner : range.owner;
      throw new ConfigValueError(
        "pjsip_customer_trunks.conf",
        trunk,
        "ipMatches",
        `overlaps the addresses of ${trunk === range.owner ? widest.owner : range.owner}`,
      );
    }
    if (!widest || range.end > widest.end) widest = range;
  }
}
