import type { TenantOptions } from "@/lib/schemas/tenant";
import type { TenantDb } from "@/server/db";

/** What the create/edit form offers: plans still on sale (plus archived ones, flagged) and PBX nodes. */
export async function tenantOptions(db: TenantDb): Promise<TenantOptions> {
  const plans = await db.plan.findMany({
    orderBy: [{ monthlyPrice: "asc" }, { name: "asc" }],
    select: { id: true, name: true, monthlyPrice: true, archivedAt: true },
  });
  const pbxNodes = await db.pbxNode.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, status: true } });
  return {
    plans: plans.map((p) => ({ id: p.id, name: p.name, monthlyPrice: p.monthlyPrice.toFixed(2), archived: p.archivedAt !== null })),
    pbxNodes,
  };
}
