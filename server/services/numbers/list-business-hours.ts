import type { BusinessHoursOutput } from "@/lib/schemas/numbers";
import type { TenantDb } from "@/server/db";
import { businessHoursSelect, toBusinessHoursOutput } from "./business-hours-output";
import { routedNumbersByTarget } from "./routed-numbers";

/** The tenant's business hours by name; a tenant keeps a few, so the list is returned whole. */
export async function listBusinessHours(db: TenantDb): Promise<BusinessHoursOutput[]> {
  const [rows, usedBy] = await Promise.all([
    db.businessHours.findMany({ select: businessHoursSelect, orderBy: { name: "asc" } }),
    routedNumbersByTarget(db, "businessHours"),
  ]);
  return rows.map((row) => toBusinessHoursOutput(row, usedBy.get(row.id) ?? []));
}
