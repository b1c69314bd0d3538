import type { z } from "zod";
import type { PlanOutput, PlanUpdateInput } from "@/lib/schemas/plan";
import type { TenantDb } from "@/server/db";
import type { LimitedResource } from "@/server/services/limits/plan-limits";
import { assertLimitsCoverUsage } from "./assert-limits-cover-usage";
import { lockPlan } from "./lock-plan";
import { planSelect, toPlanOutput, type PlanRow } from "./plan-output";

type UpdateData = z.output<typeof PlanUpdateInput>["data"];

/** The limits this update lowers (raising or keeping one cannot strand a tenant). */
function loweredLimits(current: PlanRow, data: UpdateData): Partial<Record<LimitedResource, number>> {
  const lower = (next: number | undefined, now: number) => (next !== undefined && next < now ? next : undefined);
  return {
    users: lower(data.maxUsers, current.maxUsers),
    extensions: lower(data.maxExtensions, current.maxExtensions),
    dids: lower(data.maxDids, current.maxDids),
  };
}

/**
 * Changes a plan's name, price, limits or features (never its code). Saving features keeps only
 * known flags, so unknown stored strings are dropped when the features are edited.
 */
export async function updatePlan(db: TenantDb, id: string, data: UpdateData): Promise<{ before: PlanOutput; after: PlanOutput }> {
  await lockPlan(db, id);
  const current = await db.plan.findUniqueOrThrow({ where: { id }, select: planSelect });
  await assertLimitsCoverUsage(db, id, loweredLimits(current, data));
  const { code: _immutable, ...changes } = data;
  const row = await db.plan.update({ where: { id }, data: changes, select: planSelect });
  return { before: toPlanOutput(current), after: toPlanOutput(row) };
}
