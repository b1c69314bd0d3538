import { z } from "zod";
import { messageKey, type Params } from "@/lib/i18n";
import { ScoreContribution } from "./score";
import { LeadSource, LeadStatus } from "./lead";

/** Validation messages of this area: "scoring.errors.<code>" keys with query-style parameters (lib/i18n). */
function scoringMessage(code: string, params?: Params): string {
  const query = params ? `?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}` : "";
  return `scoring.errors.${code}${query}`;
}

/** A whole number between min and max; an empty form field arrives as NaN and reads as "required". */
function integer(min: number, max: number) {
  return z
    .number({ message: messageKey("required") })
    .int(scoringMessage("integer"))
    .min(min, scoringMessage("range", { min, max }))
    .max(max, scoringMessage("range", { min, max }));
}

const Days = integer(1, 3650);
const Tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, messageKey("required"))
  .max(40, messageKey("too_long", { max: 40 }));

function distinct<T extends z.ZodType>(item: T, max: number) {
  return z
    .array(item, { message: scoringMessage("pick_one") })
    .min(1, scoringMessage("pick_one"))
    .max(max, scoringMessage("too_many", { max }))
    .transform((values) => [...new Set(values)] as z.output<T>[]);
}

/**
 * What a rule tests. Field conditions read the lead's own columns; behaviour conditions read its
 * timeline (Activity). `withinDays` counts calendar days in America/Sao_Paulo, today included:
 * withinDays 7 = today and the 6 days before.
 *
 * `days_since_contact` is the decay rule: once more than `afterDays` calendar days have passed since
 * the last call, e-mail or meeting (or since the lead was created, if never contacted), each extra
 * day adds `pointsPerDay` (negative), and the total never goes below `maxPoints` (negative, the cap).
 * Its rule's `points` column holds that cap, so `points` always means "the most this rule can add
 * or take away".
 */
export const ScoringCondition = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("employees_at_least"), min: integer(1, 1_000_000) }),
    z.object({ type: z.literal("source_in"), sources: distinct(LeadSource, 7) }),
    z.object({ type: z.literal("status_in"), statuses: distinct(LeadStatus, 5) }),
    z.object({ type: z.literal("has_cnpj") }),
    z.object({ type: z.literal("has_email") }),
    z.object({ type: z.literal("has_phone") }),
    z.object({ type: z.literal("email_domain_free") }),
    z.object({ type: z.literal("email_domain_not_free") }),
    z.object({ type: z.literal("tag_any"), tags: distinct(Tag, 20) }),
    z.object({ type: z.literal("answered_call"), withinDays: Days.nullish() }),
    z.object({ type: z.literal("proposal_viewed"), withinDays: Days.nullish() }),
    z.object({
      type: z.literal("days_since_contact"),
      afterDays: integer(0, 3650),
      pointsPerDay: integer(-1000, -1),
      maxPoints: integer(-1000, -1),
    }),
  ],
  { message: messageKey("invalid_option") },
);
export type ScoringCondition = z.output<typeof ScoringCondition>;
export type ScoringConditionType = ScoringCondition["type"];
export const CONDITION_TYPES = ScoringCondition.options.map((o) => o.shape.type.value) as ScoringConditionType[];

/** Conditions whose answer changes with the passing of days alone, without any event on the lead. */
export function isTimeDependent(condition: ScoringCondition): boolean {
  if (condition.type === "days_since_contact") return true;
  if (condition.type === "answered_call" || condition.type === "proposal_viewed") return condition.withinDays != null;
  return false;
}

const Points = z
  .number({ message: messageKey("required") })
  .int(scoringMessage("integer"))
  .min(-1000, scoringMessage("range", { min: -1000, max: 1000 }))
  .max(1000, scoringMessage("range", { min: -1000, max: 1000 }))
  .refine((n) => n !== 0, scoringMessage("points_nonzero"));

/**
 * A rule as the form and the API send it. `points` is required except for the decay rule, whose
 * stored points are its `maxPoints` (see ScoringCondition): there `points` may be left out, and
 * whatever valid value is sent is replaced. Points are checked in the object's shape, so their
 * error shows together with the condition's.
 */
export const ScoringRuleFields = z
  .object({
    name: z
      .string({ message: messageKey("required") })
      .trim()
      .min(1, messageKey("required"))
      .max(80, messageKey("too_long", { max: 80 })),
    points: Points.nullish(),
    condition: ScoringCondition,
    enabled: z.boolean().default(true),
  })
  .transform((rule, ctx) => {
    if (rule.condition.type === "days_since_contact") return { ...rule, points: rule.condition.maxPoints };
    if (rule.points == null) {
      ctx.addIssue({ code: "custom", path: ["points"], message: messageKey("required") });
      return z.NEVER;
    }
    return { ...rule, points: rule.points };
  });
export type ScoringRuleFields = z.input<typeof ScoringRuleFields>;
export type ScoringRuleData = z.output<typeof ScoringRuleFields>;

const RuleId = z.uuid({ message: messageKey("invalid_id") });

export const ScoringRuleId = z.object({ id: RuleId });
export const ScoringRuleCreateInput = ScoringRuleFields;
/** Updates replace the whole rule: a condition's parameters only make sense with its type. */
export const ScoringRuleUpdateInput = z.object({ id: RuleId, data: ScoringRuleFields });
export const ScoringRuleToggleInput = z.object({ id: RuleId, enabled: z.boolean() });
export const ScoringRuleReorderInput = z.object({
  ids: z
    .array(RuleId)
    .min(1)
    .max(200)
    .refine((ids) => new Set(ids).size === ids.length, scoringMessage("duplicate_ids")),
});

export const ScoringRuleOutput = z.object({
  id: z.string(),
  name: z.string(),
  points: z.number().int(),
  condition: ScoringCondition,
  enabled: z.boolean(),
  position: z.number().int(),
  updatedAt: z.date(),
});
export type ScoringRuleOutput = z.infer<typeof ScoringRuleOutput>;

export const RecommendedRule = z.object({ name: z.string(), points: z.number().int(), condition: ScoringCondition });
export const RecommendedRules = z.object({ rules: z.array(RecommendedRule), tenantHasRules: z.boolean() });
export type RecommendedRules = z.infer<typeof RecommendedRules>;

export const RecomputeInput = z.object({ cursor: z.uuid().nullish() });
export const RecomputeProgress = z.object({
  done: z.boolean(),
  /** Leads of the tenant when this batch started. */
  total: z.number().int(),
  /** Leads rescored so far, this batch included (for the progress bar). */
  processed: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type RecomputeProgress = z.infer<typeof RecomputeProgress>;

export const SCORE_BUCKETS = 10;
export const ScoreDistribution = z.object({
  /** buckets[i] counts scores in [10·i, 10·i+9]; the last one is 90 and above. */
  buckets: z.array(z.object({ from: z.number().int(), to: z.number().int().nullable(), count: z.number().int() })),
  total: z.number().int(),
});
export type ScoreDistribution = z.infer<typeof ScoreDistribution>;

export const ExplainInput = z.object({ leadId: z.uuid({ message: messageKey("invalid_id") }) });
export const ScoreExplanation = z.object({
  stored: z.object({ score: z.number().int(), contributions: z.array(ScoreContribution), scoredAt: z.date().nullable() }),
  fresh: z.object({ score: z.number().int(), contributions: z.array(ScoreContribution) }),
  /** The stored score differs from what the rules give now (a rescore is pending). */
  stale: z.boolean(),
});
export type ScoreExplanation = z.infer<typeof ScoreExplanation>;

export const CrmSettings = z.object({ leadVisibility: z.enum(["owner", "shared"]) });
export type CrmSettings = z.infer<typeof CrmSettings>;
export const CrmSettingsUpdateInput = z.object({ leadVisibility: z.enum(["owner", "shared"], { message: messageKey("invalid_option") }) });
