import { z } from "zod";
import { messageKey } from "@/lib/i18n";
import { plansMessage } from "./plan";

// An extension becomes the PJSIP endpoint `<tenantSlug>_<number>` and its name the caller id, so
// both are allow-listed here: no newline, `;`, `[`, `]`, `,`, `)`, `<`, `>` or quote reaches Asterisk.
export const EXTENSION_NUMBER_PATTERN = /^\d{2,6}$/;
export const EXTENSION_NAME_PATTERN = /^[\p{L}\p{N} ._'-]+$/u;

export const ExtensionNumber = z
  .string({ message: messageKey("required") })
  .trim()
  .min(1, { message: messageKey("required"), abort: true })
  .regex(EXTENSION_NUMBER_PATTERN, plansMessage("plans.extensions.errors.number_invalid"));

export const ExtensionName = z
  .string({ message: messageKey("required") })
  .trim()
  .min(1, { message: messageKey("required"), abort: true })
  .max(80, messageKey("too_long", { max: 80 }))
  .regex(EXTENSION_NAME_PATTERN, plansMessage("plans.extensions.errors.name_invalid"));

/** The member who uses the extension; null (or left out) = not assigned to anyone. */
const MembershipRef = z
  .uuid({ message: messageKey("invalid_id") })
  .nullable()
  .optional();

export const ExtensionCreateInput = z.object({
  number: ExtensionNumber,
  name: ExtensionName,
  membershipId: MembershipRef,
});
export type ExtensionCreateInput = z.input<typeof ExtensionCreateInput>;

export const ExtensionId = z.object({ id: z.uuid({ message: messageKey("invalid_id") }) });

/** The number is the endpoint's identity on the PBX: change it by creating a new extension. */
export const ExtensionUpdateInput = z.object({
  id: z.uuid({ message: messageKey("invalid_id") }),
  data: z
    .object({ name: ExtensionName, membershipId: MembershipRef })
    .partial()
    .extend({ number: z.never({ message: plansMessage("plans.extensions.errors.number_immutable") }).optional() }),
});
export type ExtensionUpdateInput = z.input<typeof ExtensionUpdateInput>;

/** Never carries the SIP secret: that is revealed only by `revealSecret`, audited. */
export const ExtensionOutput = z.object({
  id: z.string(),
  number: z.string(),
  name: z.string(),
  /** The PJSIP endpoint name on the tenant's PBX node. */
  endpoint: z.string(),
  member: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ExtensionOutput = z.infer<typeof ExtensionOutput>;

export const ExtensionSecretOutput = z.object({ id: z.string(), endpoint: z.string(), secret: z.string() });
export type ExtensionSecretOutput = z.infer<typeof ExtensionSecretOutput>;
