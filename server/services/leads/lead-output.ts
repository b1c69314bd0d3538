import type { LeadOutput } from "@/lib/schemas/lead";
import { ScoreDetails } from "@/lib/schemas/score";
import type { Prisma } from "@/prisma/generated/client";

export const leadSelect = {
  id: true,
  name: true,
  company: true,
  cnpj: true,
  email: true,
  phone: true,
  source: true,
  status: true,
  notes: true,
  tags: true,
  employees: true,
  score: true,
  scoreDetails: true,
  scoredAt: true,
  lastContactAt: true,
  createdAt: true,
  updatedAt: true,
  owner: { select: { id: true, user: { select: { name: true } } } },
} satisfies Prisma.LeadSelect;

type LeadRow = Prisma.LeadGetPayload<{ select: typeof leadSelect }>;

export function toLeadOutput(row: LeadRow): LeadOutput {
  const { owner, scoreDetails, ...rest } = row;
  // scoreDetails is JSON written by the scoring engine; a row it has not scored yet holds "[]".
  const details = ScoreDetails.safeParse(scoreDetails);
  return { ...rest, scoreDetails: details.success ? details.data : [], owner: owner ? { id: owner.id, name: owner.user.name } : null };
}
