import type { MessageKey, Params } from "@/lib/i18n";
import type { ScoringCondition } from "@/lib/schemas/scoring";

type T = (key: MessageKey, params?: Params) => string;

/** Signed points as people read them: "+15", "−2" (a true minus sign). */
export function signedPoints(points: number): string {
  if (points > 0) return `+${points}`;
  if (points < 0) return `−${Math.abs(points)}`;
  return "0";
}

/** A rule's condition in words, e.g. "Empresa com 50+ funcionários", "Sem contato há mais de 14 dias: −2/dia, até −30". */
export function describeCondition(t: T, condition: ScoringCondition): string {
  const or = t("scoring.summary.or");
  switch (condition.type) {
    case "employees_at_least":
      return t("scoring.summary.employees_at_least", { min: condition.min });
    case "source_in":
      return t("scoring.summary.source_in", { values: condition.sources.map((s) => t(`leads.source.${s}`)).join(or) });
    case "status_in":
      return t("scoring.summary.status_in", { values: condition.statuses.map((s) => t(`leads.status.${s}`)).join(or) });
    case "tag_any":
      return t("scoring.summary.tag_any", { values: condition.tags.map((tag) => `“${tag}”`).join(or) });
    case "answered_call":
    case "proposal_viewed":
      return condition.withinDays != null
        ? t(`scoring.summary.${condition.type}_within`, { days: condition.withinDays })
        : t(`scoring.summary.${condition.type}`);
    case "days_since_contact":
      return t("scoring.summary.days_since_contact", {
        days: condition.afterDays,
        perDay: signedPoints(condition.pointsPerDay),
        max: signedPoints(condition.maxPoints),
      });
    default:
      return t(`scoring.summary.${condition.type}`);
  }
}
