import type { ScoringCondition, ScoringConditionType } from "@/lib/schemas/scoring";

export const FIELD_CONDITIONS: readonly ScoringConditionType[] = [
  "employees_at_least",
  "source_in",
  "status_in",
  "has_cnpj",
  "has_email",
  "has_phone",
  "email_domain_not_free",
  "email_domain_free",
  "tag_any",
];
export const BEHAVIOUR_CONDITIONS: readonly ScoringConditionType[] = ["answered_call", "proposal_viewed", "days_since_contact"];

/** Sensible parameters when a condition type is picked in the form (the user adjusts them). */
export function conditionDefaults(type: ScoringConditionType): ScoringCondition {
  switch (type) {
    case "employees_at_least":
      return { type, min: 50 };
    case "source_in":
      return { type, sources: [] };
    case "status_in":
      return { type, statuses: [] };
    case "tag_any":
      return { type, tags: [] };
    case "answered_call":
      return { type, withinDays: 30 };
    case "proposal_viewed":
      return { type, withinDays: 14 };
    case "days_since_contact":
      return { type, afterDays: 14, pointsPerDay: -2, maxPoints: -30 };
    default:
      return { type } as ScoringCondition;
  }
}

/** The form field paths a server field error may name, so it lands inline on the right input. */
export const RULE_FORM_FIELDS = [
  "name",
  "points",
  "condition.type",
  "condition.min",
  "condition.sources",
  "condition.statuses",
  "condition.tags",
  "condition.withinDays",
  "condition.afterDays",
  "condition.pointsPerDay",
  "condition.maxPoints",
] as const;
