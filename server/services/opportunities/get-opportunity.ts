import type { OpportunityDetail } from "@/lib/schemas/opportunity";
import type { TenantDb } from "@/server/db";
import type { CrmViewer } from "@/server/services/crm/access";
import { findVisibleOpportunity } from "./find-visible-opportunity";
import { opportunityDetailSelect, toOpportunityDetail } from "./opportunity-output";

export async function getOpportunity(db: TenantDb, viewer: CrmViewer, id: string): Promise<OpportunityDetail> {
  return toOpportunityDetail(await findVisibleOpportunity(db, viewer, id, opportunityDetailSelect));
}
