import { lineAmount, sumAmounts, type OpportunityLineInput } from "@/lib/schemas/opportunity";
import type { z } from "zod";
import type { TenantDb } from "@/server/db";
import { mayAssignTo, type CrmViewer } from "@/server/services/crm/access";
import { assertLeadVisible } from "@/server/services/crm/visible-records";
import { ensureDefaultPipeline } from "@/server/services/pipelines/ensure-default-pipeline";
import { assignSelfOnly, ownerNotMember, unknownStage } from "./opportunity-errors";

type Line = z.output<typeof OpportunityLineInput>;
export type StageOfPipeline = { id: string; name: string; pipelineId: string };

/** The value of an opportunity with lines is their sum (quantity × unit price), computed here, never taken from input. */
export function valueOfLines(lines: readonly Pick<Line, "quantity" | "unitPrice">[]): string {
  return sumAmounts(lines.map((line) => lineAmount(line.quantity, line.unitPrice)));
}

export function lineRows(lines: readonly Line[]) {
  return lines.map((line, position) => ({ description: line.description, quantity: line.quantity, unitPrice: line.unitPrice, position }));
}

/** Reps may only take an opportunity themselves (or leave it unassigned); the owner must be a member here. */
export async function assertAssignable(db: TenantDb, viewer: CrmViewer, ownerId: string | null): Promise<void> {
  if (!mayAssignTo(viewer, ownerId)) throw assignSelfOnly();
  if (ownerId && !(await db.membership.findUnique({ where: { id: ownerId }, select: { id: true } }))) throw ownerNotMember();
}

/** The lead an opportunity links to, if the viewer may see it (else NOT_FOUND, as a missing lead). */
export async function visibleLead(db: TenantDb, viewer: CrmViewer, leadId: string) {
  await assertLeadVisible(db, viewer, leadId);
  return db.lead.findUniqueOrThrow({ where: { id: leadId }, select: { id: true, name: true, company: true } });
}

/** The given stage, or the first stage of the first pipeline when none is given. */
export async function stageFor(db: TenantDb, stageId: string | undefined): Promise<StageOfPipeline> {
  if (stageId) {
    const stage = await db.stage.findUnique({ where: { id: stageId }, select: { id: true, name: true, pipelineId: true } });
    if (!stage) throw unknownStage();
    return stage;
  }
  await ensureDefaultPipeline(db);
  const first = await db.stage.findFirst({
    orderBy: [{ pipeline: { position: "asc" } }, { pipeline: { createdAt: "asc" } }, { position: "asc" }],
    select: { id: true, name: true, pipelineId: true },
  });
  if (!first) throw unknownStage();
  return first;
}

/** "2026-12-31" → the Date Prisma writes to a `@db.Date` column. */
export function dayToDate(day: string | null | undefined): Date | null | undefined {
  return day === undefined ? undefined : day === null ? null : new Date(`${day}T00:00:00.000Z`);
}
