import { z } from "zod";
import { messageKey } from "@/lib/i18n";
import { optionalCnpj as cnpj, optionalEmail as email, optionalPhone as phone, optionalText } from "./fields";

export const LEAD_STATUSES = ["new", "contacted", "qualified", "unqualified", "customer"] as const;
export const LEAD_SOURCES = ["website", "referral", "outbound", "event", "inbound_call", "partner", "other"] as const;

export const LeadStatus = z.enum(LEAD_STATUSES, { message: messageKey("invalid_option") });
export const LeadSource = z.enum(LEAD_SOURCES, { message: messageKey("invalid_option") });

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
