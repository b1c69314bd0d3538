import type { Locale } from "@/lib/i18n";
import { recommendedRules } from "@/lib/scoring/recommended-rules";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";

/**
 * Creates the recommended rule set (lib/scoring/recommended-rules.ts), named in `locale`, for a
 * tenant that has no rules yet; with any rule in place it refuses rather than mixing two sets.
 * `tenantId` is for the seed, which runs as the console role and must name the tenant.
 */
export async function applyRecommendedRules(db: TenantDb, locale: Locale, tenantId?: string): Promise<{ created: number }> {
  const scope = tenantId ? { tenantId } : {};
  if ((await db.scoringRule.count({ where: scope })) > 0) throw new AppError("CONFLICT", "scoring.errors.rules_exist");
  const rules = recommendedRules(locale);
  await db.scoringRule.createMany({
    data: rules.map((rule, position) => ({ ...scope, name: rule.name, points: rule.points, condition: rule.condition, position })),
  });
  return { created: rules.length };
}
