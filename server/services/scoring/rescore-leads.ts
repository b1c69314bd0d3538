import type { ScoreContribution } from "@/lib/schemas/score";
import { behaviourNeeds, scoreLead, type LeadScore, type ScoringRuleDef } from "@/lib/scoring/score-lead";
import type { TenantDb } from "@/server/db";
import { loadLeadFacts, type ScoredLeadRow } from "./load-lead-facts";
import { loadEnabledRules } from "./load-scoring-rules";

// Large id lists are cut into chunks so one statement never carries an unbounded parameter list.
const CHUNK = 5_000;

function sameContributions(stored: unknown, fresh: readonly ScoreContribution[]): boolean {
  if (!Array.isArray(stored) || stored.length !== fresh.length) return false;
  return fresh.every((c, i) => {
    const s = stored[i] as Partial<ScoreContribution> | null;
    return s?.ruleId === c.ruleId && s.name === c.name && s.points === c.points;
  });
}

export type RescoreResult = { scored: number; changed: number };

/**
 * Writes fresh scores in two statements whatever the number of leads: the changed ones get score,
 * scoreDetails and scoredAt from an unnest()ed list, the others only scoredAt. Raw SQL because
 * Prisma has no bulk update of different values per row, and because a rescore must not touch
 * updatedAt (nobody edited the lead). The handle is tenant-bound, so RLS still applies.
 */
async function writeScores(db: TenantDb, rows: readonly ScoredLeadRow[], results: readonly LeadScore[], now: Date): Promise<number> {
  const changedIds: string[] = [];
  const scores: number[] = [];
  const details: string[] = [];
  const unchangedIds: string[] = [];
  rows.forEach((row, i) => {
    const fresh = results[i]!;
    if (row.score === fresh.score && sameContributions(row.scoreDetails, fresh.contributions)) {
      unchangedIds.push(row.id);
    } else {
      changedIds.push(row.id);
      scores.push(fresh.score);
      details.push(JSON.stringify(fresh.contributions));
    }
  });
  if (changedIds.length > 0) {
    await db.$executeRaw`
      UPDATE "Lead" AS l SET score = v.score, "scoreDetails" = v.details::jsonb, "scoredAt" = ${now}
      FROM unnest(${changedIds}::uuid[], ${scores}::int[], ${details}::text[]) AS v(id, score, details)
      WHERE l.id = v.id`;
  }
  if (unchangedIds.length > 0) {
    await db.$executeRaw`UPDATE "Lead" SET "scoredAt" = ${now} WHERE id = ANY(${unchangedIds}::uuid[])`;
  }
  return changedIds.length;
}

/**
 * Scores leads with already-loaded rules. `tenantId` is for console-role callers (the seed), where
 * RLS shows every tenant; a tenant-bound handle needs none.
 */
export async function rescoreWithRules(
  db: TenantDb,
  rules: readonly ScoringRuleDef[],
  leadIds: readonly string[],
  now: Date,
  tenantId?: string,
): Promise<RescoreResult> {
  const needs = behaviourNeeds(rules);
  let scored = 0;
  let changed = 0;
  for (let start = 0; start < leadIds.length; start += CHUNK) {
    const rows = await loadLeadFacts(db, leadIds.slice(start, start + CHUNK), needs, tenantId);
    const results = rows.map((row) => scoreLead(row, rules, now));
    changed += await writeScores(db, rows, results, now);
    scored += rows.length;
  }
  return { scored, changed };
}

/**
 * Recomputes score and scoreDetails of the given leads from the tenant's enabled rules
 * (lib/scoring) and their behaviour facts (activities), and stamps scoredAt. Call it, in the same
 * transaction, after any change that a rule may read: lead fields, tags, calls, document events.
 * Leads that are not visible to the handle (another tenant's, deleted) are silently skipped.
 */
export async function rescoreLeads(db: TenantDb, leadIds: readonly string[], now: Date = new Date()): Promise<RescoreResult> {
  const unique = [...new Set(leadIds)];
  if (unique.length === 0) return { scored: 0, changed: 0 };
  return rescoreWithRules(db, await loadEnabledRules(db), unique, now);
}
