import { withAdmin } from "@/server/db";

export type TenantSummary = {
  id: string;
  slug: string;
  name: string;
  status: "active" | "suspended" | "archived";
  plan: string;
  members: number;
  leads: number;
};

/** Every tenant with its plan and sizes, for the operator console. */
export async function listTenants(): Promise<TenantSummary[]> {
  return withAdmin(async (db) => {
    const tenants = await db.tenant.findMany({
      orderBy: { name: "asc" },
      select: {
        id: true,
        slug: true,
        name: true,
        status: true,
        plan: { select: { name: true } },
        _count: { select: { memberships: true, leads: true } },
      },
    });
    return tenants.map((t) => ({
      id: t.id,
      slug: t.slug,
      name: t.name,
      status: t.status,
      plan: t.plan.name,
      members: t._count.memberships,
      leads: t._count.leads,
    }));
  });
}
