import { type Pair, finishFile, pjsipSection } from "./config-text";
import type { GatewayModel, PbxConfigModel } from "./model";
import { FROM_GATEWAYS_CONTEXT, gatewayEndpoint } from "./names";
import { sortedByName } from "./rendered-rows";

/** Media options every trunk-like endpoint gets (carriers and customer PBXs behind NAT alike). */
export const TRUNK_MEDIA: Pair[] = [
  ["direct_media", "no"],
  ["rtp_symmetric", "yes"],
  ["force_rport", "yes"],
  ["rewrite_contact", "yes"],
  ["dtmf_mode", "rfc4733"],
];

/** `host:port` as a SIP URI wants it: IPv6 literals in brackets. */
export const hostPort = (host: string, port: number) => (host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`);

/** pjsip_gateways.conf: the operator's carriers. Expects a validated model (see renderPbxConfig). */
export function writePjsipGateways(model: PbxConfigModel): string {
  const lines: string[] = [];
  for (const gw of sortedByName(model.gateways)) writeGateway(lines, gw);
  return finishFile("pjsip_gateways.conf", lines);
}

function writeGateway(lines: string[], gw: GatewayModel): void {
  const name = gatewayEndpoint(gw.name);
  const credentials = gw.authMode === "credentials";
  const transport = `transport-${gw.transport}`;
  lines.push(`; gateway ${gw.name} (${credentials ? "registers with credentials" : "matched by address"})`);
  pjsipSection(lines, name, "endpoint", [
    ["context", FROM_GATEWAYS_CONTEXT],
    ["disallow", "all"],
    ["allow", gw.codecs.join(",")],
    ...TRUNK_MEDIA,
    ["transport", transport],
    ["aors", name],
    // Only the address identifies a carrier: matching its endpoint by the From user would let
    // anyone who writes `gw_<name>` in a From header call without authentication.
    ["identify_by", "ip"],
    ...(credentials ? ([["outbound_auth", name]] as Pair[]) : []),
  ]);
  pjsipSection(lines, name, "aor", [
    ["contact", `sip:${hostPort(gw.host, gw.port)}`],
    ["qualify_frequency", 60],
  ]);
  pjsipSection(lines, name, "identify", [
    ["endpoint", name],
    ["match", gw.host],
  ]);
  if (!credentials || gw.username === null || gw.secret === null) return;
  pjsipSection(lines, name, "auth", [
    ["auth_type", "userpass"],
    ["username", gw.username],
    ["password", gw.secret],
  ]);
  // A user name that already names its domain (`1234@carrier.example`) is the whole AOR.
  const clientUri = gw.username.includes("@") ? `sip:${gw.username}` : `sip:${gw.username}@${hostPort(gw.host, gw.port)}`;
  pjsipSection(lines, name, "registration", [
    ["transport", transport],
    ["outbound_auth", name],
    ["server_uri", `sip:${hostPort(gw.host, gw.port)}`],
    ["client_uri", clientUri],
    ["contact_user", gw.username.split("@")[0]!],
    ["retry_interval", 60],
    ["forbidden_retry_interval", 600],
    ["expiration", 3600],
    ["line", "yes"],
    ["endpoint", name],
  ]);
}
