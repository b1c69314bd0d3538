import { ScoringCondition } from "@/lib/schemas/scoring";
import type { ScoringRuleDef } from "@/lib/scoring/score-lead";
import type { TenantDb } from "@/server/db";

/**
 * The tenant's enabled rules in evaluation order. `tenantId` is only for callers running as the
 * console role (the seed), where RLS shows every tenant; tenant-bound handles need no filter.
 */
export async function loadEnabledRules(db: TenantDb, tenantId?: string): Promise<ScoringRuleDef[]> {
  const rows = await db.scoringRule.findMany({
    where: { enabled: true, ...(tenantId ? { tenantId } : {}) },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: { id: true, name: true, points: true, condition: true },
  });
  const rules: ScoringRuleDef[] = [];
  for (const row of rows) {
    // Rules are only written through ScoringCondition; one that no longer parses (an older shape)
    // is left out rather than failing every rescore of the tenant.
    const condition = ScoringCondition.safeParse(row.condition);
    if (condition.success) rules.push({ id: row.id, name: row.name, points: row.points, condition: condition.data });
  }
  return rules;
}
