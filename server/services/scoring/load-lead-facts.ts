import type { LeadFacts } from "@/lib/scoring/score-lead";
import type { TenantDb } from "@/server/db";

export type ScoredLeadRow = LeadFacts & { id: string; score: number; scoreDetails: unknown };

type Needs = { answeredCall: boolean; proposalViewed: boolean };

/**
 * The leads' fields and, with one grouped query per behaviour fact (never one per lead), the latest
 * answered call and proposal view of each. `tenantId` scopes console-role callers (the seed).
 */
export async function loadLeadFacts(db: TenantDb, leadIds: readonly string[], needs: Needs, tenantId?: string): Promise<ScoredLeadRow[]> {
  if (leadIds.length === 0) return [];
  const scope = tenantId ? { tenantId } : {};
  const ids = [...leadIds];
  const [leads, calls, proposals] = await Promise.all([
    db.lead.findMany({
      where: { id: { in: ids }, ...scope },
      select: {
        id: true,
        cnpj: true,
        email: true,
        phone: true,
        source: true,
        status: true,
        tags: true,
        employees: true,
        createdAt: true,
        lastContactAt: true,
        score: true,
        scoreDetails: true,
      },
    }),
    needs.answeredCall
      ? db.activity.groupBy({
          by: ["leadId"],
          where: { leadId: { in: ids }, kind: "call", data: { path: ["outcome"], equals: "connected" }, ...scope },
          _max: { occurredAt: true },
        })
      : [],
    needs.proposalViewed
      ? db.activity.groupBy({
          by: ["leadId"],
          where: { leadId: { in: ids }, kind: "document", data: { path: ["event"], equals: "proposal_viewed" }, ...scope },
          _max: { occurredAt: true },
        })
      : [],
  ]);
  const lastCall = new Map(calls.map((row) => [row.leadId, row._max.occurredAt]));
  const lastProposal = new Map(proposals.map((row) => [row.leadId, row._max.occurredAt]));
  return leads.map((lead) => ({
    ...lead,
    lastAnsweredCallAt: lastCall.get(lead.id) ?? null,
    lastProposalViewedAt: lastProposal.get(lead.id) ?? null,
  }));
}
