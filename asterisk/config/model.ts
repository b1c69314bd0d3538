// The input of the config renderers: everything one PBX node needs, already read from the database
// and with secrets decrypted. asterisk/config renders it to text without any I/O; the loader that
// builds it lives in server/services/pbx (it needs the database). Arrays are in a stable order
// (the loader sorts them) so the same data always renders the same bytes.

export type TenantModel = {
  id: string;
  /** The tenant slug: endpoints are `<code>_<ext>`, contexts `t_<code>_…`, and `tenantid=<code>`. */
  code: string;
  /** Suspended tenants keep their config out of Asterisk: no endpoints, DIDs answer "unavailable". */
  suspended: boolean;
  extensions: ExtensionModel[];
  trunks: TrunkModel[];
  ringGroups: RingGroupModel[];
  businessHours: BusinessHoursModel[];
  dids: DidModel[];
  /** This tenant's own outbound routes (plan feature route_overrides), tried before the operator's. */
  routes: RouteModel[];
  /**
   * Plan feature call_recording: every call is recorded once (MixMonitor, `<code>/<linkedid>.wav` under
   * the monitor spool). Optional so older model builders keep compiling; absent means false.
   */
  recordCalls?: boolean;
};

export type ExtensionModel = {
  id: string;
  number: string;
  /** Caller id name, already folded to the allow-list (ASCII). */
  callerIdName: string;
  /** Outbound caller id number, or null (the route's / none). */
  callerIdNumber: string | null;
  secret: string;
  voicemail: boolean;
  maxContacts: number;
  enabled: boolean;
};

export type TrunkModel = {
  id: string;
  name: string;
  authMode: "ip" | "registration";
  ipMatches: string[];
  host: string | null;
  port: number;
  /** Registration trunks: the password the customer's PBX uses (user name = the endpoint name). */
  secret: string | null;
  codecs: string[];
  channelLimit: number;
  callerIdPolicy: "passthrough" | "fixed";
  callerIdNumber: string | null;
  enabled: boolean;
};

export type RingGroupModel = {
  id: string;
  name: string;
  strategy: "ringall" | "sequential";
  ringSeconds: number;
  /** Extension numbers in ringing order. */
  members: string[];
};

export type BusinessHoursRule = { days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[]; open: string; close: string };

export type BusinessHoursModel = { id: string; name: string; timezone: string; rules: BusinessHoursRule[] };

export type Destination =
  | { type: "extension"; number: string }
  | { type: "ring_group"; ringGroupId: string }
  | { type: "trunk"; trunkId: string }
  | { type: "unavailable" };

export type DidModel = {
  /** E.164 with `+`, as the inventory stores it. */
  number: string;
  /** Null when the tenant has not routed it yet: it then answers "unavailable". */
  destination: Destination | null;
  /** With business hours: `destination` while open, `afterHours` otherwise. */
  businessHoursId: string | null;
  afterHours: Destination | null;
};

export type GatewayModel = {
  id: string;
  /** PJSIP section name. */
  name: string;
  host: string;
  port: number;
  transport: "udp" | "tcp" | "tls";
  codecs: string[];
  techPrefix: string | null;
  authMode: "credentials" | "ip_match";
  username: string | null;
  secret: string | null;
};

export type RouteModel = {
  id: string;
  name: string;
  pattern: string;
  priority: number;
  stripDigits: number;
  prepend: string | null;
  callerIdNumber: string | null;
  /** Gateway names in failover order. */
  gateways: string[];
};

export type PbxConfigModel = {
  node: { id: string; name: string };
  /** Every gateway of the operator (any tenant's call may leave through any of them). */
  gateways: GatewayModel[];
  /** The operator's routes, for every tenant on the node. */
  routes: RouteModel[];
  tenants: TenantModel[];
};

/** The generated files of one node: file name → content. */
export type RenderedConfig = Record<GeneratedFile, string>;

export const GENERATED_FILES = [
  "pjsip_gateways.conf",
  "pjsip_customer_trunks.conf",
  "pjsip_extensions.conf",
  "extensions_tenants.conf",
  "extensions_routes.conf",
  "extensions_dids.conf",
  "voicemail_tenants.conf",
] as const;
export type GeneratedFile = (typeof GENERATED_FILES)[number];

/** Which Asterisk module must reload when a file changes ("dialplan" = the `dialplan reload` command). */
export const RELOAD_FOR_FILE: Record<GeneratedFile, "res_pjsip.so" | "dialplan" | "app_voicemail.so"> = {
  "pjsip_gateways.conf": "res_pjsip.so",
  "pjsip_customer_trunks.conf": "res_pjsip.so",
  "pjsip_extensions.conf": "res_pjsip.so",
  "extensions_tenants.conf": "dialplan",
  "extensions_routes.conf": "dialplan",
  "extensions_dids.conf": "dialplan",
  "voicemail_tenants.conf": "app_voicemail.so",
};
