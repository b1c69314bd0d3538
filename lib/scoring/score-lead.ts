import type { ScoreContribution } from "@/lib/schemas/score";
import type { ScoringCondition } from "@/lib/schemas/scoring";
import { calendarDaysBetween } from "./calendar-day";
import { emailDomain, isFreeMailDomain } from "./free-mail-domains";

/** What the rules may read about one lead: its own fields and, from its timeline, behaviour facts. */
export type LeadFacts = {
  cnpj: string | null;
  email: string | null;
  phone: string | null;
  source: string;
  status: string;
  tags: readonly string[];
  employees: number | null;
  createdAt: Date;
  lastContactAt: Date | null;
  /** The most recent call with outcome "connected", if any. */
  lastAnsweredCallAt: Date | null;
  /** The most recent document event "proposal_viewed", if any. */
  lastProposalViewedAt: Date | null;
};

export type ScoringRuleDef = {
  id: string;
  name: string;
  points: number;
  condition: ScoringCondition;
  enabled?: boolean;
};

export type LeadScore = { score: number; contributions: ScoreContribution[] };

function within(at: Date | null, withinDays: number | null | undefined, now: Date): boolean {
  if (!at) return false;
  if (withinDays == null) return true;
  return calendarDaysBetween(at, now) < withinDays;
}

/** The points a rule gives this lead (0: it does not apply). */
export function rulePoints(lead: LeadFacts, rule: ScoringRuleDef, now: Date): number {
  const c = rule.condition;
  const hit = (matches: boolean) => (matches ? rule.points : 0);
  switch (c.type) {
    case "employees_at_least":
      return hit(lead.employees != null && lead.employees >= c.min);
    case "source_in":
      return hit(c.sources.includes(lead.source as never));
    case "status_in":
      return hit(c.statuses.includes(lead.status as never));
    case "has_cnpj":
      return hit(!!lead.cnpj);
    case "has_email":
      return hit(!!lead.email);
    case "has_phone":
      return hit(!!lead.phone);
    case "email_domain_free":
    case "email_domain_not_free": {
      // No e-mail at all is neither free nor corporate: neither rule applies.
      const domain = emailDomain(lead.email);
      if (!domain) return 0;
      return hit(isFreeMailDomain(domain) === (c.type === "email_domain_free"));
    }
    case "tag_any": {
      const tags = new Set(lead.tags.map((t) => t.toLowerCase()));
      return hit(c.tags.some((t) => tags.has(t.toLowerCase())));
    }
    case "answered_call":
      return hit(within(lead.lastAnsweredCallAt, c.withinDays, now));
    case "proposal_viewed":
      return hit(within(lead.lastProposalViewedAt, c.withinDays, now));
    case "days_since_contact": {
      const idleDays = calendarDaysBetween(lead.lastContactAt ?? lead.createdAt, now);
      const extraDays = idleDays - c.afterDays;
      if (extraDays <= 0) return 0;
      return Math.max(c.maxPoints, c.pointsPerDay * extraDays);
    }
  }
}

/**
 * The lead's score under the tenant's rules, given in their order (position). Disabled rules are
 * skipped; contributions list only rules that gave points, in rule order. The total never goes
 * below 0 (a lead cannot be "less than nothing", and buckets start at 0); there is no maximum.
 */
export function scoreLead(lead: LeadFacts, rules: readonly ScoringRuleDef[], now: Date): LeadScore {
  const contributions: ScoreContribution[] = [];
  let sum = 0;
  for (const rule of rules) {
    if (rule.enabled === false) continue;
    const points = rulePoints(lead, rule, now);
    if (points === 0) continue;
    sum += points;
    contributions.push({ ruleId: rule.id, name: rule.name, points });
  }
  return { score: Math.max(0, sum), contributions };
}

/** Which timeline facts the rules read, so the loader skips queries nobody needs. */
export function behaviourNeeds(rules: readonly ScoringRuleDef[]): { answeredCall: boolean; proposalViewed: boolean } {
  return {
    answeredCall: rules.some((r) => r.enabled !== false && r.condition.type === "answered_call"),
    proposalViewed: rules.some((r) => r.enabled !== false && r.condition.type === "proposal_viewed"),
  };
}
