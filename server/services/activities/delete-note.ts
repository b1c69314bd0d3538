import { NOTE_DELETE_WINDOW_MS } from "@/lib/schemas/activity";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { seesEverything, visibleLeadWhere, visibleOpportunityWhere, type CrmViewer } from "@/server/services/crm/access";
import { rescoreLeads } from "@/server/services/scoring/rescore-leads";

const noteNotFound = () => new AppError("NOT_FOUND", "leadPage.errors.noteNotFound");

/**
 * Notes are the only entries a user may take back: the author within 15 minutes (a typo, the wrong
 * lead), a manager or above any time. Everything else on a timeline is a record of what happened.
 */
export async function deleteNote(
  db: TenantDb,
  viewer: CrmViewer,
  actorUserId: string | null,
  id: string,
  now: Date = new Date(),
): Promise<{ id: string }> {
  const note = await db.activity.findFirst({
    where: {
      id,
      kind: "note",
      ...(seesEverything(viewer)
        ? {}
        : { OR: [{ lead: visibleLeadWhere(viewer) }, { leadId: null, opportunity: visibleOpportunityWhere(viewer) }] }),
    },
    select: { id: true, leadId: true, actorUserId: true, createdAt: true },
  });
  if (!note) throw noteNotFound();
  const manager = viewer.role !== "rep";
  const ownRecent =
    actorUserId !== null && note.actorUserId === actorUserId && now.getTime() - note.createdAt.getTime() <= NOTE_DELETE_WINDOW_MS;
  if (!manager && !ownRecent) throw new AppError("FORBIDDEN", "leadPage.errors.noteDeleteForbidden");
  await db.activity.delete({ where: { id } });
  if (note.leadId) await rescoreLeads(db, [note.leadId]);
  return { id };
}
