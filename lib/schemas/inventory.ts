import { z } from "zod";
import { parseRateMicros } from "@/lib/billing/micros";
import { messageKey, type Dictionary, type Params } from "@/lib/i18n";
import { optionalEmail as email, optionalPhone as phone, optionalText } from "./fields";

// The operator's inventory: providers, their SIP gateways, PBX nodes and DIDs. Gateway and PBX
// values end up in Asterisk configuration files, so each of them passes an allow-list here, in
// the schema that both the console's forms and the tRPC procedures use. Newlines, `;`, `[`, `]`,
// `,`, `)` and spaces can never pass one.

export type InventoryErrorKey = keyof Dictionary["inventory"]["errors"];
export type InventoryCsvKey = keyof Dictionary["inventory"]["csv"];

/** An inventory message key ("inventory.errors.<code>?param=…"), translated like messageKey's. */
export function inventoryError(code: InventoryErrorKey, params?: Params): string {
  return withParams(`inventory.errors.${code}`, params);
}

export function inventoryCsvError(code: InventoryCsvKey, params?: Params): string {
  return withParams(`inventory.csv.${code}`, params);
}

function withParams(key: string, params?: Params): string {
  return params ? `${key}?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}` : key;
}

// ---------------------------------------------------------------- allow-lists (pure; the config
// renderer can call them again before writing a line)

export const CODECS = ["alaw", "ulaw", "g729", "g722", "opus", "gsm"] as const;
export type Codec = (typeof CODECS)[number];
export const SIP_TRANSPORTS = ["udp", "tcp", "tls"] as const;
export const GATEWAY_AUTH_MODES = ["credentials", "ip_match"] as const;
export const PROVIDER_TYPES = ["carrier", "wholesale", "reseller"] as const;
export const PBX_STATUSES = ["unknown", "connected", "disconnected", "maintenance"] as const;
/** The statuses an operator may set; connected/disconnected belong to the AMI connector. */
export const PBX_OPERATOR_STATUSES = ["unknown", "maintenance"] as const;
export const DID_STATUSES = ["free", "allocated", "quarantined"] as const;

/** A PJSIP section name: it is written between `[` and `]`. */
export const GATEWAY_NAME_PATTERN = /^[A-Za-z0-9_.-]{1,40}$/;
export const TECH_PREFIX_PATTERN = /^[0-9*#]{1,16}$/;
/** SIP and AMI user names (the AMI one becomes a manager.conf section). */
export const SIP_USERNAME_PATTERN = /^[A-Za-z0-9_.@-]{1,80}$/;
/** Secrets written as `password=…`/`secret=…`: no config syntax, no quotes, no `${`, no spaces. */
export const SECRET_PATTERN = /^[A-Za-z0-9_.@!%*+=:/~^&#?-]{4,80}$/;
export const CONFIG_DIR_PATTERN = /^\/[A-Za-z0-9_./-]+$/;

const HOST_LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
const HOSTNAME = new RegExp(`^${HOST_LABEL}(?:\\.${HOST_LABEL})*$`);
const IPV4 = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6_CHARS = /^[0-9A-Fa-f:.]{2,45}$/;

/** A hostname, dotted IPv4 or bare IPv6 (the renderer adds the brackets Asterisk wants). */
export function isValidHost(value: string): boolean {
  if (value.length === 0 || value.length > 253) return false;
  if (value.includes(":")) return IPV6_CHARS.test(value) && z.ipv6().safeParse(value).success;
  // All-numeric names would be read as (bad) IPv4 addresses by resolvers.
  if (/^[\d.]+$/.test(value)) return IPV4.test(value);
  return HOSTNAME.test(value);
}

export function isValidGatewayName(value: string): boolean {
  return GATEWAY_NAME_PATTERN.test(value);
}

export function isValidTechPrefix(value: string): boolean {
  return TECH_PREFIX_PATTERN.test(value);
}

export function isValidConfigDir(value: string): boolean {
  return value.length <= 400 && CONFIG_DIR_PATTERN.test(value) && !value.includes("..");
}

export function isValidCodecList(value: readonly string[]): value is Codec[] {
  return value.length > 0 && value.every((codec) => (CODECS as readonly string[]).includes(codec)) && new Set(value).size === value.length;
}

export type DecimalParse = { ok: true; value: string } | { ok: false; reason: "invalid" | "negative" };

const decimalPatterns = new Map<string, RegExp>();

/**
 * Money typed by people: "12,50", "12.50", "R$ 12,50", "3". Returns the value with a dot and
 * exactly `scale` decimals. Thousands separators are refused: "1.250" would be ambiguous.
 */
export function parseDecimalText(input: string | number, scale: number, maxIntegerDigits: number): DecimalParse {
  const text = String(input)
    .trim()
    .replace(/^R\$\s*/i, "");
  const shape = `${scale}:${maxIntegerDigits}`;
  let pattern = decimalPatterns.get(shape);
  if (!pattern) {
    pattern = new RegExp(`^(-?)(\\d{1,${maxIntegerDigits}})(?:[.,](\\d{1,${scale}}))?$`);
    decimalPatterns.set(shape, pattern);
  }
  const match = pattern.exec(text);
  if (!match) return { ok: false, reason: /^-\s*\d/.test(text) ? "negative" : "invalid" };
  const [, sign, whole, fraction = ""] = match;
  const value = `${BigInt(whole!)}.${fraction.padEnd(scale, "0")}`;
  if (sign && /[1-9]/.test(value)) return { ok: false, reason: "negative" };
  return { ok: true, value };
}

// ---------------------------------------------------------------- field schemas

const required = (max: number) =>
  z
    .string({ message: messageKey("required") })
    .trim()
    .min(1, messageKey("required"))
    .max(max, messageKey("too_long", { max }));

/** Free text shown in the console only (never in a config file): no control characters. */
const displayName = (max: number) => required(max).regex(/^[^\p{Cc}]*$/u, messageKey("invalid_input"));

function money(scale: number, maxIntegerDigits: number) {
  return z.union([z.string(), z.number()], { message: messageKey("required") }).transform((value, ctx) => {
    if (String(value).trim() === "") {
      ctx.addIssue({ code: "custom", message: messageKey("required") });
      return z.NEVER;
    }
    const parsed = parseDecimalText(value, scale, maxIntegerDigits);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: inventoryError(parsed.reason === "negative" ? "negative_money" : "invalid_money") });
      return z.NEVER;
    }
    return parsed.value;
  });
}

const host = z
  .string({ message: messageKey("required") })
  .trim()
  .min(1, messageKey("required"))
  .refine((v) => v === "" || isValidHost(v), inventoryError("invalid_host"))
  .transform((v) => v.toLowerCase());

const port = (fallback: number) =>
  z.coerce
    .number({ message: inventoryError("invalid_port") })
    .int(inventoryError("invalid_port"))
    .min(1, inventoryError("invalid_port"))
    .max(65535, inventoryError("invalid_port"))
    .default(fallback);

/** Empty = keep the stored secret (on update) or "missing" (on create, checked by the caller). */
const newSecret = z
  .string()
  .transform((v) => (v === "" ? undefined : v))
  .pipe(z.string().regex(SECRET_PATTERN, inventoryError("invalid_secret")).optional())
  .optional();

const id = z.uuid({ message: messageKey("invalid_id") });
export const InventoryId = z.object({ id });

// ---------------------------------------------------------------- providers

export const ProviderType = z.enum(PROVIDER_TYPES, { message: messageKey("invalid_option") });

export const ProviderFields = z.object({
  name: displayName(80),
  type: ProviderType.default("carrier"),
  contactName: optionalText(120),
  contactEmail: email,
  contactPhone: phone,
  /** BRL per minute, four decimals (Decimal(10,4)). */
  defaultCostPerMinute: money(4, 6).default("0.0000"),
});
export const ProviderCreateInput = ProviderFields;
export type ProviderCreateInput = z.input<typeof ProviderCreateInput>;
export const ProviderUpdateInput = z.object({ id, data: ProviderFields });
export type ProviderUpdateInput = z.input<typeof ProviderUpdateInput>;

export const ProviderOutput = z.object({
  id: z.string(),
  name: z.string(),
  type: ProviderType,
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  defaultCostPerMinute: z.string(),
  gatewayCount: z.number().int(),
  didCount: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ProviderOutput = z.infer<typeof ProviderOutput>;

// ---------------------------------------------------------------- gateways

export const SipTransport = z.enum(SIP_TRANSPORTS, { message: messageKey("invalid_option") });
export const GatewayAuth = z.enum(GATEWAY_AUTH_MODES, { message: messageKey("invalid_option") });

const gatewayFieldShape = {
  providerId: z.uuid({ message: messageKey("required") }),
  name: z
    .string({ message: messageKey("required") })
    .trim()
    .min(1, messageKey("required"))
    .refine((v) => v === "" || GATEWAY_NAME_PATTERN.test(v), inventoryError("invalid_gateway_name")),
  host,
  port: port(5060),
  transport: SipTransport.default("udp"),
  /** Order matters: Asterisk offers the codecs in this order. */
  codecs: z
    .array(z.string(), { message: inventoryError("codecs_required") })
    .min(1, inventoryError("codecs_required"))
    // Reported on the list itself (not codecs.<n>), where the form shows it.
    .refine((list) => list.every((codec) => (CODECS as readonly string[]).includes(codec)), inventoryError("invalid_codec"))
    .refine((list) => new Set(list).size === list.length, inventoryError("duplicate_codec"))
    .transform((list) => list as Codec[]),
  techPrefix: z
    .string()
    .trim()
    .transform((v) => (v === "" ? null : v))
    .pipe(z.string().regex(TECH_PREFIX_PATTERN, inventoryError("invalid_tech_prefix")).nullable())
    .nullable()
    .optional(),
  authMode: GatewayAuth.default("ip_match"),
  username: z
    .string()
    .trim()
    .transform((v) => (v === "" ? null : v))
    .pipe(z.string().regex(SIP_USERNAME_PATTERN, inventoryError("invalid_username")).nullable())
    .nullable()
    .optional(),
  /** Write-only. Sealed with APP_SECRET at rest; never returned. */
  password: newSecret,
};

/** Credentials mode needs a user name; the password is checked by the caller (it may be kept). */
function requireUsername(value: { authMode: string; username?: string | null }, ctx: z.RefinementCtx) {
  if (value.authMode === "credentials" && !value.username) {
    ctx.addIssue({ code: "custom", path: ["username"], message: inventoryError("username_required") });
  }
}

export const GatewayFields = z.object(gatewayFieldShape).superRefine(requireUsername);
export const GatewayCreateInput = z.object(gatewayFieldShape).superRefine((value, ctx) => {
  requireUsername(value, ctx);
  if (value.authMode === "credentials" && !value.password) {
    ctx.addIssue({ code: "custom", path: ["password"], message: inventoryError("secret_required") });
  }
});
export type GatewayCreateInput = z.input<typeof GatewayCreateInput>;
/** Every field is sent; an empty password keeps the stored one. */
export const GatewayUpdateInput = z.object({ id, data: GatewayFields });
export type GatewayUpdateInput = z.input<typeof GatewayUpdateInput>;
export const GatewayListInput = z.object({ providerId: id.optional() }).default({});

export const GatewayOutput = z.object({
  id: z.string(),
  provider: z.object({ id: z.string(), name: z.string() }),
  name: z.string(),
  host: z.string(),
  port: z.number().int(),
  transport: SipTransport,
  codecs: z.array(z.string()),
  techPrefix: z.string().nullable(),
  authMode: GatewayAuth,
  username: z.string().nullable(),
  /** Whether a password is stored; the password itself never leaves the server. */
  hasSecret: z.boolean(),
  didCount: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type GatewayOutput = z.infer<typeof GatewayOutput>;

// ---------------------------------------------------------------- PBX nodes

export const PbxStatus = z.enum(PBX_STATUSES, { message: messageKey("invalid_option") });
export const PbxOperatorStatus = z.enum(PBX_OPERATOR_STATUSES, { message: inventoryError("pbx_status_reserved") });

const pbxFieldShape = {
  name: displayName(80),
  amiHost: host,
  amiPort: port(5038),
  amiUser: z
    .string({ message: messageKey("required") })
    .trim()
    .min(1, messageKey("required"))
    .refine((v) => v === "" || SIP_USERNAME_PATTERN.test(v), inventoryError("invalid_username")),
  /** Write-only, like a gateway's password. */
  amiSecret: newSecret,
  configDir: z
    .string({ message: messageKey("required") })
    .trim()
    .min(1, messageKey("required"))
    .refine((v) => v === "" || isValidConfigDir(v), inventoryError("invalid_config_dir")),
};
export const PbxNodeFields = z.object(pbxFieldShape);
export const PbxNodeCreateInput = z.object(pbxFieldShape).superRefine((value, ctx) => {
  if (!value.amiSecret) ctx.addIssue({ code: "custom", path: ["amiSecret"], message: inventoryError("secret_required") });
});
export type PbxNodeCreateInput = z.input<typeof PbxNodeCreateInput>;
export const PbxNodeUpdateInput = z.object({ id, data: PbxNodeFields });
export type PbxNodeUpdateInput = z.input<typeof PbxNodeUpdateInput>;
export const PbxNodeSetStatusInput = z.object({ id, status: PbxOperatorStatus });

export const PbxNodeOutput = z.object({
  id: z.string(),
  name: z.string(),
  amiHost: z.string(),
  amiPort: z.number().int(),
  amiUser: z.string(),
  hasSecret: z.boolean(),
  configDir: z.string(),
  status: PbxStatus,
  tenantCount: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type PbxNodeOutput = z.infer<typeof PbxNodeOutput>;

// ---------------------------------------------------------------- DIDs

export const DidStatus = z.enum(DID_STATUSES, { message: messageKey("invalid_option") });
/** Largest accepted import: enough for a carrier's number block, small enough for one request. */
export const DID_IMPORT_MAX_ROWS = 20_000;
export const DID_IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const DID_CSV_HEADER = ["number", "provider", "gateway", "monthly_cost"] as const;

const E164_CURSOR = /^\+[1-9]\d{7,14}$/;

export const DidListInput = z.object({
  cursor: z.string().regex(E164_CURSOR).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
  /** Any part of the number; only its digits count. */
  search: z
    .string()
    .trim()
    .max(40, messageKey("too_long", { max: 40 }))
    .optional(),
  status: DidStatus.optional(),
  providerId: id.optional(),
  tenantId: id.optional(),
});
export type DidListInput = z.input<typeof DidListInput>;

/** A per-minute amount with up to six decimals ("0,12", "0.0850") → micro-reais; empty = 0. */
const perMinute = z.string().transform((value, ctx) => {
  if (value.trim() === "") return 0n;
  const micros = parseRateMicros(value);
  if (micros === null) {
    ctx.addIssue({ code: "custom", message: inventoryError("invalid_money") });
    return z.NEVER;
  }
  return micros;
});

export const DidUpdateFields = z.object({
  monthlyCost: money(2, 8),
  gatewayId: id.nullable(),
  /** What the tenant holding the number pays a month (billing; omitted = unchanged). */
  monthlyPrice: money(2, 8).optional(),
  /** Calls received on the number (e.g. 0800): what the provider charges and the tenant pays a minute. */
  inboundCostPerMinute: perMinute.optional(),
  inboundPricePerMinute: perMinute.optional(),
});
export const DidUpdateInput = z.object({ id, data: DidUpdateFields });
export type DidUpdateInput = z.input<typeof DidUpdateInput>;

export const DidAllocateInput = z.object({ id, tenantId: z.uuid({ message: messageKey("required") }) });
export type DidAllocateInput = z.input<typeof DidAllocateInput>;

export const DidImportInput = z.object({
  csv: z
    .string({ message: messageKey("required") })
    .min(1, inventoryCsvError("empty_file"))
    .max(DID_IMPORT_MAX_BYTES, inventoryCsvError("too_large", { max: "2 MB" })),
});
export type DidImportInput = z.input<typeof DidImportInput>;

export const DidOutput = z.object({
  id: z.string(),
  number: z.string(),
  provider: z.object({ id: z.string(), name: z.string() }),
  gateway: z.object({ id: z.string(), name: z.string() }).nullable(),
  monthlyCost: z.string(),
  monthlyPrice: z.string(),
  /** Six-place decimals of a real per minute ("0.120000"); "0.000000" = calls received are not rated. */
  inboundCostPerMinute: z.string(),
  inboundPricePerMinute: z.string(),
  status: DidStatus,
  tenant: z.object({ id: z.string(), name: z.string(), slug: z.string() }).nullable(),
  allocatedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type DidOutput = z.infer<typeof DidOutput>;

export const DidCounts = z.object({ free: z.number().int(), allocated: z.number().int(), quarantined: z.number().int() });

export const DidPage = z.object({
  items: z.array(DidOutput),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
  /** Per status, under every filter except the status one (for the filter's badges). */
  counts: DidCounts,
});
export type DidPage = z.infer<typeof DidPage>;

export const DidImportResult = z.object({
  imported: z.number().int(),
  /** Rows read from the file (blank lines excluded). */
  rows: z.number().int(),
  /** Empty when the import succeeded; otherwise nothing was imported. */
  errors: z.array(z.object({ line: z.number().int(), reason: z.string() })),
});
export type DidImportResult = z.infer<typeof DidImportResult>;

export const TenantOptionsInput = z.object({ search: z.string().trim().max(80).optional() }).default({});
export const TenantOption = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  status: z.string(),
  dids: z.object({ used: z.number().int(), limit: z.number().int() }),
});
export type TenantOption = z.infer<typeof TenantOption>;
