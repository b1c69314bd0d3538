import pg from "pg";
import { serverEnv } from "@/lib/env";
import { isTimeDependent } from "@/lib/schemas/scoring";
import { startOfCalendarDay } from "@/lib/scoring/calendar-day";
import { platformDb, withTenant } from "@/server/db";
import { logger } from "@/server/logger";
import { loadEnabledRules } from "@/server/services/scoring/load-scoring-rules";
import { rescoreLeads } from "@/server/services/scoring/rescore-leads";

/** The advisory lock key of this job, shared by every app instance ("scoring decay"). */
export const RESCORE_DECAY_LOCK_KEY = 4_871_203_377;

export type RescoreDecayResult = { ran: false } | { ran: true; tenants: number; leads: number; failed: number };

type Options = { now?: Date; batch?: number; /** Restricts the run to these tenants (tests). */ tenantIds?: string[] };

/**
 * Rescores one tenant's leads last scored before today (São Paulo), in short transactions of
 * `batch` leads each, when the tenant has a rule whose answer moves with time alone (decay, "within
 * N days"). Each batch stamps scoredAt, so a rerun the same day finds nothing left to do.
 */
export async function rescoreTenantDecay(tenantId: string, now: Date, batch: number): Promise<number> {
  const rules = await withTenant(tenantId, (db) => loadEnabledRules(db));
  if (!rules.some((rule) => isTimeDependent(rule.condition))) return 0;
  const todayStart = startOfCalendarDay(now);
  let cursor: string | null = null;
  let scored = 0;
  for (;;) {
    const ids: string[] = await withTenant(tenantId, async (db) => {
      const page = await db.lead.findMany({
        where: { OR: [{ scoredAt: null }, { scoredAt: { lt: todayStart } }], ...(cursor ? { id: { gt: cursor } } : {}) },
        orderBy: { id: "asc" },
        take: batch,
        select: { id: true },
      });
      const pageIds = page.map((row) => row.id);
      await rescoreLeads(db, pageIds, now);
      return pageIds;
    });
    scored += ids.length;
    if (ids.length < batch) return scored;
    cursor = ids.at(-1)!;
  }
}

/**
 * The decay pass over every active tenant. Only one app instance runs it at a time: the others
 * find the advisory lock taken and return { ran: false }. The lock lives on a connection of its
 * own, so it is released when the pass ends or when the process dies with it.
 */
export async function rescoreDecay(options: Options = {}): Promise<RescoreDecayResult> {
  const now = options.now ?? new Date();
  const batch = options.batch ?? 1000;
  const lockClient = new pg.Client({ connectionString: serverEnv().APP_DATABASE_URL });
  await lockClient.connect();
  try {
    const { rows } = await lockClient.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [RESCORE_DECAY_LOCK_KEY]);
    if (!rows[0]?.locked) return { ran: false };
    try {
      const tenants = await platformDb().tenant.findMany({
        where: { status: "active", ...(options.tenantIds ? { id: { in: options.tenantIds } } : {}) },
        orderBy: { id: "asc" },
        select: { id: true, slug: true },
      });
      let leads = 0;
      let failed = 0;
      for (const tenant of tenants) {
        try {
          leads += await rescoreTenantDecay(tenant.id, now, batch);
        } catch (error) {
          // One tenant's failure must not starve the others; the next pass retries it.
          failed += 1;
          logger.error({ err: error, tenant: tenant.slug, job: "rescore-decay" }, "score decay failed for tenant");
        }
      }
      return { ran: true, tenants: tenants.length, leads, failed };
    } finally {
      await lockClient.query("SELECT pg_advisory_unlock($1)", [RESCORE_DECAY_LOCK_KEY]);
    }
  } finally {
    await lockClient.end();
  }
}
