import type { PlanOutput } from "@/lib/schemas/plan";
import type { TenantDb } from "@/server/db";
import { planSelect, toPlanOutput } from "./plan-output";

/**
 * The plan catalogue, cheapest first, archived ones last. Without `includeArchived` it is what a
 * new tenant may be put on (the tenant-creation picker). Plans are a short catalogue, not a growing
 * list, so there is no pagination.
 */
export async function listPlans(db: TenantDb, { includeArchived }: { includeArchived: boolean }): Promise<PlanOutput[]> {
  const rows = await db.plan.findMany({
    where: includeArchived ? {} : { archivedAt: null },
    select: planSelect,
    orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { monthlyPrice: "asc" }, { name: "asc" }, { id: "asc" }],
  });
  return rows.map(toPlanOutput);
}
