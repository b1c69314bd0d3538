import type { DidOutput } from "@/lib/schemas/inventory";
import type { Prisma } from "@/prisma/generated/client";

export const didSelect = {
  id: true,
  number: true,
  monthlyCost: true,
  status: true,
  allocatedAt: true,
  createdAt: true,
  updatedAt: true,
  provider: { select: { id: true, name: true } },
  gateway: { select: { id: true, name: true } },
  tenant: { select: { id: true, name: true, slug: true } },
} satisfies Prisma.DidSelect;

type DidRow = Prisma.DidGetPayload<{ select: typeof didSelect }>;

export function toDidOutput({ monthlyCost, ...row }: DidRow): DidOutput {
  return { ...row, monthlyCost: monthlyCost.toFixed(2) };
}
