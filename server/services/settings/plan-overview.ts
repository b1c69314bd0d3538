import type { PlanOverview } from "@/lib/schemas/settings";
import type { TenantDb } from "@/server/db";
import { planUsage } from "@/server/services/limits/plan-limits";

/** The tenant's plan (price, limits, features) with what it uses against each limit. */
export async function planOverview(db: TenantDb, tenantId: string): Promise<PlanOverview> {
  const [tenant, usage] = await Promise.all([
    db.tenant.findUniqueOrThrow({
      where: { id: tenantId },
      select: { plan: { select: { code: true, name: true, monthlyPrice: true, maxConcurrentCalls: true, features: true } } },
    }),
    planUsage(db, tenantId),
  ]);
  const { plan } = tenant;
  return { plan: { ...plan, monthlyPrice: plan.monthlyPrice.toFixed(2) }, usage };
}
