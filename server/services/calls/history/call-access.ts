import type { Prisma } from "@/prisma/generated/client";
import type { CallView } from "@/lib/schemas/calls";
import type { TenantDb } from "@/server/db";
import { visibleLeadWhere, type CrmViewer } from "@/server/services/crm/access";
import { hiddenLeadIds } from "@/server/services/calls/live-lead-mask";

/**
 * Who is looking at calls. Like Aircall and Close: managers and above (and support sessions and API
 * keys, which act as managers) see every call of the tenant; a rep sees the calls they made or took,
 * plus every call of a lead they may see (those calls are on that lead's timeline already).
 */
export type CallViewer = { crm: CrmViewer; userId: string | null };

// The nil UUID matches no user: an actor without one (support, API key) owns no call.
const NOBODY = "00000000-0000-0000-0000-000000000000";

/** Managers see everything; the lead-visibility setting does not widen a rep's call history. */
export const seesAllCalls = (viewer: CallViewer) => viewer.crm.role !== "rep";

export function ownCallsWhere(viewer: CallViewer): Prisma.CallWhereInput {
  return { userId: viewer.userId ?? NOBODY };
}

/** A single call a viewer may open, play or annotate: theirs, or one of a lead they see. */
export function callAccessWhere(viewer: CallViewer): Prisma.CallWhereInput {
  if (seesAllCalls(viewer)) return {};
  return { OR: [ownCallsWhere(viewer), { leadId: { not: null }, lead: visibleLeadWhere(viewer.crm) }] };
}

/**
 * A rep's own call may be with a lead that is now another rep's private lead: the call stays in
 * their history, but the lead's name and link do not (the number still shows).
 */
export async function hideInvisibleLeads<T extends Pick<CallView, "leadId" | "leadName">>(
  db: TenantDb,
  viewer: CallViewer,
  calls: T[],
): Promise<T[]> {
  const hidden = await hiddenLeadIds(
    db,
    viewer.crm,
    calls.flatMap((c) => (c.leadId ? [c.leadId] : [])),
  );
  return hidden.size === 0 ? calls : calls.map((c) => (c.leadId && hidden.has(c.leadId) ? { ...c, leadId: null, leadName: null } : c));
}
