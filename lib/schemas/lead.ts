import { z } from "zod";
import { messageKey } from "@/lib/i18n";
import { normalizePhone } from "@/lib/phone";
import { isValidCnpj, normalizeCnpj } from "@/lib/cnpj";

export const LEAD_STATUSES = ["new", "contacted", "qualified", "unqualified", "customer"] as const;
export const LEAD_SOURCES = ["website", "referral", "outbound", "event", "inbound_call", "partner", "other"] as const;

export const LeadStatus = z.enum(LEAD_STATUSES, { message: messageKey("invalid_option") });
export const LeadSource = z.enum(LEAD_SOURCES, { message: messageKey("invalid_option") });

/** Trimmed text where an empty value means "not set" (null), capped at the column's length. */
function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, messageKey("too_long", { max }))
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();
}

const phone = z
  .string()
  .trim()
  .max(40, messageKey("too_long", { max: 40 }))
  .transform((value, ctx) => {
    if (value === "") return null;
    const e164 = normalizePhone(value);
    if (!e164) {
      ctx.addIssue({ code: "custom", message: messageKey("invalid_phone") });
      return z.NEVER;
    }
    return e164;
  })
  .nullable()
  .optional();

const cnpj = z
  .string()
  .trim()
  .max(20, messageKey("too_long", { max: 20 }))
  .transform((value, ctx) => {
    if (value === "") return null;
    if (!isValidCnpj(value)) {
      ctx.addIssue({ code: "custom", message: messageKey("invalid_cnpj") });
      return z.NEVER;
    }
    return normalizeCnpj(value);
  })
  .nullable()
  .optional();

const email = z
  .string()
  .trim()
  .max(254, messageKey("too_long", { max: 254 }))
  .transform((value, ctx) => {
    if (value === "") return null;
    if (!z.email().safeParse(value).success) {
      ctx.addIssue({ code: "custom", message: messageKey("invalid_email") });
      return z.NEVER;
    }
    return value.toLowerCase();
  })
  .nullable()
  .optional();

export const LeadFields = z.object({
  name: z
    .string({ message: messageKey("required") })
    .trim()
    .min(1, messageKey("required"))
    .max(120, messageKey("too_long", { max: 120 })),
  company: optionalText(120),
  cnpj,
  email,
  phone,
  source: LeadSource.optional(),
  status: LeadStatus.optional(),
  ownerId: z
    .uuid({ message: messageKey("invalid_id") })
    .nullable()
    .optional(),
  notes: optionalText(2000),
});

export const LeadCreateInput = LeadFields;
export type LeadCreateInput = z.input<typeof LeadCreateInput>;

export const LeadId = z.object({ id: z.uuid({ message: messageKey("invalid_id") }) });

export const LeadUpdateInput = z.object({
  id: z.uuid({ message: messageKey("invalid_id") }),
  data: LeadFields.partial(),
});
export type LeadUpdateInput = z.input<typeof LeadUpdateInput>;

export const LeadListInput = z.object({
  cursor: z.uuid().nullish(),
  limit: z.number().int().min(1).max(100).default(25),
  search: z
    .string()
    .trim()
    .max(100, messageKey("too_long", { max: 100 }))
    .optional(),
  status: LeadStatus.optional(),
  source: LeadSource.optional(),
  owner: z.union([z.literal("me"), z.literal("none"), z.uuid()]).optional(),
});
export type LeadListInput = z.input<typeof LeadListInput>;

export const LeadOutput = z.object({
  id: z.string(),
  name: z.string(),
  company: z.string().nullable(),
  cnpj: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  source: LeadSource,
  status: LeadStatus,
  owner: z.object({ id: z.string(), name: z.string() }).nullable(),
  notes: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type LeadOutput = z.infer<typeof LeadOutput>;

export const LeadPage = z.object({
  items: z.array(LeadOutput),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
});
export type LeadPage = z.infer<typeof LeadPage>;
