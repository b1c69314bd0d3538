import { microsToDecimal } from "@/lib/billing/micros";
import type { DidOutput } from "@/lib/schemas/inventory";
import type { Prisma } from "@/prisma/generated/client";

export const didSelect = {
  id: true,
  number: true,
  monthlyCost: true,
  monthlyPrice: true,
  inboundCostPerMinuteMicros: true,
  inboundPricePerMinuteMicros: true,
  status: true,
  allocatedAt: true,
  createdAt: true,
  updatedAt: true,
  provider: { select: { id: true, name: true } },
  gateway: { select: { id: true, name: true } },
  tenant: { select: { id: true, name: true, slug: true } },
} satisfies Prisma.DidSelect;

type DidRow = Prisma.DidGetPayload<{ select: typeof didSelect }>;

export function toDidOutput({
  monthlyCost,
  monthlyPrice,
  inboundCostPerMinuteMicros,
  inboundPricePerMinuteMicros,
  ...row
}: DidRow): DidOutput {
  return {
    ...row,
    monthlyCost: monthlyCost.toFixed(2),
    monthlyPrice: monthlyPrice.toFixed(2),
    inboundCostPerMinute: microsToDecimal(inboundCostPerMinuteMicros),
    inboundPricePerMinute: microsToDecimal(inboundPricePerMinuteMicros),
  };
}
