import { plansMessage, type PlanOutput } from "@/lib/schemas/plan";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { assertNoRateDeck } from "@/server/services/billing/decks/assert-no-rate-deck";
import { lockPlan } from "./lock-plan";
import { planSelect, toPlanOutput } from "./plan-output";

/** Deletes a plan no tenant is on; a plan in use can only be archived. Returns what was deleted. */
export async function deletePlan(db: TenantDb, id: string): Promise<PlanOutput> {
  await lockPlan(db, id);
  const plan = toPlanOutput(await db.plan.findUniqueOrThrow({ where: { id }, select: planSelect }));
  if (plan.tenantCount > 0) throw new AppError("CONFLICT", plansMessage("plans.errors.plan_in_use", { count: plan.tenantCount }));
  await assertNoRateDeck(db, { planId: id });
  await db.plan.delete({ where: { id } });
  return plan;
}
