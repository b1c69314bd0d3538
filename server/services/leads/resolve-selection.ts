import type { z } from "zod";
import { BULK_MAX, leadMessage, type LeadSelection } from "@/lib/schemas/lead";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { visibleLeadWhere, type CrmViewer } from "@/server/services/crm/access";
import { leadFilterWhere } from "./lead-filter-where";

type Selection = z.output<typeof LeadSelection>;

/**
 * The ids a bulk action applies to, all visible to the viewer. Ticked ids must all still be there:
 * one missing (deleted meanwhile, another rep's, another tenant's) fails the whole action, so a
 * bulk change never half-applies. "All matching" is refused past BULK_MAX rather than cut short.
 */
export async function resolveSelection(db: TenantDb, viewer: CrmViewer, selection: Selection): Promise<string[]> {
  if ("ids" in selection) {
    const wanted = [...new Set(selection.ids)];
    const rows = await db.lead.findMany({ where: { AND: [{ id: { in: wanted } }, visibleLeadWhere(viewer)] }, select: { id: true } });
    if (rows.length !== wanted.length) throw new AppError("NOT_FOUND", leadMessage("bulk_missing"));
    return wanted;
  }
  const rows = await db.lead.findMany({ where: leadFilterWhere(selection.filter, viewer), select: { id: true }, take: BULK_MAX + 1 });
  if (rows.length > BULK_MAX) throw new AppError("INVALID_INPUT", leadMessage("bulk_too_many", { max: BULK_MAX }));
  if (rows.length === 0) throw new AppError("INVALID_INPUT", leadMessage("bulk_empty"));
  return rows.map((r) => r.id);
}
