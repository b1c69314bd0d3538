import { ScoreDetails } from "@/lib/schemas/score";
import type { ScoreExplanation } from "@/lib/schemas/scoring";
import { behaviourNeeds, scoreLead } from "@/lib/scoring/score-lead";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { visibleLeadWhere, type CrmViewer } from "@/server/services/crm/access";
import { loadLeadFacts } from "./load-lead-facts";
import { loadEnabledRules } from "./load-scoring-rules";

/** A visible lead's stored score next to what the rules give right now, without writing anything. */
export async function explainScore(db: TenantDb, viewer: CrmViewer, leadId: string, now: Date = new Date()): Promise<ScoreExplanation> {
  const lead = await db.lead.findFirst({
    where: { AND: [{ id: leadId }, visibleLeadWhere(viewer)] },
    select: { id: true, score: true, scoreDetails: true, scoredAt: true },
  });
  if (!lead) throw new AppError("NOT_FOUND", "errors.lead_not_found");
  const rules = await loadEnabledRules(db);
  const [facts] = await loadLeadFacts(db, [lead.id], behaviourNeeds(rules));
  const fresh = scoreLead(facts!, rules, now);
  const stored = ScoreDetails.safeParse(lead.scoreDetails);
  const contributions = stored.success ? stored.data : [];
  const stale =
    lead.score !== fresh.score ||
    contributions.length !== fresh.contributions.length ||
    contributions.some((c, i) => {
      const f = fresh.contributions[i]!;
      return c.ruleId !== f.ruleId || c.points !== f.points || c.name !== f.name;
    });
  return { stored: { score: lead.score, contributions, scoredAt: lead.scoredAt }, fresh, stale };
}
