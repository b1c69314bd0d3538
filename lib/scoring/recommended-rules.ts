import type { Locale } from "@/lib/i18n";
import type { ScoringCondition } from "@/lib/schemas/scoring";

type RecommendedRuleDef = { name: Record<Locale, string>; points: number; condition: ScoringCondition };

/**
 * A starting rule set for a B2B sales team: company size and identity, a corporate e-mail, warm
 * sources, engagement on the phone and with proposals, and decay when nobody follows up. The
 * positive rules add up to a little over 100, so "hot" (70+) needs engagement, not only a good profile.
 */
export const RECOMMENDED_RULES: readonly RecommendedRuleDef[] = [
  {
    name: { "pt-BR": "Empresa com 50+ funcionários", en: "Company with 50+ employees" },
    points: 15,
    condition: { type: "employees_at_least", min: 50 },
  },
  {
    name: { "pt-BR": "Empresa com 200+ funcionários", en: "Company with 200+ employees" },
    points: 10,
    condition: { type: "employees_at_least", min: 200 },
  },
  { name: { "pt-BR": "Tem CNPJ", en: "Has a CNPJ" }, points: 10, condition: { type: "has_cnpj" } },
  { name: { "pt-BR": "E-mail corporativo", en: "Corporate e-mail" }, points: 10, condition: { type: "email_domain_not_free" } },
  { name: { "pt-BR": "E-mail gratuito", en: "Free-mail address" }, points: -5, condition: { type: "email_domain_free" } },
  {
    name: { "pt-BR": "Indicação ou parceiro", en: "Referral or partner" },
    points: 15,
    condition: { type: "source_in", sources: ["referral", "partner"] },
  },
  {
    name: { "pt-BR": "Veio pelo site ou ligou", en: "Came through the website or called" },
    points: 5,
    condition: { type: "source_in", sources: ["website", "inbound_call"] },
  },
  {
    name: { "pt-BR": "Atendeu ligação (30 dias)", en: "Answered a call (30 days)" },
    points: 20,
    condition: { type: "answered_call", withinDays: 30 },
  },
  {
    name: { "pt-BR": "Visualizou proposta (14 dias)", en: "Viewed a proposal (14 days)" },
    points: 25,
    condition: { type: "proposal_viewed", withinDays: 14 },
  },
  {
    name: { "pt-BR": "Desqualificado", en: "Unqualified" },
    points: -40,
    condition: { type: "status_in", statuses: ["unqualified"] },
  },
  {
    name: { "pt-BR": "Sem contato há mais de 14 dias", en: "No contact for over 14 days" },
    points: -30,
    condition: { type: "days_since_contact", afterDays: 14, pointsPerDay: -2, maxPoints: -30 },
  },
];

export function recommendedRules(locale: Locale): { name: string; points: number; condition: ScoringCondition }[] {
  return RECOMMENDED_RULES.map((rule) => ({ name: rule.name[locale], points: rule.points, condition: rule.condition }));
}
