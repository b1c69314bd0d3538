import { z } from "zod";
import { messageKey, type MessageKey, type Params } from "@/lib/i18n";
import { asciiCallerIdName, CALLER_ID_NAME_PATTERN, CALLER_ID_NUMBER_PATTERN, EXTENSION_NUMBER_PATTERN } from "@/lib/telephony/allow-list";

// An extension becomes the PJSIP endpoint `<tenantSlug>_<number>`, its name the caller id name
// (written inside quotes) and its caller id number a `callerid=` value, so each passes the
// allow-lists of lib/telephony here, at save time; the renderer checks them again.

/** A telephony message key ("telephony.<…>?param=…"), translated like messageKey's. */
export function telephonyMessage(key: Extract<MessageKey, `telephony.${string}`>, params?: Params): string {
  const query = params ? `?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}` : "";
  return `${key}${query}`;
}

export const MAX_CONTACTS_LIMIT = 10;

/**
 * Trims spaces only: a value with a newline, tab or other control character at either end is
 * refused like one with it in the middle, so nothing hostile is silently "cleaned" into a config.
 */
export const trimSpaces = (value: string) => value.replace(/^ +| +$/g, "");

export const ExtensionNumber = z
  .string({ message: messageKey("required") })
  .overwrite(trimSpaces)
  .min(1, { message: messageKey("required"), abort: true })
  .regex(EXTENSION_NUMBER_PATTERN, telephonyMessage("telephony.extensions.errors.number_invalid"));

/** Whether dropping accents alone makes the name valid: only then is the ASCII spelling worth offering. */
const foldsToAscii = (name: string) => CALLER_ID_NAME_PATTERN.test(name.normalize("NFD").replace(/[\u0300-\u036f]/g, ""));

/**
 * The name is the SIP caller id name, so it must already be ASCII: "João" is refused with a
 * message offering "Joao" rather than silently changed (the user sees what callers will see).
 */
export const ExtensionName = z
  .string({ message: messageKey("required") })
  .overwrite(trimSpaces)
  .min(1, { message: messageKey("required"), abort: true })
  .max(40, { message: messageKey("too_long", { max: 40 }), abort: true })
  .superRefine((name, ctx) => {
    if (CALLER_ID_NAME_PATTERN.test(name)) return;
    const suggestion = foldsToAscii(name) ? asciiCallerIdName(name) : null;
    ctx.addIssue({
      code: "custom",
      message:
        suggestion && suggestion !== name
          ? telephonyMessage("telephony.extensions.errors.name_ascii", { suggestion })
          : telephonyMessage("telephony.extensions.errors.name_invalid"),
    });
  });

/** The member who uses the extension; null (or left out) = not assigned to anyone. */
const MembershipRef = z
  .uuid({ message: messageKey("invalid_id") })
  .nullable()
  .optional();

/** Empty = none (the route's default); otherwise E.164 digits, checked against the tenant's DIDs by the service. */
export const OptionalCallerIdNumber = z
  .string({ message: messageKey("required") })
  .overwrite(trimSpaces)
  .refine((v) => v === "" || CALLER_ID_NUMBER_PATTERN.test(v), telephonyMessage("telephony.extensions.errors.caller_id_invalid"))
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .optional();

const MaxContacts = z
  .number({ message: telephonyMessage("telephony.extensions.errors.max_contacts") })
  .int(telephonyMessage("telephony.extensions.errors.max_contacts"))
  .min(1, telephonyMessage("telephony.extensions.errors.max_contacts"))
  .max(MAX_CONTACTS_LIMIT, telephonyMessage("telephony.extensions.errors.max_contacts"));

/** The editable fields (everything but the number); used by the edit form as is. */
export const ExtensionFields = z.object({
  name: ExtensionName,
  membershipId: MembershipRef,
  callerIdNumber: OptionalCallerIdNumber,
  voicemail: z.boolean().optional(),
  maxContacts: MaxContacts.optional(),
  enabled: z.boolean().optional(),
});

export const ExtensionCreateInput = ExtensionFields.extend({ number: ExtensionNumber });
export type ExtensionCreateInput = z.input<typeof ExtensionCreateInput>;

export const ExtensionId = z.object({ id: z.uuid({ message: messageKey("invalid_id") }) });

/** The number is the endpoint's identity on the PBX: change it by creating a new extension. */
export const ExtensionUpdateInput = z.object({
  id: z.uuid({ message: messageKey("invalid_id") }),
  data: ExtensionFields.partial().extend({
    number: z.never({ message: telephonyMessage("telephony.extensions.errors.number_immutable") }).optional(),
  }),
});
export type ExtensionUpdateInput = z.input<typeof ExtensionUpdateInput>;

export const ExtensionListInput = z
  .object({
    q: z
      .string()
      .trim()
      .max(80, messageKey("too_long", { max: 80 }))
      .optional(),
  })
  .optional();

/** Never carries the SIP secret: it leaves the server once, in ExtensionWithSecret. */
export const ExtensionOutput = z.object({
  id: z.string(),
  number: z.string(),
  name: z.string(),
  /** The PJSIP endpoint name on the tenant's PBX node (also the SIP user name). */
  endpoint: z.string(),
  member: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
  callerIdNumber: z.string().nullable(),
  voicemail: z.boolean(),
  maxContacts: z.number(),
  enabled: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ExtensionOutput = z.infer<typeof ExtensionOutput>;

/** An extension with its SIP password in clear: only on create and regenerate, shown once. */
export const ExtensionWithSecret = z.object({ extension: ExtensionOutput, secret: z.string() });
export type ExtensionWithSecret = z.infer<typeof ExtensionWithSecret>;

export const ExtensionUsageOutput = z.object({ used: z.number(), limit: z.number() });
