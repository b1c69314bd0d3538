import type { CallView, LiveUpdate } from "@/lib/schemas/calls";
import type { TenantDb } from "@/server/db";
import { seesEverything, visibleLeadWhere, type CrmViewer } from "@/server/services/crm/access";

/**
 * The leads among `leadIds` this viewer may not see (with `owner` visibility, a rep sees only their
 * own and unassigned leads). Empty for everyone who sees every lead, without a query.
 */
export async function hiddenLeadIds(db: TenantDb, viewer: CrmViewer, leadIds: Iterable<string>): Promise<Set<string>> {
  const ids = [...new Set(leadIds)];
  if (ids.length === 0 || seesEverything(viewer)) return new Set();
  const visible = await db.lead.findMany({ where: { id: { in: ids }, ...visibleLeadWhere(viewer) }, select: { id: true } });
  const seen = new Set(visible.map((lead) => lead.id));
  return new Set(ids.filter((id) => !seen.has(id)));
}

/** The call without its lead when the viewer may not see that lead (the board still shows the call). */
export function maskCallLead(call: CallView, hidden: ReadonlySet<string>): CallView {
  return call.leadId && hidden.has(call.leadId) ? { ...call, leadId: null, leadName: null } : call;
}

/** Whether any of these updates names a lead whose visibility must be checked for this viewer. */
export function needsLeadCheck(viewer: CrmViewer, updates: readonly LiveUpdate[]): boolean {
  return !seesEverything(viewer) && updates.some((u) => (u.type === "call" || u.type === "incoming") && u.call.leadId !== null);
}

/**
 * A tenant's live updates as this viewer may see them: calls keep coming (reps see the team's
 * board) but without leads the viewer may not see, and an `incoming` card for such a lead is not
 * popped at all — to this rep it is not a known caller.
 */
export async function maskLiveUpdates(db: TenantDb, viewer: CrmViewer, updates: readonly LiveUpdate[]): Promise<LiveUpdate[]> {
  if (!needsLeadCheck(viewer, updates)) return [...updates];
  const leadIds = updates.flatMap((u) => ((u.type === "call" || u.type === "incoming") && u.call.leadId ? [u.call.leadId] : []));
  const hidden = await hiddenLeadIds(db, viewer, leadIds);
  const out: LiveUpdate[] = [];
  for (const update of updates) {
    if (update.type === "incoming") {
      if (!update.call.leadId || !hidden.has(update.call.leadId)) out.push(update);
    } else if (update.type === "call") out.push({ type: "call", call: maskCallLead(update.call, hidden) });
    else out.push(update);
  }
  return out;
}
