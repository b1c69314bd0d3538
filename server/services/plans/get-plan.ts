import type { PlanOutput } from "@/lib/schemas/plan";
import type { TenantDb } from "@/server/db";
import { planNotFound } from "./plan-errors";
import { planSelect, toPlanOutput } from "./plan-output";

export async function getPlan(db: TenantDb, id: string): Promise<PlanOutput> {
  const row = await db.plan.findUnique({ where: { id }, select: planSelect });
  if (!row) throw planNotFound();
  return toPlanOutput(row);
}
