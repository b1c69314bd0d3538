import { z } from "zod";
import { parseRateMicros } from "@/lib/billing/micros";
import { messageKey, type Dictionary, type Params } from "@/lib/i18n";
import { RATE_DECK_KINDS, UNRATABLE_REASONS } from "./billing";

// The console's rate decks (issue 7, tariffs area): decks, rates, versions, CSV import/export and
// the simulator. What a rate field accepts — prices typed "0,085" or "0.085", billing "30/6",
// dates as São Paulo calendar days or date-times — is parsed here once, for the forms, the
// procedures and the CSV reader alike.

export type TariffsErrorKey = keyof Dictionary["tariffs"]["errors"];
export type TariffsCsvKey = keyof Dictionary["tariffs"]["csv"];

function withParams(key: string, params?: Params): string {
  return params ? `${key}?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}` : key;
}

/** A tariffs message key ("tariffs.errors.<code>?param=…"), translated like messageKey's. */
export function tariffsError(code: TariffsErrorKey, params?: Params): string {
  return withParams(`tariffs.errors.${String(code)}`, params);
}

/** A CSV line's problem ("tariffs.csv.<code>?…"). */
export function tariffsCsvError(code: TariffsCsvKey, params?: Params): string {
  return withParams(`tariffs.csv.${String(code)}`, params);
}

// ---------------------------------------------------------------- São Paulo time

/** Effective dates are days and times in the operator's calendar, like billing months. */
export const TARIFF_TIME_ZONE = "America/Sao_Paulo";

const partsFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: TARIFF_TIME_ZONE,
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
  hourCycle: "h23",
});

export type LocalParts = { year: number; month: number; day: number; hour: number; minute: number; second: number; ms: number };

// Offsets change on whole hours at most: one Intl call per UTC hour, however many rows share it.
const offsetByHour = new Map<number, number>();

/** São Paulo's offset from UTC in milliseconds at an instant (-3 h since 2019; -2 h in old summers). */
function offsetAt(utcMs: number): number {
  const hour = Math.floor(utcMs / 3_600_000);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    const at = hour * 3_600_000;
    const p: Record<string, number> = {};
    for (const part of partsFormat.formatToParts(new Date(at))) if (part.type !== "literal") p[part.type] = Number(part.value);
    offset = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - at;
    if (offsetByHour.size > 10_000) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

/** An instant's wall-clock time in São Paulo. */
export function saoPauloParts(date: Date): LocalParts {
  const local = new Date(date.getTime() + offsetAt(date.getTime()));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    ms: local.getUTCMilliseconds(),
  };
}

/** A São Paulo wall-clock time as an instant; null when the calendar date does not exist. */
export function saoPauloTime(p: LocalParts): Date | null {
  const local = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.ms);
  const check = new Date(local);
  if (check.getUTCFullYear() !== p.year || check.getUTCMonth() !== p.month - 1 || check.getUTCDate() !== p.day) return null;
  if (p.hour > 23 || p.minute > 59 || p.second > 59) return null;
  // Two steps settle the offset on either side of an offset change.
  let utc = local - offsetAt(local);
  utc = local - offsetAt(utc);
  return new Date(utc);
}

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const BR_TIME = /^(\d{2})\/(\d{2})\/(\d{4})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * An effective date as people and spreadsheets write it: "2026-11-01" (that day's São Paulo
 * midnight), "2026-11-01 14:30", "2026-11-01T14:30:00.250", "01/11/2026", "01/11/2026 14:30" —
 * all São Paulo time — or an ISO instant with its own offset ("…Z", "…-03:00"). Null otherwise.
 */
export function parseEffectiveText(text: string): Date | null {
  const s = text.trim();
  let year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number;
  let offset: string | undefined;
  const iso = ISO_TIME.exec(s);
  if (iso) {
    [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(iso[i] ?? 0)) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    ms = iso[7] ? Number(iso[7].padEnd(3, "0")) : 0;
    offset = iso[8];
  } else {
    const br = BR_TIME.exec(s);
    if (!br) return null;
    [day, month, year, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(br[i] ?? 0)) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    ms = 0;
  }
  if (year < 1970 || year > 2199) return null;
  const local = saoPauloTime({ year, month, day, hour, minute, second, ms });
  if (!local) return null;
  if (!offset) return local;
  if (offset === "Z") return new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(offset)!;
  const minutes = (Number(match[2]) * 60 + Number(match[3])) * (match[1] === "-" ? -1 : 1);
  if (Math.abs(minutes) > 14 * 60) return null;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms) - minutes * 60_000);
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * The text parseEffectiveText reads back as the same instant: "2026-11-01" at São Paulo midnight,
 * else "2026-11-01 14:30:00" (with ".250" when it has milliseconds). CSV export and form inputs.
 */
export function formatEffectiveText(date: Date): string {
  const p = saoPauloParts(date);
  const day = `${p.year}-${pad(p.month)}-${pad(p.day)}`;
  if (p.hour === 0 && p.minute === 0 && p.second === 0 && p.ms === 0) return day;
  return `${day} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${p.ms ? `.${pad(p.ms, 3)}` : ""}`;
}

// ---------------------------------------------------------------- rate fields as typed

/** "30/6" (minimum 30 s, then 6 s steps), "60/60", "1/1", or one number for both ("6" = 6/6). */
export function parseIncrementText(text: string): { minSeconds: number; incrementSeconds: number } | null {
  const match = /^(\d{1,4})(?:\s*\/\s*(\d{1,4}))?$/.exec(text.trim());
  if (!match) return null;
  const minSeconds = Number(match[1]);
  const incrementSeconds = match[2] === undefined ? minSeconds : Number(match[2]);
  if (minSeconds > MAX_BILLING_SECONDS || incrementSeconds < 1 || incrementSeconds > MAX_BILLING_SECONDS) return null;
  return { minSeconds, incrementSeconds };
}

export const MAX_BILLING_SECONDS = 3600;

export function formatIncrement(rate: { minSeconds: number; incrementSeconds: number }): string {
  return `${rate.minSeconds}/${rate.incrementSeconds}`;
}

/** A prefix as typed ("+55 11", "55-11") → its digits; null unless 1–15 digits remain. */
export function normalizePrefix(text: string): string | null {
  const digits = text.trim().replace(/[\s+.-]/g, "");
  return /^\d{1,15}$/.test(digits) ? digits : null;
}

/** A call's length as typed: seconds ("95"), m:ss ("1:35") or h:mm:ss ("1:02:03"). */
export function parseDurationText(text: string): number | null {
  const s = text.trim();
  if (/^\d{1,8}$/.test(s)) return Number(s);
  const match = /^(?:(\d{1,4}):)?(\d{1,4}):(\d{2})$/.exec(s);
  if (!match) return null;
  const [hours, minutes, seconds] = [Number(match[1] ?? 0), Number(match[2]), Number(match[3])];
  if (seconds > 59 || (match[1] !== undefined && minutes > 59)) return null;
  return hours * 3600 + minutes * 60 + seconds;
}

export const MAX_SIMULATED_SECONDS = 10_000_000;

// ---------------------------------------------------------------- decks

const id = z.uuid({ message: messageKey("invalid_id") });

export const DECK_OWNER_TYPES = ["provider", "gateway", "plan", "tenant"] as const;
export type DeckOwnerType = (typeof DECK_OWNER_TYPES)[number];
/** Buy decks belong to a provider or one of its gateways; sell decks to a plan or one tenant. */
export const OWNER_TYPES_BY_KIND = { buy: ["provider", "gateway"], sell: ["plan", "tenant"] } as const satisfies Record<
  (typeof RATE_DECK_KINDS)[number],
  readonly DeckOwnerType[]
>;
export const RATE_DECK_CHANGES = ["created", "imported", "edited", "restored"] as const;
export type RateDeckChange = (typeof RATE_DECK_CHANGES)[number];

export const DeckKind = z.enum(RATE_DECK_KINDS, { message: messageKey("invalid_option") });
export const DeckOwnerTypeSchema = z.enum(DECK_OWNER_TYPES, { message: messageKey("invalid_option") });

export const DeckName = z
  .string({ message: messageKey("required") })
  .trim()
  .min(1, messageKey("required"))
  .max(80, messageKey("too_long", { max: 80 }))
  .regex(/^[^\p{Cc}]*$/u, messageKey("invalid_input"));

const VersionNote = z
  .string()
  .trim()
  .max(200, messageKey("too_long", { max: 200 }))
  .regex(/^[^\p{Cc}]*$/u, messageKey("invalid_input"))
  .transform((v) => (v === "" ? null : v))
  .nullish();

export const DeckCreateInput = z
  .object({
    name: DeckName,
    kind: DeckKind,
    ownerType: DeckOwnerTypeSchema,
    ownerId: z.uuid({ message: tariffsError("owner_required") }),
    /** Start with a copy of another deck's current rates (e.g. a tenant's deck from its plan's). */
    copyFromDeckId: id.nullish(),
  })
  .refine((input) => (OWNER_TYPES_BY_KIND[input.kind] as readonly string[]).includes(input.ownerType), {
    path: ["ownerType"],
    message: tariffsError("owner_kind_mismatch"),
  });
export type DeckCreateInput = z.input<typeof DeckCreateInput>;

export const DeckUpdateInput = z.object({ id, data: z.object({ name: DeckName }) });
export type DeckUpdateInput = z.input<typeof DeckUpdateInput>;

export const DeckId = z.object({ id });

export const DeckListInput = z.object({
  kind: DeckKind.optional(),
  search: z
    .string()
    .trim()
    .max(80, messageKey("too_long", { max: 80 }))
    .optional(),
  /** The last row's name (names are unique). */
  cursor: z.string().max(80).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type DeckListInput = z.input<typeof DeckListInput>;

export const DeckOwner = z.object({
  type: DeckOwnerTypeSchema,
  id: z.string(),
  name: z.string(),
  /** A gateway's provider. */
  parentName: z.string().nullable(),
});
export type DeckOwner = z.infer<typeof DeckOwner>;

export const VersionRef = z.object({ id: z.string(), number: z.number().int() });

export const DeckSummary = z.object({
  id: z.string(),
  name: z.string(),
  kind: DeckKind,
  owner: DeckOwner,
  currentVersion: VersionRef.nullable(),
  rateCount: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type DeckSummary = z.infer<typeof DeckSummary>;

export const DeckPage = z.object({
  items: z.array(DeckSummary),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
  counts: z.object({ buy: z.number().int(), sell: z.number().int() }),
});
export type DeckPage = z.infer<typeof DeckPage>;

export const DeckDetail = DeckSummary.extend({ versionCount: z.number().int() });
export type DeckDetail = z.infer<typeof DeckDetail>;

/** Whether rated calls point at the deck's rates (then it cannot be deleted). */
export const DeckUsage = z.object({ inUse: z.boolean() });

export const OwnerOptionsInput = z.object({
  type: DeckOwnerTypeSchema,
  search: z
    .string()
    .trim()
    .max(80, messageKey("too_long", { max: 80 }))
    .optional(),
});
export type OwnerOptionsInput = z.input<typeof OwnerOptionsInput>;

export const OwnerOption = DeckOwner.extend({
  /** The deck it already has (one per owner), if any. */
  deck: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type OwnerOption = z.infer<typeof OwnerOption>;

// ---------------------------------------------------------------- rates

export const RATE_PRICE_EXAMPLE = { "pt-BR": "0,085", en: "0.085" } as const;

function moneyField(required: boolean) {
  return z.string({ message: messageKey("required") }).transform((value, ctx) => {
    const text = value.trim();
    if (text === "") {
      if (!required) return 0n;
      ctx.addIssue({ code: "custom", message: messageKey("required") });
      return z.NEVER;
    }
    const micros = parseRateMicros(text);
    if (micros === null) {
      ctx.addIssue({ code: "custom", message: tariffsError(/^\s*-/.test(text) ? "negative_money" : "invalid_money") });
      return z.NEVER;
    }
    return micros;
  });
}

function effectiveDate(value: string, ctx: z.RefinementCtx): Date {
  const date = parseEffectiveText(value);
  if (!date) {
    ctx.addIssue({ code: "custom", message: tariffsError("invalid_date") });
    return z.NEVER;
  }
  return date;
}

const effectiveFrom = z.string({ message: messageKey("required") }).transform((value, ctx) => {
  if (value.trim() !== "") return effectiveDate(value, ctx);
  ctx.addIssue({ code: "custom", message: messageKey("required") });
  return z.NEVER;
});

/** Empty: no end. */
const effectiveTo = z
  .string()
  .nullish()
  .transform((value, ctx) => (!value || value.trim() === "" ? null : effectiveDate(value, ctx)));

/**
 * One rate as the form and the procedures take it: text as typed, parsed into integer micro-reais,
 * whole seconds and instants. `increment` is "min/increment" ("30/6").
 */
export const RateFields = z
  .object({
    prefix: z.string({ message: messageKey("required") }).transform((value, ctx) => {
      if (value.trim() === "") {
        ctx.addIssue({ code: "custom", message: messageKey("required") });
        return z.NEVER;
      }
      const prefix = normalizePrefix(value);
      if (!prefix) {
        ctx.addIssue({ code: "custom", message: tariffsError("invalid_prefix") });
        return z.NEVER;
      }
      return prefix;
    }),
    description: z
      .string({ message: messageKey("required") })
      .trim()
      .min(1, messageKey("required"))
      .max(120, messageKey("too_long", { max: 120 }))
      .regex(/^[^\p{Cc}]*$/u, messageKey("invalid_input")),
    pricePerMinute: moneyField(true),
    connectionFee: moneyField(false),
    increment: z.string({ message: messageKey("required") }).transform((value, ctx) => {
      const parsed = parseIncrementText(value);
      if (!parsed) {
        ctx.addIssue({ code: "custom", message: tariffsError("invalid_increment") });
        return z.NEVER;
      }
      return parsed;
    }),
    effectiveFrom,
    effectiveTo,
  })
  .superRefine((rate, ctx) => {
    if (rate.effectiveTo && rate.effectiveTo.getTime() <= rate.effectiveFrom.getTime()) {
      ctx.addIssue({ code: "custom", path: ["effectiveTo"], message: tariffsError("to_before_from") });
    }
  });
export type RateFieldsInput = z.input<typeof RateFields>;
export type RateFieldsOutput = z.output<typeof RateFields>;
export const RATE_FIELD_NAMES = [
  "prefix",
  "description",
  "pricePerMinute",
  "connectionFee",
  "increment",
  "effectiveFrom",
  "effectiveTo",
] as const;

export const RateCreateInput = z.object({ deckId: id, data: RateFields, note: VersionNote });
export type RateCreateInput = z.input<typeof RateCreateInput>;
/** `id` is a rate of the deck's current version (or an earlier row of the same prefix and start). */
export const RateUpdateInput = z.object({ id, data: RateFields, note: VersionNote });
export type RateUpdateInput = z.input<typeof RateUpdateInput>;
export const RateDeleteInput = z.object({ id, note: VersionNote });
export type RateDeleteInput = z.input<typeof RateDeleteInput>;

export const RateView = z.object({
  id: z.string(),
  prefix: z.string(),
  description: z.string(),
  pricePerMinuteMicros: z.bigint(),
  connectionFeeMicros: z.bigint(),
  minSeconds: z.number().int(),
  incrementSeconds: z.number().int(),
  effectiveFrom: z.date(),
  effectiveTo: z.date().nullable(),
});
export type RateView = z.infer<typeof RateView>;

/** Keyset position in (prefix, effectiveFrom) order: "5511:1767236400000". */
const RATE_CURSOR = /^\d{1,15}:-?\d{1,15}$/;

export const RateListInput = z.object({
  deckId: id,
  /** Any version of the deck; the current one when omitted. */
  versionId: id.nullish(),
  /** Digits: prefixes starting with them (and descriptions containing them); text: descriptions containing it. */
  search: z
    .string()
    .trim()
    .max(80, messageKey("too_long", { max: 80 }))
    .optional(),
  cursor: z.string().regex(RATE_CURSOR).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type RateListInput = z.input<typeof RateListInput>;

export const VersionView = z.object({
  id: z.string(),
  number: z.number().int(),
  change: z.enum(RATE_DECK_CHANGES),
  note: z.string().nullable(),
  rateCount: z.number().int(),
  added: z.number().int(),
  changed: z.number().int(),
  removed: z.number().int(),
  createdBy: z.object({ id: z.string(), email: z.string(), name: z.string() }).nullable(),
  createdAt: z.date(),
  current: z.boolean(),
});
export type VersionView = z.infer<typeof VersionView>;

export const RatePage = z.object({
  version: VersionView.nullable(),
  items: z.array(RateView),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
});
export type RatePage = z.infer<typeof RatePage>;

// ---------------------------------------------------------------- versions

export const VersionListInput = z.object({
  deckId: id,
  /** The last row's number (newest first). */
  cursor: z.number().int().min(1).nullish(),
  limit: z.number().int().min(1).max(100).default(20),
});
export type VersionListInput = z.input<typeof VersionListInput>;

export const VersionPage = z.object({ items: z.array(VersionView), nextCursor: z.number().int().nullable() });
export type VersionPage = z.infer<typeof VersionPage>;

export const DIFF_KINDS = ["added", "removed", "changed"] as const;
export type DiffKind = (typeof DIFF_KINDS)[number];

export const VersionDiffInput = z.object({
  deckId: id,
  fromVersionId: id,
  toVersionId: id,
  cursor: z.string().regex(RATE_CURSOR).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type VersionDiffInput = z.input<typeof VersionDiffInput>;

export const VersionDiff = z.object({
  from: VersionRef,
  to: VersionRef,
  counts: z.object({ added: z.number().int(), removed: z.number().int(), changed: z.number().int() }),
  /** A rate is the same prefix and start in both versions; "changed" when anything else differs. */
  items: z.array(z.object({ kind: z.enum(DIFF_KINDS), before: RateView.nullable(), after: RateView.nullable() })),
  nextCursor: z.string().nullable(),
});
export type VersionDiff = z.infer<typeof VersionDiff>;

export const VersionRestoreInput = z.object({ versionId: id, note: VersionNote });
export type VersionRestoreInput = z.input<typeof VersionRestoreInput>;

export const VersionChangeResult = z.object({ deckId: z.string(), version: VersionView });
export type VersionChangeResult = z.infer<typeof VersionChangeResult>;

// ---------------------------------------------------------------- CSV

/** The import and export columns, in this order. */
export const RATE_CSV_COLUMNS = [
  "prefix",
  "description",
  "price_per_minute",
  "connection_fee",
  "min_seconds",
  "increment_seconds",
  "effective_from",
  "effective_to",
] as const;
export type RateCsvColumn = (typeof RATE_CSV_COLUMNS)[number];
/** Columns a file may leave out: a fee of 0, 0/1 billing, no end date. */
export const RATE_CSV_OPTIONAL_COLUMNS = ["connection_fee", "min_seconds", "increment_seconds", "effective_to"] as const;
export const RATE_IMPORT_MAX_BYTES = 10 * 1024 * 1024;
export const RATE_IMPORT_MAX_ROWS = 100_000;
/** Bad lines listed in full; the rest are counted. */
export const RATE_IMPORT_MAX_ERRORS = 200;

export const IMPORT_MODES = ["replace", "merge"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const RateImportInput = z.object({
  deckId: id,
  /**
   * replace: the file becomes the deck's new version. merge: the file's prices apply on the
   * periods they cover, the deck's current prices everywhere else (a current rate is shortened,
   * or split in two, where the file starts another price for its prefix).
   */
  mode: z.enum(IMPORT_MODES, { message: messageKey("invalid_option") }),
  note: VersionNote,
  csv: z
    .string({ message: messageKey("required") })
    .min(1, tariffsCsvError("empty_file"))
    .max(RATE_IMPORT_MAX_BYTES, tariffsCsvError("too_large", { max: "10 MB" })),
});
export type RateImportInput = z.input<typeof RateImportInput>;

export const ImportLineError = z.object({ line: z.number().int(), reason: z.string() });
export type ImportLineError = z.infer<typeof ImportLineError>;

export const RateImportResult = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), rows: z.number().int(), version: VersionView }),
  z.object({
    ok: z.literal(false),
    /** Data lines read (the header and blank lines excluded). */
    rows: z.number().int(),
    /** Lines with a problem: the first RATE_IMPORT_MAX_ERRORS of them, in line order. */
    errors: z.array(ImportLineError),
    badLines: z.number().int(),
  }),
]);
export type RateImportResult = z.infer<typeof RateImportResult>;

export const RateExportInput = z.object({ deckId: id, versionId: id.nullish() });
export type RateExportInput = z.input<typeof RateExportInput>;
export const RateExportOutput = z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int() });

// ---------------------------------------------------------------- simulator

export const SimulateInput = z.object({
  tenantId: z.uuid({ message: tariffsError("tenant_required") }),
  /** Any way a person types a number. */
  number: z
    .string({ message: messageKey("required") })
    .trim()
    .min(1, messageKey("required"))
    .max(40, messageKey("too_long", { max: 40 }))
    .regex(/^\+?[\d\s().-]+$/, tariffsError("invalid_number")),
  /** Seconds, m:ss or h:mm:ss. */
  duration: z.string({ message: messageKey("required") }).transform((value, ctx) => {
    const seconds = parseDurationText(value);
    if (seconds === null || seconds > MAX_SIMULATED_SECONDS) {
      ctx.addIssue({ code: "custom", message: tariffsError("invalid_duration") });
      return z.NEVER;
    }
    return seconds;
  }),
  /** The carrier to price the buy side with; the route's first gateway when omitted. */
  gatewayId: id.nullish(),
  /** When the call starts (São Paulo time as typed, or an ISO instant); now when empty. */
  at: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (!value || value.trim() === "") return null;
      const date = parseEffectiveText(value);
      if (!date) {
        ctx.addIssue({ code: "custom", message: tariffsError("invalid_date") });
        return z.NEVER;
      }
      return date;
    }),
});
export type SimulateInput = z.input<typeof SimulateInput>;

const SimulatedSide = z.object({
  deck: z.object({ id: z.string(), name: z.string(), versionId: z.string(), versionNumber: z.number().int() }).nullable(),
  rate: RateView.nullable(),
  billedSeconds: z.number().int(),
  /** What this side's rate charges for the call; null without a rate. */
  chargeMicros: z.bigint().nullable(),
});
export type SimulatedSide = z.infer<typeof SimulatedSide>;

export const SimulateOutput = z.object({
  /** E.164 digits the rates were matched on. */
  number: z.string(),
  /** False when the number is not a valid phone number: it is matched digit by digit as typed. */
  validNumber: z.boolean(),
  at: z.date(),
  answeredSec: z.number().int(),
  tenant: z.object({ id: z.string(), name: z.string() }),
  route: z.object({ id: z.string(), name: z.string(), pattern: z.string() }).nullable(),
  gateway: z.object({ id: z.string(), name: z.string(), providerName: z.string() }).nullable(),
  gatewaySource: z.enum(["chosen", "route", "none"]),
  sell: SimulatedSide,
  buy: SimulatedSide,
  /** Exactly what a rating run stores for this call. */
  charge: z.object({
    status: z.enum(["rated", "unratable"]),
    unratableReason: z.enum(UNRATABLE_REASONS).nullable(),
    destination: z.string().nullable(),
    priceMicros: z.bigint().nullable(),
    costMicros: z.bigint().nullable(),
    marginMicros: z.bigint().nullable(),
    /** Margin over price in basis points (2500 = 25.00 %); null when there is no price. */
    marginBasisPoints: z.number().int().nullable(),
  }),
});
export type SimulateOutput = z.infer<typeof SimulateOutput>;
