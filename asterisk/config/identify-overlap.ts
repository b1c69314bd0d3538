import { ipv4Range, type Ipv4Range } from "@/lib/telephony/ip-range";
import { ConfigValueError } from "./config-value-error";
import type { PbxConfigModel } from "./model";
import { gatewayEndpoint, trunkEndpoint } from "./names";
import { renderedTenants, renderedTrunks } from "./rendered-rows";

// PJSIP identifies an unauthenticated INVITE by its source address. If a customer trunk's
// `match=` covered a carrier gateway's address, or another tenant's trunk, calls would be
// attributed to the wrong tenant (and billed to it). Asterisk would silently pick one, so the
// renderer refuses overlapping IPv4 matches between two different endpoints.

type Range = Ipv4Range & { owner: string };

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
