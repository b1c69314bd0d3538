import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { planUsage, type LimitedResource } from "@/server/services/limits/plan-limits";

const fieldError = (field: string, key: string) => new AppError("INVALID_INPUT", key, { fieldErrors: { [field]: [key] } });

/**
 * A plan a tenant may be put on: it exists and is not archived (an archived plan keeps working for
 * the tenants already on it, so `currentPlanId` may stay on it, but nobody new joins it).
 */
export async function assertPlanOffered(db: TenantDb, planId: string, currentPlanId: string | null = null): Promise<void> {
  const plan = await db.plan.findUnique({ where: { id: planId }, select: { archivedAt: true } });
  if (!plan) throw fieldError("planId", "console.errors.plan_not_found");
  if (plan.archivedAt && planId !== currentPlanId) throw fieldError("planId", "console.errors.plan_archived");
}

export async function assertPbxNodeExists(db: TenantDb, pbxNodeId: string | null | undefined): Promise<void> {
  if (!pbxNodeId) return;
  const node = await db.pbxNode.findUnique({ where: { id: pbxNodeId }, select: { id: true } });
  if (!node) throw fieldError("pbxNodeId", "console.errors.pbx_node_not_found");
}

const RESOURCES: LimitedResource[] = ["users", "extensions", "dids"];

/** Moving a tenant to a smaller plan must not leave it above the new plan's limits. */
export async function assertFitsPlan(db: TenantDb, tenantId: string, planId: string): Promise<void> {
  const usage = await planUsage(db, tenantId);
  const plan = await db.plan.findUniqueOrThrow({ where: { id: planId }, select: { maxUsers: true, maxExtensions: true, maxDids: true } });
  const limits: Record<LimitedResource, number> = { users: plan.maxUsers, extensions: plan.maxExtensions, dids: plan.maxDids };
  for (const resource of RESOURCES) {
    const used = usage[resource].used;
    if (used > limits[resource]) {
      const key = `console.errors.plan_too_small_${resource}?used=${used}&limit=${limits[resource]}`;
      throw new AppError("INVALID_INPUT", key, { fieldErrors: { planId: [key] } });
    }
  }
}
