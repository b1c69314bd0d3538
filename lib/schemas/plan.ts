import { z } from "zod";
import { messageKey, type MessageKey, type Params } from "@/lib/i18n";
import { parseBrl } from "@/lib/money";

/** The closed list of feature flags a plan can grant (stored in Plan.features). */
export const PLAN_FEATURES = ["call_recording", "monitoring", "automations", "chatbot", "api_access", "route_overrides"] as const;
export type PlanFeature = (typeof PLAN_FEATURES)[number];

/** Counts fit PostgreSQL's int column with room to spare; no real plan comes close. */
export const MAX_PLAN_LIMIT = 1_000_000;

export function isPlanFeature(value: string): value is PlanFeature {
  return (PLAN_FEATURES as readonly string[]).includes(value);
}

/**
 * The known flags among stored ones, in PLAN_FEATURES order. Rows written before the list was
 * closed (or by an older seed) may hold other strings: they grant nothing and are not shown.
 */
export function knownPlanFeatures(stored: readonly string[]): PlanFeature[] {
  return PLAN_FEATURES.filter((feature) => stored.includes(feature));
}

/** An encoded message of the plans area ("plans.errors.code_taken?…"), translated like messageKey's. */
export function plansMessage(key: Extract<MessageKey, `plans.${string}`>, params?: Params): string {
  const query = params ? `?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}` : "";
  return `${key}${query}`;
}

export const PlanCode = z
  .string({ message: messageKey("required") })
  .trim()
  .toLowerCase()
  .min(2, { message: messageKey("too_short", { min: 2 }), abort: true })
  .max(40, messageKey("too_long", { max: 40 }))
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, plansMessage("plans.errors.code_invalid"));

/** A BRL amount typed either way ("1.234,56" or "1234.56"), normalized to "1234.56". */
const MonthlyPrice = z.union([z.string(), z.number()], { message: messageKey("required") }).transform((value, ctx) => {
  const text = String(value).trim();
  if (text === "") {
    ctx.addIssue({ code: "custom", message: messageKey("required") });
    return z.NEVER;
  }
  const amount = parseBrl(text);
  if (amount === null) {
    ctx.addIssue({ code: "custom", message: plansMessage("plans.errors.price_invalid") });
    return z.NEVER;
  }
  return amount;
});

/** A non-negative whole count; forms hand it over as text, API clients as a number. */
function planLimit(min: number) {
  return z.union([z.number(), z.string()], { message: messageKey("required") }).transform((value, ctx) => {
    const text = String(value).trim();
    const fail = (message: string) => {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    };
    if (text === "") return fail(messageKey("required"));
    if (!/^-?\d+$/.test(text)) return fail(plansMessage("plans.errors.limit_integer"));
    const count = Number(text);
    if (count < min) return fail(plansMessage("plans.errors.limit_min", { min }));
    if (count > MAX_PLAN_LIMIT) return fail(plansMessage("plans.errors.limit_max", { max: MAX_PLAN_LIMIT }));
    return count;
  });
}

const PlanFeatures = z
  .array(z.enum(PLAN_FEATURES, { message: plansMessage("plans.errors.feature_unknown") }))
  .max(PLAN_FEATURES.length * 2)
  .transform((features) => knownPlanFeatures(features));

// Without defaults: an update that leaves `features` out must keep them, not reset them to [].
const PlanColumns = z.object({
  code: PlanCode,
  name: z
    .string({ message: messageKey("required") })
    .trim()
    .min(1, { message: messageKey("required"), abort: true })
    .max(80, messageKey("too_long", { max: 80 })),
  monthlyPrice: MonthlyPrice,
  maxUsers: planLimit(1),
  maxExtensions: planLimit(0),
  maxDids: planLimit(0),
  maxConcurrentCalls: planLimit(0),
  features: PlanFeatures,
});

export const PlanFields = PlanColumns.extend({ features: PlanFeatures.default([]) });
export type PlanFields = z.input<typeof PlanFields>;

export const PlanCreateInput = PlanFields;
export type PlanCreateInput = z.input<typeof PlanCreateInput>;

export const PlanId = z.object({ id: z.uuid({ message: messageKey("invalid_id") }) });

/** The code is immutable: sending one is refused (with a field error), not silently dropped. */
export const PlanUpdateInput = z.object({
  id: z.uuid({ message: messageKey("invalid_id") }),
  data: PlanColumns.omit({ code: true })
    .partial()
    .extend({ code: z.never({ message: plansMessage("plans.errors.code_immutable") }).optional() }),
});
export type PlanUpdateInput = z.input<typeof PlanUpdateInput>;

export const PlanListInput = z.object({ includeArchived: z.boolean().default(false) }).default({ includeArchived: false });
export type PlanListInput = z.input<typeof PlanListInput>;

export const PlanOutput = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  /** BRL, two decimals, as text ("1234.56"). */
  monthlyPrice: z.string(),
  maxUsers: z.number().int(),
  maxExtensions: z.number().int(),
  maxDids: z.number().int(),
  maxConcurrentCalls: z.number().int(),
  features: z.array(z.enum(PLAN_FEATURES)),
  archivedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  /** Tenants on the plan, whatever their status. */
  tenantCount: z.number().int(),
});
export type PlanOutput = z.infer<typeof PlanOutput>;
