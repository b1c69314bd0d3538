import { knownPlanFeatures, type PlanOutput } from "@/lib/schemas/plan";
import type { Prisma } from "@/prisma/generated/client";

export const planSelect = {
  id: true,
  code: true,
  name: true,
  monthlyPrice: true,
  maxUsers: true,
  maxExtensions: true,
  maxDids: true,
  maxConcurrentCalls: true,
  features: true,
  archivedAt: true,
  createdAt: true,
  updatedAt: true,
  _count: { select: { tenants: true } },
} satisfies Prisma.PlanSelect;

export type PlanRow = Prisma.PlanGetPayload<{ select: typeof planSelect }>;

export function toPlanOutput(row: PlanRow): PlanOutput {
  const { _count, monthlyPrice, features, ...rest } = row;
  return { ...rest, monthlyPrice: monthlyPrice.toFixed(2), features: knownPlanFeatures(features), tenantCount: _count.tenants };
}

/** What the audit log keeps of a plan: its terms, not derived counts or timestamps. */
export function planSnapshot(plan: PlanOutput) {
  const { tenantCount: _tenants, createdAt: _created, updatedAt: _updated, ...terms } = plan;
  return terms;
}
