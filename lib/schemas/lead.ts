import { z } from "zod";
import { messageKey } from "@/lib/i18n";
import type { ptBR } from "@/lib/i18n/dictionaries/pt-BR";
import { optionalCnpj as cnpj, optionalEmail as email, optionalPhone as phone, optionalText } from "./fields";
import { ScoreDetails } from "./score";

export const LEAD_STATUSES = ["new", "contacted", "qualified", "unqualified", "customer"] as const;
export const LEAD_SOURCES = ["website", "referral", "outbound", "event", "inbound_call", "partner", "other"] as const;

export const LeadStatus = z.enum(LEAD_STATUSES, { message: messageKey("invalid_option") });
export const LeadSource = z.enum(LEAD_SOURCES, { message: messageKey("invalid_option") });

export type LeadErrorKey = keyof (typeof ptBR)["leads"]["errors"];

/** A message key of the leads area's own errors ("leads.errors.tag_invalid"), translated like messageKey's. */
export function leadMessage(code: LeadErrorKey, params?: Record<string, string | number>): string {
  const query = params ? `?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}` : "";
  return `leads.errors.${code}${query}`;
}

export const TAG_MAX_LENGTH = 40;
export const TAGS_PER_LEAD = 20;
export const EMPLOYEES_MAX = 10_000_000;
const TAG_PATTERN = /^[\p{L}\p{N} _-]+$/u;

/** One label: trimmed, lower-cased, letters/digits/space/-/_ only (tags are matched by equality). */
export const LeadTag = z
  .string({ message: leadMessage("tag_invalid") })
  .trim()
  .toLowerCase()
  .min(1, leadMessage("tag_invalid"))
  .max(TAG_MAX_LENGTH, leadMessage("tag_too_long", { max: TAG_MAX_LENGTH }))
  .regex(TAG_PATTERN, leadMessage("tag_invalid"));

/** A lead's labels, deduplicated after normalization ("VIP" and "vip " are one tag). */
export const LeadTags = z
  .array(LeadTag, { message: leadMessage("tag_invalid") })
  .max(100, leadMessage("too_many_tags", { max: TAGS_PER_LEAD }))
  .transform((tags) => [...new Set(tags)])
  .refine((tags) => tags.length <= TAGS_PER_LEAD, leadMessage("too_many_tags", { max: TAGS_PER_LEAD }));

/** Employee count: a number or the text of a form input ("" = unknown). */
export const optionalEmployees = z
  .union([z.number(), z.string().trim()], { message: leadMessage("employees_invalid", { max: EMPLOYEES_MAX }) })
  .transform((value, ctx) => {
    if (value === "") return null;
    const n = typeof value === "number" ? value : /^\d+$/.test(value.replace(/[.\s]/g, "")) ? Number(value.replace(/[.\s]/g, "")) : NaN;
    if (!Number.isInteger(n) || n < 0 || n > EMPLOYEES_MAX) {
      ctx.addIssue({ code: "custom", message: leadMessage("employees_invalid", { max: EMPLOYEES_MAX }) });
      return z.NEVER;
    }
    return n;
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
  tags: LeadTags.optional(),
  employees: optionalEmployees,
});

export const LeadCreateInput = LeadFields;
export type LeadCreateInput = z.input<typeof LeadCreateInput>;

const leadId = z.uuid({ message: messageKey("invalid_id") });
export const LeadId = z.object({ id: leadId });

export const LeadUpdateInput = z.object({
  id: leadId,
  data: LeadFields.partial(),
});
export type LeadUpdateInput = z.input<typeof LeadUpdateInput>;

// ---------------------------------------------------------------- the list: filters and sort

export const LEAD_SORT_FIELDS = ["lastContact", "score", "created", "name"] as const;
export type LeadSortField = (typeof LEAD_SORT_FIELDS)[number];
export const LeadSort = z.object({
  by: z.enum(LEAD_SORT_FIELDS, { message: messageKey("invalid_option") }),
  dir: z.enum(["asc", "desc"], { message: messageKey("invalid_option") }),
});
export type LeadSort = z.infer<typeof LeadSort>;
export const DEFAULT_LEAD_SORT: LeadSort = { by: "created", dir: "desc" };

export const SCORE_BOUND = 100_000;
const scoreBound = z
  .number({ message: leadMessage("score_invalid") })
  .int(leadMessage("score_invalid"))
  .min(-SCORE_BOUND, leadMessage("score_invalid"))
  .max(SCORE_BOUND, leadMessage("score_invalid"));
const instant = z.date({ message: messageKey("invalid_input") });

/**
 * Everything that narrows the list. The same object selects the rows of a bulk action ("all N
 * matching") and of the CSV export, so the three can never disagree about what "matching" means.
 * Dates are instants: the browser turns the user's local days into them.
 */
const filterShape = {
  search: z
    .string()
    .trim()
    .max(100, messageKey("too_long", { max: 100 }))
    .optional(),
  owner: z.union([z.literal("me"), z.literal("none"), z.uuid({ message: messageKey("invalid_id") })]).optional(),
  status: z.array(LeadStatus).max(LEAD_STATUSES.length).optional(),
  source: z.array(LeadSource).max(LEAD_SOURCES.length).optional(),
  scoreMin: scoreBound.optional(),
  scoreMax: scoreBound.optional(),
  /** Any of these tags. */
  tags: z
    .array(LeadTag)
    .max(TAGS_PER_LEAD, leadMessage("too_many_tags", { max: TAGS_PER_LEAD }))
    .optional(),
  createdFrom: instant.optional(),
  createdTo: instant.optional(),
  lastContactFrom: instant.optional(),
  lastContactTo: instant.optional(),
  neverContacted: z.boolean().optional(),
};
const scoreRange = {
  check: (f: { scoreMin?: number; scoreMax?: number }) => f.scoreMin === undefined || f.scoreMax === undefined || f.scoreMin <= f.scoreMax,
  params: { message: leadMessage("score_range"), path: ["scoreMax"] },
};
export const LeadFilter = z.object(filterShape).refine(scoreRange.check, scoreRange.params);
export type LeadFilter = z.input<typeof LeadFilter>;

export const LEAD_PAGE_MAX = 100;

export const LeadListInput = z
  .object({
    ...filterShape,
    sort: LeadSort.default(DEFAULT_LEAD_SORT),
    /** Opaque: produced by a previous page of the same sort (server/services/leads/list-cursor.ts). */
    cursor: z.string().max(600).nullish(),
    limit: z.number().int().min(1).max(LEAD_PAGE_MAX).default(25),
    /**
     * Count the matching rows with the page. The browser says false and asks `leads.count` once
     * the rows are in: on a big tenant the count costs more than the page, and should not delay it.
     */
    withTotal: z.boolean().default(true),
  })
  .refine(scoreRange.check, scoreRange.params);
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
  tags: z.array(z.string()),
  employees: z.number().int().nullable(),
  score: z.number().int(),
  scoreDetails: ScoreDetails,
  scoredAt: z.date().nullable(),
  lastContactAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type LeadOutput = z.infer<typeof LeadOutput>;

/** Counting stops here: a larger match shows as "10.000+" (counting 100k rows per keystroke is not worth it). */
export const LEAD_COUNT_CAP = 10_000;

export const LeadPage = z.object({
  items: z.array(LeadOutput),
  nextCursor: z.string().nullable(),
  /** Matching rows, counted up to LEAD_COUNT_CAP; null when not asked for (`withTotal: false`). */
  total: z.number().int().nullable(),
  /** True when more than LEAD_COUNT_CAP rows match (`total` is then the cap). */
  totalCapped: z.boolean(),
});
export type LeadPage = z.infer<typeof LeadPage>;

export const LeadCount = z.object({ total: z.number().int(), capped: z.boolean() });
export type LeadCount = z.infer<typeof LeadCount>;

// ---------------------------------------------------------------- bulk actions and export

export const BULK_MAX = 10_000;
export const EXPORT_MAX = 50_000;

/** Either the rows the user ticked, or every row matching the list's filters (server-side, capped). */
export const LeadSelection = z.union([
  z.object({
    ids: z
      .array(leadId)
      .min(1, leadMessage("bulk_empty"))
      .max(BULK_MAX, leadMessage("bulk_too_many", { max: BULK_MAX })),
  }),
  z.object({ filter: LeadFilter }),
]);
export type LeadSelection = z.input<typeof LeadSelection>;

export const LeadBulkAssignInput = z.object({
  selection: LeadSelection,
  ownerId: z.uuid({ message: messageKey("invalid_id") }).nullable(),
});
export const LeadBulkTagsInput = z.object({
  selection: LeadSelection,
  add: z.array(LeadTag).max(TAGS_PER_LEAD).default([]),
  remove: z.array(LeadTag).max(TAGS_PER_LEAD).default([]),
});
export const LeadBulkDeleteInput = z.object({ selection: LeadSelection });
export const LeadBulkResult = z.object({ count: z.number().int() });

export const LeadExportInput = z
  .object({
    ...filterShape,
    sort: LeadSort.default(DEFAULT_LEAD_SORT),
    /** The browser's IANA zone, for the dates in the file ("America/Sao_Paulo"); UTC when absent or unknown. */
    timeZone: z.string().max(64).optional(),
  })
  .refine(scoreRange.check, scoreRange.params);
export const LeadExportOutput = z.object({ csv: z.string(), rows: z.number().int(), truncated: z.boolean() });

export const LeadTagCount = z.object({ tag: z.string(), count: z.number().int() });
