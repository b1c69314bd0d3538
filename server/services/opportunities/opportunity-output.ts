import { lineAmount, type OpportunityDetail, type OpportunityOutput } from "@/lib/schemas/opportunity";
import type { Prisma } from "@/prisma/generated/client";

export const opportunitySelect = {
  id: true,
  title: true,
  value: true,
  status: true,
  closeReason: true,
  closedAt: true,
  createdAt: true,
  stageEnteredAt: true,
  expectedCloseOn: true,
  stage: { select: { id: true, name: true, pipeline: { select: { id: true, name: true } } } },
  owner: { select: { id: true, user: { select: { name: true } } } },
  lead: { select: { id: true, name: true } },
} satisfies Prisma.OpportunitySelect;

export const opportunityDetailSelect = {
  ...opportunitySelect,
  updatedAt: true,
  lines: {
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true, description: true, quantity: true, unitPrice: true },
  },
} satisfies Prisma.OpportunitySelect;

type Row = Prisma.OpportunityGetPayload<{ select: typeof opportunitySelect }>;
type DetailRow = Prisma.OpportunityGetPayload<{ select: typeof opportunityDetailSelect }>;

/** A `@db.Date` column comes back as UTC midnight: the day is its ISO date. */
export function dayOf(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

export function toOpportunityOutput(row: Row): OpportunityOutput {
  const { stage, owner, value, expectedCloseOn, ...rest } = row;
  return {
    ...rest,
    value: value.toFixed(2),
    expectedCloseOn: dayOf(expectedCloseOn),
    stage: { id: stage.id, name: stage.name },
    pipeline: stage.pipeline,
    owner: owner ? { id: owner.id, name: owner.user.name } : null,
  };
}

export function toOpportunityDetail(row: DetailRow): OpportunityDetail {
  const { lines, updatedAt, ...rest } = row;
  return {
    ...toOpportunityOutput(rest),
    updatedAt,
    lines: lines.map((line) => {
      const unitPrice = line.unitPrice.toFixed(2);
      return { ...line, unitPrice, amount: lineAmount(line.quantity, unitPrice) };
    }),
  };
}
