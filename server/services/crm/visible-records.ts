import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { visibleLeadWhere, visibleOpportunityWhere, type CrmViewer } from "./access";

/**
 * Loads the id of a lead the viewer may see, or fails exactly as for a lead that does not exist:
 * another rep's private lead is NOT_FOUND, never FORBIDDEN (its existence is not told either).
 */
export async function assertLeadVisible(db: TenantDb, viewer: CrmViewer, leadId: string): Promise<void> {
  const lead = await db.lead.findFirst({ where: { AND: [{ id: leadId }, visibleLeadWhere(viewer)] }, select: { id: true } });
  if (!lead) throw new AppError("NOT_FOUND", "errors.lead_not_found");
}

export async function assertOpportunityVisible(db: TenantDb, viewer: CrmViewer, opportunityId: string): Promise<void> {
  const found = await db.opportunity.findFirst({
    where: { AND: [{ id: opportunityId }, visibleOpportunityWhere(viewer)] },
    select: { id: true },
  });
  if (!found) throw new AppError("NOT_FOUND", "pipelines.errors.opportunity_not_found");
}
