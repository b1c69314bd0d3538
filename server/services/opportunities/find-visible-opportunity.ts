import type { Prisma } from "@/prisma/generated/client";
import type { TenantDb } from "@/server/db";
import { visibleOpportunityWhere, type CrmViewer } from "@/server/services/crm/access";
import { opportunityNotFound } from "./opportunity-errors";

/**
 * An opportunity the viewer may see, or NOT_FOUND exactly as for one that does not exist (another
 * tenant's is invisible through RLS, another rep's private one through visibleOpportunityWhere).
 */
export async function findVisibleOpportunity<S extends Prisma.OpportunitySelect>(
  db: TenantDb,
  viewer: CrmViewer,
  id: string,
  select: S,
): Promise<Prisma.OpportunityGetPayload<{ select: S }>> {
  const row = await db.opportunity.findFirst({ where: { AND: [{ id }, visibleOpportunityWhere(viewer)] }, select });
  if (!row) throw opportunityNotFound();
  return row as Prisma.OpportunityGetPayload<{ select: S }>;
}
