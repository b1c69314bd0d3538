import type { RecomputeProgress } from "@/lib/schemas/scoring";
import type { TenantDb } from "@/server/db";
import { rescoreLeads } from "./rescore-leads";

/**
 * One batch of "recompute every lead": the leads after `cursor` in id order. The caller loops on
 * nextCursor until done, one transaction per batch, so a large tenant never holds a long
 * transaction and the UI can show progress.
 */
export async function rescoreAllLeads(
  db: TenantDb,
  { cursor, batch = 1000 }: { cursor?: string | null; batch?: number },
  now: Date = new Date(),
): Promise<RecomputeProgress> {
  const [total, page] = await Promise.all([
    db.lead.count(),
    db.lead.findMany({ where: cursor ? { id: { gt: cursor } } : {}, orderBy: { id: "asc" }, take: batch + 1, select: { id: true } }),
  ]);
  const ids = page.slice(0, batch).map((row) => row.id);
  await rescoreLeads(db, ids, now);
  const last = ids.at(-1);
  const done = page.length <= batch;
  const processed = last ? await db.lead.count({ where: { id: { lte: last } } }) : 0;
  return { done, total, processed: done ? total : processed, nextCursor: done ? null : (last ?? null) };
}
