import type { TenantOption } from "@/lib/schemas/inventory";
import type { TenantDb } from "@/server/db";

/**
 * Companies a number can be allocated to (archived ones excluded), with how many numbers each
 * uses against its plan, for the allocation picker and the list's company filter.
 */
export async function listTenantOptions(db: TenantDb, search: string | undefined): Promise<TenantOption[]> {
  const text = search ? { contains: search, mode: "insensitive" as const } : undefined;
  const tenants = await db.tenant.findMany({
    where: { status: { not: "archived" }, ...(text ? { OR: [{ name: text }, { slug: text }] } : {}) },
    select: { id: true, name: true, slug: true, status: true, plan: { select: { maxDids: true } } },
    orderBy: { name: "asc" },
    take: 20,
  });
  const used = await db.did.groupBy({
    by: ["tenantId"],
    where: { tenantId: { in: tenants.map((t) => t.id) } },
    _count: { _all: true },
  });
  const usedBy = new Map(used.map((u) => [u.tenantId, u._count._all]));
  return tenants.map(({ plan, ...tenant }) => ({ ...tenant, dids: { used: usedBy.get(tenant.id) ?? 0, limit: plan.maxDids } }));
}
