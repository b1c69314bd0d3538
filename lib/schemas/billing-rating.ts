import { z } from "zod";
import { BillingMonth, UNRATABLE_REASONS } from "./billing";

// admin.rating (issue 7): rating runs, re-rating a period and the calls that could not be rated.
// Inputs are shared by the console's forms (zodResolver) and the procedures.

export const RATING_RUN_KINDS = ["rate", "rerate"] as const;
export type RatingRunKind = (typeof RATING_RUN_KINDS)[number];

export const BILLING_RUN_STATUSES = ["queued", "running", "done", "failed"] as const;
export type BillingRunStatus = (typeof BILLING_RUN_STATUSES)[number];

export type UnratableReason = (typeof UNRATABLE_REASONS)[number];

const Id = z.uuid({ message: "errors.invalid_id" });

/** A calendar day as the date input gives it ("2026-10-31"), São Paulo calendar. */
export const BillingDay = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: "rating.errors.invalid_date" })
  .refine((day) => !Number.isNaN(Date.parse(`${day}T12:00:00Z`)) && new Date(`${day}T12:00:00Z`).toISOString().startsWith(day), {
    message: "rating.errors.invalid_date",
  });

export const RatingRunTenant = z.object({ id: z.uuid(), slug: z.string(), name: z.string() });

export const RatingRunView = z.object({
  id: z.uuid(),
  kind: z.enum(RATING_RUN_KINDS),
  status: z.enum(BILLING_RUN_STATUSES),
  /** Half-open [periodStart, periodEnd); null for a "rate new calls" run. */
  periodStart: z.date().nullable(),
  periodEnd: z.date().nullable(),
  tenant: RatingRunTenant.nullable(),
  total: z.number().int(),
  processed: z.number().int(),
  rated: z.number().int(),
  unratable: z.number().int(),
  skipped: z.number().int(),
  error: z.string().nullable(),
  /** The console user who asked for it; null for the scheduler. */
  requestedBy: z.string().nullable(),
  createdAt: z.date(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
});
export type RatingRunView = z.infer<typeof RatingRunView>;

export const RatingRunListInput = z.object({
  cursor: Id.optional(),
  limit: z.number().int().min(1).max(100).default(20),
});
export type RatingRunListInput = z.input<typeof RatingRunListInput>;

export const RatingRunPage = z.object({ items: RatingRunView.array(), nextCursor: z.uuid().nullable() });
export type RatingRunPage = z.infer<typeof RatingRunPage>;

export const RatingRunId = z.object({ id: Id });

export const RateNowInput = z.object({ tenantId: Id.optional() }).default({});

/**
 * Re-rating a period: a billing month, or a range of days (both inclusive), optionally one tenant.
 * Exactly one of the two forms; the server refuses a period that has not started yet.
 */
export const RerateInput = z
  .object({
    month: BillingMonth.optional(),
    from: BillingDay.optional(),
    to: BillingDay.optional(),
    tenantId: Id.optional(),
  })
  .superRefine((input, ctx) => {
    const range = input.from !== undefined || input.to !== undefined;
    if (input.month !== undefined && range) {
      ctx.addIssue({ code: "custom", path: ["month"], message: "rating.errors.month_or_range" });
      return;
    }
    if (input.month === undefined && !range) {
      ctx.addIssue({ code: "custom", path: ["month"], message: "rating.errors.period_required" });
      return;
    }
    if (range) {
      if (input.from === undefined) ctx.addIssue({ code: "custom", path: ["from"], message: "errors.required" });
      if (input.to === undefined) ctx.addIssue({ code: "custom", path: ["to"], message: "errors.required" });
      if (input.from !== undefined && input.to !== undefined && input.to < input.from) {
        ctx.addIssue({ code: "custom", path: ["to"], message: "rating.errors.period_order" });
      }
    }
  });
export type RerateInput = z.infer<typeof RerateInput>;

export const RatingRunStarted = z.object({ runId: z.uuid() });

export const UnratableListInput = z.object({
  tenantId: Id.optional(),
  reason: z.enum(UNRATABLE_REASONS, { message: "errors.invalid_option" }).optional(),
  cursor: Id.optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type UnratableListInput = z.input<typeof UnratableListInput>;

export const UnratableCharge = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  tenant: RatingRunTenant,
  direction: z.enum(["inbound", "outbound", "internal"]),
  number: z.string(),
  reason: z.enum(UNRATABLE_REASONS),
  callStartedAt: z.date(),
  answeredSec: z.number().int(),
  gatewayName: z.string().nullable(),
  /** The sell side's destination when only the buy side is missing. */
  destination: z.string().nullable(),
  ratedAt: z.date(),
});
export type UnratableCharge = z.infer<typeof UnratableCharge>;

export const UnratablePage = z.object({ items: UnratableCharge.array(), nextCursor: z.uuid().nullable() });
export type UnratablePage = z.infer<typeof UnratablePage>;

export const UnratableSummary = z.object({
  total: z.number().int(),
  byReason: z.object({
    no_sell_deck: z.number().int(),
    no_sell_rate: z.number().int(),
    no_buy_deck: z.number().int(),
    no_buy_rate: z.number().int(),
  }),
});
export type UnratableSummary = z.infer<typeof UnratableSummary>;

export const UnratableSummaryInput = z.object({ tenantId: Id.optional() }).default({});

export const RatingTenantOptionsInput = z
  .object({
    search: z.string().trim().max(80).optional(),
    /** The company already picked: always among the options, so its name can be shown. */
    selectedId: Id.optional(),
  })
  .default({});
export const RatingTenantOption = RatingRunTenant;
export type RatingTenantOption = z.infer<typeof RatingTenantOption>;
