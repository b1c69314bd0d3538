import type { LeadOutput } from "@/lib/schemas/lead";
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
  createdAt: true,
  updatedAt: true,
  owner: { select: { id: true, user: { select: { name: true } } } },
} satisfies Prisma.LeadSelect;

type LeadRow = Prisma.LeadGetPayload<{ select: typeof leadSelect }>;

export function toLeadOutput(row: LeadRow): LeadOutput {
  const { owner, ...rest } = row;
  return { ...rest, owner: owner ? { id: owner.id, name: owner.user.name } : null };
}
