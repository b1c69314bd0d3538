import type { CallDetail, CallView } from "@/lib/schemas/calls";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { callViewSelect, toCallView } from "@/server/services/calls/call-view";
import { assertLeadVisible } from "@/server/services/crm/visible-records";
import { callAccessWhere, hideInvisibleLeads, type CallViewer } from "./call-access";

export const callNotFound = () => new AppError("NOT_FOUND", "callHistory.errors.not_found");

/** One call the viewer may open; another tenant's, or another rep's call on a lead they cannot see, is NOT_FOUND. */
export async function getCall(db: TenantDb, viewer: CallViewer, callId: string): Promise<CallDetail> {
  const row = await db.call.findFirst({
    where: { AND: [{ id: callId }, callAccessWhere(viewer)] },
    select: { ...callViewSelect, note: true },
  });
  if (!row) throw callNotFound();
  const [view] = await hideInvisibleLeads(db, viewer, [toCallView(row)]);
  return { ...view!, note: row.note };
}

/** The lead's latest calls, whoever made them (they are on its timeline too); the lead must be visible. */
export async function listLeadCalls(db: TenantDb, viewer: CallViewer, leadId: string, limit: number): Promise<CallView[]> {
  await assertLeadVisible(db, viewer.crm, leadId);
  const rows = await db.call.findMany({
    where: { leadId },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: callViewSelect,
  });
  return rows.map(toCallView);
}
