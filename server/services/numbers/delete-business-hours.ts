import type { BusinessHoursOutput } from "@/lib/schemas/numbers";
import type { TenantDb } from "@/server/db";
import { inUse } from "./numbers-errors";
import { getBusinessHours } from "./save-business-hours";

/** Deletes business hours no DID uses. */
export async function deleteBusinessHours(db: TenantDb, id: string): Promise<BusinessHoursOutput> {
  // Raw SQL for the row lock: waits for a DID route being saved with these hours (it holds a
  // key-share lock on the row), so the check below sees it instead of failing on the foreign key.
  await db.$queryRaw`SELECT 1 FROM "BusinessHours" WHERE id = ${id}::uuid FOR UPDATE`;
  const hours = await getBusinessHours(db, id);
  if (hours.usedBy.length > 0) throw inUse("hours", hours.name, hours.usedBy);
  await db.businessHours.delete({ where: { id } });
  return hours;
}
