import { z } from "zod";
import { messageKey } from "@/lib/i18n";
import {
  CALLER_ID_NUMBER_PATTERN,
  CODECS,
  isValidCodecList,
  isValidHost,
  isValidIpOrCidr,
  TRUNK_NAME_PATTERN,
} from "@/lib/telephony/allow-list";
import { telephonyMessage, trimSpaces } from "./extension";

// A customer SIP trunk becomes the PJSIP sections `<tenantSlug>_trunk_<name>` (endpoint, aor, and
// identify or auth), so its name, addresses, host and codecs pass the allow-lists here at save
// time; the renderer checks them again.

export const TRUNK_AUTH_MODES = ["ip", "registration"] as const;
export const CALLER_ID_POLICIES = ["passthrough", "fixed"] as const;
export const MAX_IP_MATCHES = 20;
export const TRUNK_DEFAULTS = { port: 5060, codecs: ["alaw", "ulaw"] as (typeof CODECS)[number][], channelLimit: 10 };

/** Upper-case ASCII is folded (a typed "Matriz" is meant as "matriz"); anything else outside the pattern is refused. */
export const TrunkName = z
  .string({ message: messageKey("required") })
  .overwrite((v) => trimSpaces(v).replace(/[A-Z]/g, (c) => c.toLowerCase()))
  .min(1, { message: messageKey("required"), abort: true })
  .regex(TRUNK_NAME_PATTERN, telephonyMessage("telephony.trunks.errors.name_invalid"));

const IpMatch = z
  .string({ message: messageKey("required") })
  .overwrite(trimSpaces)
  .refine(isValidIpOrCidr, telephonyMessage("telephony.trunks.errors.ip_invalid"));

const Host = z
  .string({ message: messageKey("required") })
  .overwrite(trimSpaces)
  .refine((v) => v === "" || isValidHost(v), telephonyMessage("telephony.trunks.errors.host_invalid"))
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .optional();

const CallerIdNumber = z
  .string({ message: messageKey("required") })
  .overwrite(trimSpaces)
  .refine((v) => v === "" || CALLER_ID_NUMBER_PATTERN.test(v), telephonyMessage("telephony.trunks.errors.caller_id_invalid"))
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .optional();

const wholeNumber = (min: number, max: number, message: string) => z.number({ message }).int(message).min(min, message).max(max, message);

const trunkShape = {
  authMode: z.enum(TRUNK_AUTH_MODES, { message: messageKey("invalid_option") }),
  /** IP auth: where calls may come from. */
  ipMatches: z
    .array(IpMatch, { message: telephonyMessage("telephony.trunks.errors.ip_required") })
    .max(MAX_IP_MATCHES, telephonyMessage("telephony.trunks.errors.ip_too_many", { max: MAX_IP_MATCHES }))
    .default([]),
  /** IP auth: where calls to the trunk are sent. */
  host: Host,
  port: wholeNumber(1, 65535, telephonyMessage("telephony.trunks.errors.port_invalid")).default(TRUNK_DEFAULTS.port),
  codecs: z
    .array(z.enum(CODECS, { message: telephonyMessage("telephony.trunks.errors.codecs_invalid") }), {
      message: telephonyMessage("telephony.trunks.errors.codecs_invalid"),
    })
    .refine(isValidCodecList, telephonyMessage("telephony.trunks.errors.codecs_invalid"))
    .default(TRUNK_DEFAULTS.codecs),
  channelLimit: wholeNumber(1, 1000, telephonyMessage("telephony.trunks.errors.channel_limit")).default(TRUNK_DEFAULTS.channelLimit),
  callerIdPolicy: z.enum(CALLER_ID_POLICIES, { message: messageKey("invalid_option") }).default("passthrough"),
  callerIdNumber: CallerIdNumber,
  enabled: z.boolean().default(true),
};

type TrunkShape = z.output<z.ZodObject<typeof trunkShape>>;

/** What the auth mode and caller-id policy require of the other fields. */
function checkModes(value: TrunkShape, ctx: z.RefinementCtx) {
  if (value.authMode === "ip") {
    if (value.ipMatches.length === 0) {
      ctx.addIssue({ code: "custom", path: ["ipMatches"], message: telephonyMessage("telephony.trunks.errors.ip_required") });
    }
    value.ipMatches.forEach((ip, index) => {
      if (value.ipMatches.indexOf(ip) !== index) {
        ctx.addIssue({ code: "custom", path: ["ipMatches", index], message: telephonyMessage("telephony.trunks.errors.ip_duplicate") });
      }
    });
    if (!value.host) ctx.addIssue({ code: "custom", path: ["host"], message: telephonyMessage("telephony.trunks.errors.host_required") });
  }
  if (value.callerIdPolicy === "fixed" && !value.callerIdNumber) {
    ctx.addIssue({ code: "custom", path: ["callerIdNumber"], message: telephonyMessage("telephony.trunks.errors.caller_id_required") });
  }
}

/** Registration trunks keep no addresses; a passthrough rule keeps no number: nothing stale reaches the config. */
function normalize<T extends TrunkShape>(value: T): T {
  return {
    ...value,
    ipMatches: value.authMode === "ip" ? value.ipMatches : [],
    host: value.authMode === "ip" ? (value.host ?? null) : null,
    port: value.authMode === "ip" ? value.port : TRUNK_DEFAULTS.port,
    callerIdNumber: value.callerIdPolicy === "fixed" ? (value.callerIdNumber ?? null) : null,
  };
}

/** Everything but the name (the update form and `update` take this whole: the modes make fields depend on each other). */
export const TrunkFields = z.object(trunkShape).superRefine(checkModes).transform(normalize);

export const TrunkCreateInput = z
  .object({ name: TrunkName, ...trunkShape })
  .superRefine(checkModes)
  .transform(normalize);
export type TrunkCreateInput = z.input<typeof TrunkCreateInput>;
export type TrunkData = z.output<typeof TrunkFields>;

export const TrunkId = z.object({ id: z.uuid({ message: messageKey("invalid_id") }) });

/** The name is the PJSIP section and, for registration, the SIP user: change it by creating a new trunk. */
export const TrunkUpdateInput = z.object({
  id: z.uuid({ message: messageKey("invalid_id") }),
  data: z
    .object({ name: z.never({ message: telephonyMessage("telephony.trunks.errors.name_immutable") }).optional(), ...trunkShape })
    .superRefine(checkModes)
    .transform(({ name: _immutable, ...rest }) => normalize(rest)),
});
export type TrunkUpdateInput = z.input<typeof TrunkUpdateInput>;

/** Console: the operator's trunks for one tenant. */
export const AdminTrunkListInput = z.object({ tenantId: z.uuid({ message: messageKey("invalid_id") }) });
export const AdminTrunkCreateInput = z.object({ tenantId: z.uuid({ message: messageKey("invalid_id") }), data: TrunkCreateInput });

/** Never carries the password: it leaves the server once, in TrunkWithSecret. */
export const TrunkOutput = z.object({
  id: z.string(),
  name: z.string(),
  /** The PJSIP section name; for registration trunks also the SIP user name. */
  endpoint: z.string(),
  authMode: z.enum(TRUNK_AUTH_MODES),
  ipMatches: z.array(z.string()),
  host: z.string().nullable(),
  port: z.number(),
  codecs: z.array(z.string()),
  channelLimit: z.number(),
  callerIdPolicy: z.enum(CALLER_ID_POLICIES),
  callerIdNumber: z.string().nullable(),
  operatorManaged: z.boolean(),
  enabled: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type TrunkOutput = z.infer<typeof TrunkOutput>;

/** `secret` is set when a registration password was just generated (create, switch to registration, regenerate). */
export const TrunkWithSecret = z.object({ trunk: TrunkOutput, secret: z.string().nullable() });
export type TrunkWithSecret = z.infer<typeof TrunkWithSecret>;

/** A qualify (SIP OPTIONS) of the trunk from Asterisk. */
export const TrunkTestOutput = z.object({
  reachable: z.boolean(),
  /** Asterisk's contact status ("Reachable", "Unreachable", "NonQualified", …), or "no_contact". */
  status: z.string(),
  rttMs: z.number().nullable(),
  contact: z.string().nullable(),
  checkedAt: z.date(),
});
export type TrunkTestOutput = z.infer<typeof TrunkTestOutput>;
