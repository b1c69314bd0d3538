import type { Prisma } from "@/prisma/generated/client";
import type { CallView } from "@/lib/schemas/calls";
import type { TenantDb } from "@/server/db";
import { seesEverything, visibleLeadWhere, type CrmViewer } from "@/server/services/crm/access";

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
  if (seesEverything(viewer.crm)) return calls;
  const ids = [...new Set(calls.map((c) => c.leadId).filter((id): id is string => id !== null))];
  if (ids.length === 0) return calls;
  const visible = new Set(
    (await db.lead.findMany({ where: { AND: [{ id: { in: ids } }, visibleLeadWhere(viewer.crm)] }, select: { id: true } })).map(
      (l) => l.id,
    ),
  );
  return calls.map((c) => (c.leadId === null || visible.has(c.leadId) ? c : { ...c, leadId: null, leadName: null }));
}
