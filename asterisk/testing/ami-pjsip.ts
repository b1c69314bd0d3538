import { createHash } from "node:crypto";
import type { AmiWireHeaders } from "./ami-wire";

// What the AMI test server knows about PJSIP endpoints, rendered the way Asterisk 22 renders them:
// the `pjsip show endpoints` CLI table (column widths taken from capture 14) and the PJSIPShowEndpoint
// event list (field names from capture 15, a subset of EndpointDetail's 140 fields).

export type AmiTestContactStatus = "Reachable" | "Unreachable" | "NonQualified" | "Unknown";

export type AmiTestEndpoint = {
  name: string;
  callerIdNumber?: string;
  callerIdName?: string;
  tenantId?: string;
  context?: string;
  /** "Not in use", "Unavailable", "In use"… */
  deviceState?: string;
  /** The inbound auth object; default the endpoint's name, null for none (an IP-authenticated trunk). */
  auth?: string | null;
  maxContacts?: number;
  contacts?: Array<{ uri: string; status?: AmiTestContactStatus; roundtripUsec?: number; hash?: string; userAgent?: string }>;
  /** identify `match` entries, e.g. "127.0.0.1:5090/32". */
  identifyMatch?: string[];
  transport?: string;
};

const SHORT_STATUS: Record<AmiTestContactStatus, string> = {
  Reachable: "Avail",
  Unreachable: "Unavail",
  NonQualified: "NonQual",
  Unknown: "Unknown",
};

const HEADER = [
  "",
  " Endpoint:  <Endpoint/CID.....................................>  <State.....>  <Channels.>",
  "    I/OAuth:  <AuthId/UserName...........................................................>",
  "        Aor:  <Aor............................................>  <MaxContact>",
  "      Contact:  <Aor/ContactUri..........................> <Hash....> <Status> <RTT(ms)..>",
  "  Transport:  <TransportId........>  <Type>  <cos>  <tos>  <BindAddress..................>",
  "   Identify:  <Identify/Endpoint.........................................................>",
  "        Match:  <criteria.........................>",
  "    Channel:  <ChannelId......................................>  <State.....>  <Time.....>",
  "        Exten: <DialedExten...........>  CLCID: <ConnectedLineCID.......>",
  "==========================================================================================",
  "",
];

const hasRoundtrip = (status: AmiTestContactStatus) => status === "Reachable" || status === "Unreachable";

/** The output lines of `pjsip show endpoints`, exactly as Asterisk 22 prints them. */
export function pjsipShowEndpointsOutput(endpoints: readonly AmiTestEndpoint[]): string[] {
  if (endpoints.length === 0) return ["", "No objects found.", ""];
  const lines = [...HEADER];
  for (const endpoint of endpoints) {
    const id = endpoint.callerIdNumber ? `${endpoint.name}/${endpoint.callerIdNumber}` : endpoint.name;
    lines.push(` Endpoint:  ${id.padEnd(51)}  ${(endpoint.deviceState ?? "Not in use").padEnd(12).slice(0, 12)}  0 of inf`);
    const auth = authOf(endpoint);
    if (auth) lines.push(`     InAuth:  ${auth}/${auth}`);
    lines.push(`        Aor:  ${endpoint.name.padEnd(49)}  ${maxContactsOf(endpoint)}`);
    for (const contact of endpoint.contacts ?? []) {
      const status = contact.status ?? "NonQualified";
      const rtt = hasRoundtrip(status) && contact.roundtripUsec !== undefined ? (contact.roundtripUsec / 1000).toFixed(3) : "nan";
      const hash = contact.hash ?? createHash("md5").update(contact.uri).digest("hex").slice(0, 10);
      lines.push(
        `      Contact:  ${`${endpoint.name}/${contact.uri}`.padEnd(42)} ${hash} ${SHORT_STATUS[status].padEnd(7)} ${rtt.padStart(11)}`,
      );
    }
    lines.push(
      `  Transport:  ${(endpoint.transport ?? "transport-udp").padEnd(21)}  ${"udp".padStart(6)}  ${"0".padStart(5)}  ${"0".padStart(5)}  127.0.0.1:5060`,
    );
    if (endpoint.identifyMatch?.length) {
      lines.push(`   Identify:  ${endpoint.name}/${endpoint.name}`);
      for (const match of endpoint.identifyMatch) lines.push(`        Match: ${match}`);
    }
    lines.push("");
  }
  lines.push("", `Objects found: ${endpoints.length}`, "");
  return lines;
}

/** The items of PJSIPShowEndpoint (without ActionID, which the server adds after `Event:`). */
export function pjsipShowEndpointItems(endpoint: AmiTestEndpoint): AmiWireHeaders[] {
  const auth = authOf(endpoint);
  const callerId = endpoint.callerIdNumber ? `"${endpoint.callerIdName ?? ""}" <${endpoint.callerIdNumber}>` : "<unknown>";
  const items: AmiWireHeaders[] = [
    [
      ["Event", "EndpointDetail"],
      ["ObjectType", "endpoint"],
      ["ObjectName", endpoint.name],
      ["Tenantid", endpoint.tenantId ?? ""],
      ["Aors", endpoint.name],
      ["Context", endpoint.context ?? "default"],
      ["Transport", endpoint.transport ?? "transport-udp"],
      ["Callerid", callerId],
      ["Allow", "(ulaw|alaw)"],
      ["Auth", auth ?? ""],
      ["OutboundAuth", ""],
      ["DeviceState", endpoint.deviceState ?? "Not in use"],
      ["ActiveChannels", "0"],
    ],
  ];
  if (auth) {
    items.push([
      ["Event", "AuthDetail"],
      ["ObjectType", "auth"],
      ["ObjectName", auth],
      ["Username", auth],
      ["AuthType", "userpass"],
      ["EndpointName", endpoint.name],
    ]);
  }
  items.push(
    [
      ["Event", "TransportDetail"],
      ["ObjectType", "transport"],
      ["ObjectName", endpoint.transport ?? "transport-udp"],
      ["Protocol", "udp"],
      ["Bind", "127.0.0.1:5060"],
      ["EndpointName", endpoint.name],
    ],
    [
      ["Event", "AorDetail"],
      ["ObjectType", "aor"],
      ["ObjectName", endpoint.name],
      ["MaxContacts", String(maxContactsOf(endpoint))],
      ["Contacts", (endpoint.contacts ?? []).map((contact) => `${endpoint.name}/${contact.uri}`).join(",")],
      ["TotalContacts", String(endpoint.contacts?.length ?? 0)],
      ["EndpointName", endpoint.name],
    ],
  );
  for (const contact of endpoint.contacts ?? []) {
    const status = contact.status ?? "NonQualified";
    items.push([
      ["Event", "ContactStatusDetail"],
      ["AOR", endpoint.name],
      ["URI", contact.uri],
      ["UserAgent", contact.userAgent ?? ""],
      ["RegExpire", "0"],
      ["Status", status],
      ["RoundtripUsec", hasRoundtrip(status) && contact.roundtripUsec !== undefined ? String(contact.roundtripUsec) : "N/A"],
      ["EndpointName", endpoint.name],
    ]);
  }
  if (endpoint.identifyMatch?.length) {
    items.push([
      ["Event", "IdentifyDetail"],
      ["ObjectType", "identify"],
      ["ObjectName", endpoint.name],
      ["Match", endpoint.identifyMatch.join(",")],
      ["Endpoint", endpoint.name],
      ["EndpointName", endpoint.name],
    ]);
  }
  return items;
}

function authOf(endpoint: AmiTestEndpoint): string | null {
  if (endpoint.auth !== undefined) return endpoint.auth;
  return endpoint.identifyMatch?.length ? null : endpoint.name;
}

function maxContactsOf(endpoint: AmiTestEndpoint): number {
  return endpoint.maxContacts ?? (endpoint.identifyMatch?.length ? 0 : 1);
}

/** PJSIPShowEndpoints' answer message (res_pjsip's astman_send_listack). */
export const PJSIP_SHOW_ENDPOINTS_MESSAGE = "A listing of Endpoints follows, presented as EndpointList events";

/**
 * The EndpointList items of PJSIPShowEndpoints (without ActionID; complete event `EndpointListComplete`).
 * `Contacts` is `<aor>/<uri>,` per contact as Asterisk 20+ formats it; a phone with no contact is
 * `Unavailable` unless the test says otherwise.
 */
export function pjsipShowEndpointsItems(endpoints: readonly AmiTestEndpoint[]): AmiWireHeaders[] {
  return endpoints.map((endpoint) => {
    const contacts = endpoint.contacts ?? [];
    return [
      ["Event", "EndpointList"],
      ["ObjectType", "endpoint"],
      ["ObjectName", endpoint.name],
      ["Transport", endpoint.transport ?? "transport-udp"],
      ["Aor", endpoint.name],
      ["Auths", authOf(endpoint) ?? ""],
      ["OutboundAuths", ""],
      ["Contacts", contacts.map((contact) => `${endpoint.name}/${contact.uri},`).join("")],
      ["DeviceState", endpoint.deviceState ?? (contacts.length > 0 ? "Not in use" : "Unavailable")],
      ["ActiveChannels", ""],
    ];
  });
}
