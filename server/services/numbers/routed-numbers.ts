import { formatPhone } from "@/lib/phone";
import type { TenantDb } from "@/server/db";

type Target = { ringGroupId: string } | { businessHoursId: string };

/** The tenant's DIDs (formatted, in number order) whose route uses a ring group or business hours. */
export async function routedNumbers(db: TenantDb, target: Target): Promise<string[]> {
  const where =
    "ringGroupId" in target
      ? { OR: [{ ringGroupId: target.ringGroupId }, { afterRingGroupId: target.ringGroupId }] }
      : { businessHoursId: target.businessHoursId };
  const routes = await db.didRoute.findMany({ where, select: { did: { select: { number: true } } }, orderBy: { did: { number: "asc" } } });
  return routes.map((route) => formatPhone(route.did.number));
}

/** The same, for many ring groups or hours at once (the lists show it per row). */
export async function routedNumbersByTarget(db: TenantDb, kind: "ringGroup" | "businessHours"): Promise<Map<string, string[]>> {
  const routes = await db.didRoute.findMany({
    where:
      kind === "ringGroup"
        ? { OR: [{ ringGroupId: { not: null } }, { afterRingGroupId: { not: null } }] }
        : { businessHoursId: { not: null } },
    select: { ringGroupId: true, afterRingGroupId: true, businessHoursId: true, did: { select: { number: true } } },
    orderBy: { did: { number: "asc" } },
  });
  const byTarget = new Map<string, string[]>();
  for (const route of routes) {
    const targets = kind === "ringGroup" ? [route.ringGroupId, route.afterRingGroupId] : [route.businessHoursId];
    for (const target of new Set(targets)) {
      if (target) byTarget.set(target, [...(byTarget.get(target) ?? []), formatPhone(route.did.number)]);
    }
  }
  return byTarget;
}
