import { SCORE_BUCKETS, type ScoreDistribution } from "@/lib/schemas/scoring";
import type { TenantDb } from "@/server/db";
import { visibleLeadWhere, type CrmViewer } from "@/server/services/crm/access";

/**
 * How the leads the viewer may see spread over score buckets of ten (0–9 … 90+). Grouped by exact
 * score in the database (a few dozen distinct values at most) and folded into buckets here.
 */
export async function scoreDistribution(db: TenantDb, viewer: CrmViewer): Promise<ScoreDistribution> {
  const groups = await db.lead.groupBy({ by: ["score"], where: visibleLeadWhere(viewer), _count: { _all: true } });
  const counts = new Array<number>(SCORE_BUCKETS).fill(0);
  let total = 0;
  for (const group of groups) {
    const bucket = Math.min(SCORE_BUCKETS - 1, Math.max(0, Math.floor(group.score / 10)));
    counts[bucket]! += group._count._all;
    total += group._count._all;
  }
  return {
    buckets: counts.map((count, i) => ({ from: i * 10, to: i === SCORE_BUCKETS - 1 ? null : i * 10 + 9, count })),
    total,
  };
}
