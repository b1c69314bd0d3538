import { z } from "zod";
import { messageKey, type Params } from "@/lib/i18n";
import { LeadSource, LeadStatus } from "./lead";

// Importing leads from CSV, duplicate detection and merging. Messages are keys of the "leadImport"
// dictionary with query-style parameters (lib/i18n translateMessage), translated by the browser.

/** A key of the leadImport dictionary, with parameters, as lib/i18n translateMessage reads it. */
export function leadImportMessage(path: string, params?: Params): string {
  const query = params ? `?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}` : "";
  return `leadImport.${path}${query}`;
}

/** The Linha fields a CSV column can fill; `owner` is a member's e-mail or name. */
export const LEAD_IMPORT_FIELDS = [
  "name",
  "company",
  "email",
  "phone",
  "cnpj",
  "source",
  "status",
  "tags",
  "employees",
  "notes",
  "owner",
] as const;
export const LeadImportField = z.enum(LEAD_IMPORT_FIELDS, { message: messageKey("invalid_option") });
export type LeadImportField = z.infer<typeof LeadImportField>;

/** Fields two leads are the same by, once normalized (e-mail lower-case, phone E.164, CNPJ digits). */
export const DUPLICATE_KEYS = ["email", "phone", "cnpj"] as const;
export const DuplicateKey = z.enum(DUPLICATE_KEYS);
export type DuplicateKey = z.infer<typeof DuplicateKey>;

/** 5 MB of text. The browser checks the file's size before reading it; this bounds the request. */
export const LEAD_IMPORT_MAX_CHARS = 5 * 1024 * 1024;
export const LEAD_IMPORT_MAX_ROWS = 20_000;
/** Rows per commit call the wizard sends: one transaction each, small enough to show progress. */
export const LEAD_IMPORT_CHUNK_ROWS = 250;
/** What one commit call accepts, whatever the client asks: keeps each transaction short. */
export const LEAD_IMPORT_MAX_CHUNK_ROWS = 500;
/** How many bad lines and duplicates the preview lists (the counts are always exact). */
export const LEAD_IMPORT_PREVIEW_LIST_MAX = 1000;

const csvText = z
  .string()
  .min(1, leadImportMessage("errors.emptyFile"))
  .max(LEAD_IMPORT_MAX_CHARS, leadImportMessage("errors.tooLarge", { max: "5 MB" }));

/** One entry per CSV column, in order: the field it fills, or null to ignore the column. */
export const LeadImportMapping = z
  .array(LeadImportField.nullable())
  .min(1, leadImportMessage("errors.nameNotMapped"))
  .max(200)
  .superRefine((mapping, ctx) => {
    if (!mapping.includes("name")) ctx.addIssue({ code: "custom", message: leadImportMessage("errors.nameNotMapped") });
    const used = mapping.filter((f): f is LeadImportField => f !== null);
    if (new Set(used).size !== used.length) ctx.addIssue({ code: "custom", message: leadImportMessage("errors.fieldMappedTwice") });
  });
export type LeadImportMapping = z.infer<typeof LeadImportMapping>;

export const LeadImportPreviewInput = z.object({
  csv: csvText,
  /** Omitted on the first look at a file: the preview then suggests one from the header. */
  mapping: LeadImportMapping.optional(),
});
export type LeadImportPreviewInput = z.input<typeof LeadImportPreviewInput>;

export const LeadImportDuplicateMode = z.enum(["skip", "import"]);
export type LeadImportDuplicateMode = z.infer<typeof LeadImportDuplicateMode>;

const line = z.number().int().min(2);

export const LeadImportCommitInput = z
  .object({
    csv: csvText,
    mapping: LeadImportMapping,
    duplicates: LeadImportDuplicateMode,
    /** The chunk: records starting on CSV lines fromLine..toLine (the header is line 1). */
    fromLine: line,
    toLine: line,
    /** Shown on each imported lead's "created by import" timeline entry. */
    fileName: z.string().trim().max(200).optional(),
  })
  .refine((input) => input.toLine >= input.fromLine, { message: messageKey("invalid_input"), path: ["toLine"] });
export type LeadImportCommitInput = z.input<typeof LeadImportCommitInput>;

/** `field` is a Linha field, or "row" for a problem of the whole line. `reason` is a message key. */
export const LeadImportProblem = z.object({ field: z.union([LeadImportField, z.literal("row")]), reason: z.string() });
export type LeadImportProblem = z.infer<typeof LeadImportProblem>;

export const LeadImportRowError = z.object({ line: z.number().int(), problems: z.array(LeadImportProblem) });
export type LeadImportRowError = z.infer<typeof LeadImportRowError>;

/**
 * A row that repeats an earlier row of the file (`firstLine`) or matches an existing lead (`lead`;
 * null when the lead exists but the importer may not see it: it is then not named).
 */
export const LeadImportDuplicate = z.object({
  line: z.number().int(),
  field: DuplicateKey,
  value: z.string(),
  firstLine: z.number().int().nullable(),
  lead: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type LeadImportDuplicate = z.infer<typeof LeadImportDuplicate>;

export const LeadImportChunk = z.object({ fromLine: z.number().int(), toLine: z.number().int(), rows: z.number().int() });
export type LeadImportChunk = z.infer<typeof LeadImportChunk>;

export const LeadImportPreview = z.object({
  header: z.array(z.string()),
  delimiter: z.enum([",", ";"]),
  mapping: z.array(LeadImportField.nullable()),
  /** True when the mapping was guessed from the header (none was given). */
  mappingSuggested: z.boolean(),
  /** The first data rows, as read, for the mapping step. */
  sample: z.array(z.array(z.string())),
  rows: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  /** Valid rows that repeat an earlier row or match an existing lead. */
  duplicateRows: z.number().int(),
  errors: z.array(LeadImportRowError),
  duplicates: z.array(LeadImportDuplicate),
  chunks: z.array(LeadImportChunk),
  /** A rep's import is always theirs: the owner column, if mapped, is not used. */
  ownerIgnored: z.boolean(),
});
export type LeadImportPreview = z.infer<typeof LeadImportPreview>;

export const LeadImportCommitResult = z.object({
  imported: z.number().int(),
  skipped: z.number().int(),
  errors: z.array(LeadImportRowError),
  /** Duplicates left out (only when duplicates are skipped). */
  duplicates: z.array(LeadImportDuplicate),
});
export type LeadImportCommitResult = z.infer<typeof LeadImportCommitResult>;

// ---------------------------------------------------------------- duplicates on create/edit

export const LeadDuplicateCheckInput = z.object({
  email: z.string().max(254).nullish(),
  phone: z.string().max(40).nullish(),
  cnpj: z.string().max(20).nullish(),
  excludeId: z.uuid({ message: messageKey("invalid_id") }).optional(),
});
export type LeadDuplicateCheckInput = z.input<typeof LeadDuplicateCheckInput>;

export const LeadDuplicateMatch = z.object({
  id: z.string(),
  name: z.string(),
  company: z.string().nullable(),
  matched: z.array(DuplicateKey),
});
export type LeadDuplicateMatch = z.infer<typeof LeadDuplicateMatch>;

export const LeadDuplicateCheck = z.object({
  /** Up to 5 leads the viewer may see. */
  matches: z.array(LeadDuplicateMatch),
  /** Keys that also match leads the viewer may not see (told, never named). */
  hidden: z.array(DuplicateKey),
});
export type LeadDuplicateCheck = z.infer<typeof LeadDuplicateCheck>;

// ---------------------------------------------------------------- merge

/** Fields where one of the two values wins; tags are united and notes joined instead. */
export const MERGE_PICK_FIELDS = ["name", "company", "cnpj", "email", "phone", "source", "status", "ownerId", "employees"] as const;
export const MergePickField = z.enum(MERGE_PICK_FIELDS);
export type MergePickField = z.infer<typeof MergePickField>;
export const MergeSide = z.enum(["keep", "merge"]);
export type MergeSide = z.infer<typeof MergeSide>;

const leadId = z.uuid({ message: messageKey("invalid_id") });

export const LeadMergePair = z.object({ keepId: leadId, mergeId: leadId }).refine((p) => p.keepId !== p.mergeId, {
  message: leadImportMessage("errors.mergeSameLead"),
  path: ["mergeId"],
});

export const LeadMergeInput = z
  .object({ keepId: leadId, mergeId: leadId, pick: z.partialRecord(MergePickField, MergeSide).optional() })
  .refine((p) => p.keepId !== p.mergeId, { message: leadImportMessage("errors.mergeSameLead"), path: ["mergeId"] });
export type LeadMergeInput = z.input<typeof LeadMergeInput>;

export const LeadMergeCandidate = z.object({
  id: z.string(),
  name: z.string(),
  company: z.string().nullable(),
  cnpj: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  source: LeadSource,
  status: LeadStatus,
  owner: z.object({ id: z.string(), name: z.string() }).nullable(),
  employees: z.number().int().nullable(),
  tags: z.array(z.string()),
  notes: z.string().nullable(),
  lastContactAt: z.date().nullable(),
  createdAt: z.date(),
  counts: z.object({ activities: z.number().int(), tasks: z.number().int(), opportunities: z.number().int() }),
});
export type LeadMergeCandidate = z.infer<typeof LeadMergeCandidate>;

export const LeadMergeComparison = z.object({ keep: LeadMergeCandidate, merge: LeadMergeCandidate });
export type LeadMergeComparison = z.infer<typeof LeadMergeComparison>;

export const LeadMergeResult = z.object({
  id: z.string(),
  moved: z.object({ activities: z.number().int(), tasks: z.number().int(), opportunities: z.number().int() }),
});
export type LeadMergeResult = z.infer<typeof LeadMergeResult>;
