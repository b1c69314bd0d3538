import { plansMessage } from "@/lib/schemas/plan";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { planUsage, type LimitedResource } from "@/server/services/limits/plan-limits";

const LIMIT_FIELD = { users: "maxUsers", extensions: "maxExtensions", dids: "maxDids" } as const satisfies Record<LimitedResource, string>;

/** Tenants named in one message; the rest are counted ("+3"). */
const NAMED_TENANTS = 5;

/**
 * Refuses new (lower) limits that a tenant on the plan already exceeds, naming the tenants and
 * their usage on the limit's field. Concurrent calls are not checked: nothing records them yet.
 *
 * The plan's tenants are locked first (in id order, so two such checks cannot deadlock):
 * assertWithinPlanLimit locks the same tenant row before it counts, so no extension, invitation or
 * DID can slip in between this check and our commit, and none is counted against the old limit after.
 */
export async function assertLimitsCoverUsage(
  db: TenantDb,
  planId: string,
  lowered: Partial<Record<LimitedResource, number>>,
): Promise<void> {
  const checks = (Object.entries(lowered) as [LimitedResource, number | undefined][]).filter(
    (entry): entry is [LimitedResource, number] => entry[1] !== undefined,
  );
  if (checks.length === 0) return;

  const tenants = await db.$queryRaw<{ id: string; slug: string; name: string }[]>`
    SELECT id, slug, name FROM "Tenant" WHERE "planId" = ${planId}::uuid ORDER BY id FOR UPDATE`;
  const over = new Map<LimitedResource, string[]>();
  // planUsage is the one definition of "used" (users include pending invitations). Lowering a
  // limit is rare and a plan's tenants are in the hundreds at most, so one call per tenant is fine.
  for (const tenant of tenants) {
    const usage = await planUsage(db, tenant.id);
    for (const [resource, limit] of checks) {
      const { used } = usage[resource];
      if (used > limit) over.set(resource, [...(over.get(resource) ?? []), `${tenant.name} (${tenant.slug}): ${used}`]);
    }
  }
  if (over.size === 0) return;

  const fieldErrors: Record<string, string[]> = {};
  for (const [resource, offenders] of over) {
    const named = offenders.slice(0, NAMED_TENANTS).join(", ");
    const rest = offenders.length - NAMED_TENANTS;
    fieldErrors[LIMIT_FIELD[resource]] = [
      plansMessage("plans.errors.limit_below_usage", { usage: rest > 0 ? `${named} +${rest}` : named }),
    ];
  }
  throw new AppError("CONFLICT", Object.values(fieldErrors)[0]![0]!, { fieldErrors });
}
