import type { BoardCard } from "@/lib/schemas/pipeline";
import type { Prisma, TaskType } from "@/prisma/generated/client";
import type { TenantDb } from "@/server/db";
import { visibleTaskWhere, type CrmViewer } from "@/server/services/crm/access";

export const boardCardSelect = {
  id: true,
  title: true,
  value: true,
  stageId: true,
  leadId: true,
  expectedCloseOn: true,
  stageEnteredAt: true,
  lead: { select: { id: true, name: true } },
  owner: { select: { id: true, user: { select: { name: true } } } },
} satisfies Prisma.OpportunitySelect;

export type BoardCardRow = Prisma.OpportunityGetPayload<{ select: typeof boardCardSelect }>;

const DAY_MS = 86_400_000;

type OpenTask = { id: string; title: string; type: TaskType; dueAt: Date };

/**
 * The open tasks of the cards' opportunities and of their leads, grouped per card, earliest due
 * first. Tasks belong to another area: they are only read here, as the viewer may see them.
 */
async function openTasksByCard(db: TenantDb, viewer: CrmViewer, rows: readonly BoardCardRow[]): Promise<Map<string, OpenTask[]>> {
  const byCard = new Map<string, OpenTask[]>();
  if (rows.length === 0) return byCard;
  const leadIds = [...new Set(rows.flatMap((r) => (r.leadId ? [r.leadId] : [])))];
  const tasks = await db.task.findMany({
    where: {
      AND: [
        { completedAt: null },
        { OR: [{ opportunityId: { in: rows.map((r) => r.id) } }, ...(leadIds.length ? [{ leadId: { in: leadIds } }] : [])] },
        visibleTaskWhere(viewer),
      ],
    },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    select: { id: true, title: true, type: true, dueAt: true, opportunityId: true, leadId: true },
  });
  for (const row of rows) {
    byCard.set(
      row.id,
      tasks.filter((t) => t.opportunityId === row.id || (row.leadId !== null && t.leadId === row.leadId && t.opportunityId === null)),
    );
  }
  return byCard;
}

/** Card facts computed at `now`: age in stage (whole days), rotting, next task and overdue count. */
export async function toBoardCards(
  db: TenantDb,
  viewer: CrmViewer,
  rows: readonly BoardCardRow[],
  rottingDaysOf: (stageId: string) => number | null,
  now: Date,
): Promise<BoardCard[]> {
  const tasks = await openTasksByCard(db, viewer, rows);
  return rows.map((row) => {
    const ageDays = Math.max(0, Math.floor((now.getTime() - row.stageEnteredAt.getTime()) / DAY_MS));
    const rottingDays = rottingDaysOf(row.stageId);
    const open = tasks.get(row.id) ?? [];
    const next = open[0];
    return {
      id: row.id,
      title: row.title,
      value: row.value.toFixed(2),
      stageId: row.stageId,
      lead: row.lead,
      owner: row.owner ? { id: row.owner.id, name: row.owner.user.name } : null,
      expectedCloseOn: row.expectedCloseOn ? row.expectedCloseOn.toISOString().slice(0, 10) : null,
      stageEnteredAt: row.stageEnteredAt,
      ageDays,
      rotting: rottingDays !== null && ageDays > rottingDays,
      nextTask: next ? { ...next, overdue: next.dueAt < now } : null,
      overdueTasks: open.filter((t) => t.dueAt < now).length,
    };
  });
}
