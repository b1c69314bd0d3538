import type { PlanOutput } from "@/lib/schemas/plan";
import type { TenantDb } from "@/server/db";
import { lockPlan } from "./lock-plan";
import { planSelect, toPlanOutput } from "./plan-output";

/**
 * Archives (hides from the tenant-creation picker; its tenants keep it and keep working) or
 * unarchives a plan. Repeating it is harmless: `changed` is false and nothing is written.
 */
export async function setPlanArchived(
  db: TenantDb,
  id: string,
  archived: boolean,
  now = new Date(),
): Promise<{ before: PlanOutput; after: PlanOutput; changed: boolean }> {
  await lockPlan(db, id);
  const current = toPlanOutput(await db.plan.findUniqueOrThrow({ where: { id }, select: planSelect }));
  if ((current.archivedAt !== null) === archived) return { before: current, after: current, changed: false };
  const row = await db.plan.update({ where: { id }, data: { archivedAt: archived ? now : null }, select: planSelect });
  return { before: current, after: toPlanOutput(row), changed: true };
}
