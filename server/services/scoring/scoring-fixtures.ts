import { randomUUID } from "node:crypto";
import type { ScoringCondition } from "@/lib/schemas/scoring";
import { ownerQuery } from "@/server/testing/owner-db";

// Arranging rows for the scoring tests as the tables' owner, in throw-away tenants only.

export async function insertRule(
  tenantId: string,
  rule: { name?: string; points: number; condition: ScoringCondition; position?: number; enabled?: boolean },
): Promise<string> {
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "ScoringRule" (id, "tenantId", name, condition, points, enabled, position, "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, now()) RETURNING id`,
    [
      tenantId,
      rule.name ?? `Regra ${randomUUID().slice(0, 6)}`,
      JSON.stringify(rule.condition),
      rule.points,
      rule.enabled ?? true,
      rule.position ?? 0,
    ],
  );
  return row!.id;
}

export type LeadSeed = {
  name?: string;
  email?: string | null;
  cnpj?: string | null;
  employees?: number | null;
  ownerId?: string | null;
  createdAt?: Date;
  lastContactAt?: Date | null;
  scoredAt?: Date | null;
  score?: number;
};

export async function insertLeads(tenantId: string, leads: LeadSeed[]): Promise<string[]> {
  const rows = await ownerQuery<{ id: string }>(
    `INSERT INTO "Lead" (id, "tenantId", name, email, cnpj, employees, "ownerId", "createdAt", "updatedAt", "lastContactAt", "scoredAt", score)
     SELECT gen_random_uuid(), $1, l.name, l.email, l.cnpj, l.employees, l."ownerId", l."createdAt", l."createdAt", l."lastContactAt", l."scoredAt", l.score
     FROM jsonb_to_recordset($2::jsonb) AS l(name text, email text, cnpj text, employees int, "ownerId" uuid, "createdAt" timestamptz,
       "lastContactAt" timestamptz, "scoredAt" timestamptz, score int, ord int)
     ORDER BY l.ord
     RETURNING id`,
    [
      tenantId,
      JSON.stringify(
        leads.map((lead, ord) => ({
          name: lead.name ?? `Lead ${ord}`,
          email: lead.email ?? null,
          cnpj: lead.cnpj ?? null,
          employees: lead.employees ?? null,
          ownerId: lead.ownerId ?? null,
          createdAt: (lead.createdAt ?? new Date()).toISOString(),
          lastContactAt: lead.lastContactAt?.toISOString() ?? null,
          scoredAt: lead.scoredAt?.toISOString() ?? null,
          score: lead.score ?? 0,
          ord,
        })),
      ),
    ],
  );
  return rows.map((r) => r.id);
}

export async function leadScores(
  ids: string[],
): Promise<Map<string, { score: number; scoreDetails: unknown; scoredAt: Date | null; updatedAt: Date }>> {
  const rows = await ownerQuery<{ id: string; score: number; scoreDetails: unknown; scoredAt: Date | null; updatedAt: Date }>(
    `SELECT id, score, "scoreDetails", "scoredAt", "updatedAt" FROM "Lead" WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map(({ id, ...rest }) => [id, rest]));
}
