import { z } from "zod";
import { messageKey } from "@/lib/i18n";
import {
  DEFAULT_LEAD_SORT,
  LEAD_SOURCES,
  LEAD_STATUSES,
  LeadSort,
  LeadSource,
  LeadStatus,
  LeadTag,
  leadMessage,
  SCORE_BOUND,
} from "./lead";

// A saved view of the leads list (SavedFilter.view) and the same state in the page's URL. Dates are
// calendar days ("2026-03-01"), not instants: a view means the same days wherever it is opened.

export const LEAD_COLUMNS = [
  "name",
  "company",
  "phone",
  "email",
  "owner",
  "status",
  "source",
  "score",
  "tags",
  "lastContact",
  "created",
] as const;
export type LeadColumn = (typeof LEAD_COLUMNS)[number];
export const DEFAULT_LEAD_COLUMNS: LeadColumn[] = ["name", "phone", "status", "owner", "score", "tags", "lastContact"];

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, messageKey("invalid_input"));
const score = z.number().int().min(-SCORE_BOUND).max(SCORE_BOUND);

export const LeadViewFilters = z.object({
  search: z.string().trim().max(100).optional(),
  owner: z.union([z.literal("me"), z.literal("none"), z.uuid()]).optional(),
  status: z.array(LeadStatus).max(LEAD_STATUSES.length).optional(),
  source: z.array(LeadSource).max(LEAD_SOURCES.length).optional(),
  scoreMin: score.optional(),
  scoreMax: score.optional(),
  tags: z.array(LeadTag).max(20).optional(),
  createdFrom: day.optional(),
  createdTo: day.optional(),
  lastContactFrom: day.optional(),
  lastContactTo: day.optional(),
  neverContacted: z.boolean().optional(),
});
export type LeadViewFilters = z.infer<typeof LeadViewFilters>;

export const LeadView = z.object({
  filters: LeadViewFilters,
  sort: LeadSort,
  columns: z
    .array(z.enum(LEAD_COLUMNS))
    .min(1, leadMessage("columns_empty"))
    .transform((columns) => [...new Set(columns)]),
});
export type LeadView = z.infer<typeof LeadView>;

export const DEFAULT_LEAD_VIEW: LeadView = { filters: {}, sort: DEFAULT_LEAD_SORT, columns: DEFAULT_LEAD_COLUMNS };

export const SAVED_VIEWS_MAX = 50;

const viewName = z
  .string({ message: messageKey("required") })
  .trim()
  .min(1, messageKey("required"))
  .max(60, messageKey("too_long", { max: 60 }));

export const SavedFilterCreateInput = z.object({ name: viewName, view: LeadView });
export const SavedFilterUpdateInput = z.object({
  id: z.uuid({ message: messageKey("invalid_id") }),
  data: z.object({ name: viewName.optional(), view: LeadView.optional() }),
});
export const SavedFilterId = z.object({ id: z.uuid({ message: messageKey("invalid_id") }) });

export const SavedFilterOutput = z.object({
  id: z.string(),
  name: z.string(),
  view: LeadView,
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type SavedFilterOutput = z.infer<typeof SavedFilterOutput>;
