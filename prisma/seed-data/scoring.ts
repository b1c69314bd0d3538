import type { MemberRole, Prisma } from "../generated/client";
import { applyRecommendedRules } from "../../server/services/scoring/apply-recommended-rules";
import { loadEnabledRules } from "../../server/services/scoring/load-scoring-rules";
import { rescoreWithRules } from "../../server/services/scoring/rescore-leads";

/**
 * Demo scoring: the recommended rules, named in pt-BR, for a tenant that has none, then a score
 * for every lead of the tenant. Run it after the seeds that add leads and activities, so behaviour
 * rules (answered calls, viewed proposals) and decay see them. `tx` runs as the console role,
 * which sees every tenant: every query here names the tenant.
 */
export async function seedScoring(
  tx: Prisma.TransactionClient,
  tenantId: string,
  memberships: { id: string; role: MemberRole }[],
): Promise<void> {
  void memberships; // rules belong to the tenant, not to a member
  if ((await tx.scoringRule.count({ where: { tenantId } })) === 0) await applyRecommendedRules(tx, "pt-BR", tenantId);
  const rules = await loadEnabledRules(tx, tenantId);
  const leads = await tx.lead.findMany({ where: { tenantId }, select: { id: true } });
  await rescoreWithRules(
    tx,
    rules,
    leads.map((lead) => lead.id),
    new Date(),
    tenantId,
  );
}
