import { z } from "zod";
import { messageKey } from "@/lib/i18n";
import { parseBrl } from "@/lib/money";

// Opportunity values travel as decimal strings with two places ("1234.56", see lib/money.ts) and
// are added up in integer cents (BigInt), never in floating point: R$ 0,10 + R$ 0,20 is R$ 0,30.

export const OPPORTUNITY_STATUSES = ["open", "won", "lost"] as const;
export const OpportunityStatus = z.enum(OPPORTUNITY_STATUSES, { message: messageKey("invalid_option") });
export type OpportunityStatus = z.infer<typeof OpportunityStatus>;

/** Common reasons offered when an opportunity is lost (the user may also type one). */
export const LOST_REASONS = ["price", "competitor", "no_budget", "no_response", "timing"] as const;

export const OPPORTUNITY_SORTS = ["created_desc", "value_desc", "value_asc", "close_asc", "stage_age_desc"] as const;
export const OpportunitySort = z.enum(OPPORTUNITY_SORTS, { message: messageKey("invalid_option") });
export type OpportunitySort = z.infer<typeof OpportunitySort>;

// ---------------------------------------------------------------- decimal amounts

const AMOUNT = /^(\d+)\.(\d{2})$/;

/** "1234.56" → 123456n. Throws on anything but a canonical amount (a programming error). */
export function toCents(amount: string): bigint {
  const match = AMOUNT.exec(amount);
  if (!match) throw new Error(`not a canonical amount: ${amount}`);
  return BigInt(match[1]!) * 100n + BigInt(match[2]!);
}

/** 123456n → "1234.56". */
export function fromCents(cents: bigint): string {
  const sign = cents < 0n ? "-" : "";
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

/** Exact sum of canonical amounts. */
export function sumAmounts(amounts: readonly string[]): string {
  return fromCents(amounts.reduce((sum, a) => sum + toCents(a), 0n));
}

/** quantity × unit price, exact. */
export function lineAmount(quantity: number, unitPrice: string): string {
  return fromCents(BigInt(quantity) * toCents(unitPrice));
}

/** amount × probability / 100, rounded half up to the cent (the only rounding in a weighted total). */
export function weightedAmount(amount: string, probability: number): string {
  const scaled = toCents(amount) * BigInt(probability);
  return fromCents((scaled + 50n) / 100n);
}

// ---------------------------------------------------------------- fields

const id = z.uuid({ message: messageKey("invalid_id") });

/** An amount typed either way ("1.234,56" or "1234.56"), carried on as "1234.56". */
export const AmountInput = z
  .string({ message: messageKey("required") })
  .trim()
  .min(1, messageKey("required"))
  .max(30, messageKey("too_long", { max: 30 }))
  .transform((value, ctx) => {
    const amount = parseBrl(value);
    if (amount === null) {
      ctx.addIssue({ code: "custom", message: "pipelines.errors.invalid_amount" });
      return z.NEVER;
    }
    return amount;
  });

/** A calendar date "YYYY-MM-DD" (no time zone: an expected close date is a day, not an instant). */
export const DayInput = z
  .string()
  .trim()
  .transform((value, ctx) => {
    if (value === "") return null;
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
    if (!date || date.toISOString().slice(0, 10) !== value || date.getUTCFullYear() < 2000 || date.getUTCFullYear() > 2100) {
      ctx.addIssue({ code: "custom", message: "pipelines.errors.invalid_date" });
      return z.NEVER;
    }
    return value;
  })
  .nullable()
  .optional();

export const OpportunityLineInput = z.object({
  description: z
    .string({ message: messageKey("required") })
    .trim()
    .min(1, messageKey("required"))
    .max(120, messageKey("too_long", { max: 120 })),
  quantity: z.coerce
    .number({ message: "pipelines.errors.invalid_quantity" })
    .int("pipelines.errors.invalid_quantity")
    .min(1, "pipelines.errors.invalid_quantity")
    .max(100_000, "pipelines.errors.invalid_quantity"),
  unitPrice: AmountInput,
});
export type OpportunityLineInput = z.input<typeof OpportunityLineInput>;

const title = z
  .string()
  .trim()
  .max(120, messageKey("too_long", { max: 120 }));

export const OpportunityFields = z.object({
  /** Empty: the linked lead's company (or name). Required when there is no lead. */
  title: title.optional(),
  leadId: id.nullable().optional(),
  /** Ignored when there are lines: the value is then their sum, computed on the server. */
  value: AmountInput.optional(),
  expectedCloseOn: DayInput,
  /** Omitted: the first stage of the first pipeline. The stage decides the pipeline. */
  stageId: id.optional(),
  /** Omitted: whoever creates it (when a member does). Reps may only choose themselves. */
  ownerId: id.nullable().optional(),
  lines: z.array(OpportunityLineInput).max(50, "pipelines.errors.too_many_lines").optional(),
});

export const OpportunityCreateInput = OpportunityFields;
export type OpportunityCreateInput = z.input<typeof OpportunityCreateInput>;

export const OpportunityId = z.object({ id });

export const OpportunityUpdateInput = z.object({ id, data: OpportunityFields });
export type OpportunityUpdateInput = z.input<typeof OpportunityUpdateInput>;

const reason = z
  .string({ message: "pipelines.errors.reason_required" })
  .trim()
  .max(200, messageKey("too_long", { max: 200 }));

export const OpportunityWinInput = z.object({
  id,
  reason: reason.transform((v) => (v === "" ? null : v)).optional(),
});
export const OpportunityLoseInput = z.object({ id, reason: reason.min(1, "pipelines.errors.reason_required") });

export const OpportunityMoveInput = z.object({ id, toStageId: id, fromStageId: id });
export type OpportunityMoveInput = z.infer<typeof OpportunityMoveInput>;

export const OpportunityListInput = z.object({
  status: OpportunityStatus.optional(),
  pipelineId: id.optional(),
  stageId: id.optional(),
  owner: z.union([z.literal("me"), z.literal("none"), id]).optional(),
  leadId: id.optional(),
  closeFrom: DayInput,
  closeTo: DayInput,
  minValue: AmountInput.optional(),
  search: z
    .string()
    .trim()
    .max(100, messageKey("too_long", { max: 100 }))
    .optional(),
  sort: OpportunitySort.default("created_desc"),
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type OpportunityListInput = z.input<typeof OpportunityListInput>;

// ---------------------------------------------------------------- outputs

const ref = z.object({ id: z.string(), name: z.string() });

export const OpportunityOutput = z.object({
  id: z.string(),
  title: z.string(),
  value: z.string(),
  status: OpportunityStatus,
  stage: ref,
  pipeline: ref,
  owner: ref.nullable(),
  lead: ref.nullable(),
  expectedCloseOn: z.string().nullable(),
  closeReason: z.string().nullable(),
  closedAt: z.date().nullable(),
  createdAt: z.date(),
  stageEnteredAt: z.date(),
});
export type OpportunityOutput = z.infer<typeof OpportunityOutput>;

export const OpportunityLineOutput = z.object({
  id: z.string(),
  description: z.string(),
  quantity: z.number().int(),
  unitPrice: z.string(),
  amount: z.string(),
});
export type OpportunityLineOutput = z.infer<typeof OpportunityLineOutput>;

export const OpportunityDetail = OpportunityOutput.extend({
  lines: z.array(OpportunityLineOutput),
  updatedAt: z.date(),
});
export type OpportunityDetail = z.infer<typeof OpportunityDetail>;

export const OpportunityPage = z.object({
  items: z.array(OpportunityOutput),
  nextCursor: z.string().nullable(),
  totals: z.object({ count: z.number().int(), value: z.string() }),
});
export type OpportunityPage = z.infer<typeof OpportunityPage>;
