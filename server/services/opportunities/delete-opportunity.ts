import type { TenantDb } from "@/server/db";
import type { CrmViewer } from "@/server/services/crm/access";
import { findVisibleOpportunity } from "./find-visible-opportunity";
import { dayOf } from "./opportunity-output";

export type DeletedOpportunity = {
  id: string;
  snapshot: {
    title: string;
    value: string;
    status: string;
    leadId: string | null;
    stageId: string;
    ownerId: string | null;
    expectedCloseOn: string | null;
  };
};

/** Deletes an opportunity with its lines, activities and tasks (cascade); the caller audits the snapshot. */
export async function deleteOpportunity(db: TenantDb, viewer: CrmViewer, id: string): Promise<DeletedOpportunity> {
  const row = await findVisibleOpportunity(db, viewer, id, {
    id: true,
    title: true,
    value: true,
    status: true,
    leadId: true,
    stageId: true,
    ownerId: true,
    expectedCloseOn: true,
  });
  await db.opportunity.delete({ where: { id } });
  const { id: _id, value, expectedCloseOn, ...rest } = row;
  return { id, snapshot: { ...rest, value: value.toFixed(2), expectedCloseOn: dayOf(expectedCloseOn) } };
}
