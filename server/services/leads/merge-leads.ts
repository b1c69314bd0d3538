import type { z } from "zod";
import { TAGS_PER_LEAD } from "@/lib/schemas/lead";
import {
  MERGE_PICK_FIELDS,
  leadImportMessage,
  type LeadMergeCandidate,
  type LeadMergeComparison,
  type LeadMergeInput,
  type LeadMergeResult,
  type MergePickField,
  type MergeSide,
} from "@/lib/schemas/lead-import";
import type { Prisma } from "@/prisma/generated/client";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { recordActivity, type ActivityActor } from "@/server/services/activities/record-activity";
import type { AuditEntry } from "@/server/services/audit/record-audit";
import { visibleLeadWhere, type CrmViewer } from "@/server/services/crm/access";

const NOTES_MAX = 2000;

const candidateSelect = {
  id: true,
  name: true,
  company: true,
  cnpj: true,
  email: true,
  phone: true,
  source: true,
  status: true,
  ownerId: true,
  owner: { select: { id: true, user: { select: { name: true } } } },
  employees: true,
  tags: true,
  notes: true,
  lastContactAt: true,
  createdAt: true,
  _count: { select: { activities: true, tasks: true, opportunities: true } },
} satisfies Prisma.LeadSelect;
type CandidateRow = Prisma.LeadGetPayload<{ select: typeof candidateSelect }>;

/** Another rep's private lead fails exactly like a missing one (server/services/crm/visible-records.ts). */
async function loadCandidate(db: TenantDb, viewer: CrmViewer, id: string): Promise<CandidateRow> {
  const row = await db.lead.findFirst({ where: { AND: [{ id }, visibleLeadWhere(viewer)] }, select: candidateSelect });
  if (!row) throw new AppError("NOT_FOUND", "errors.lead_not_found");
  return row;
}

function toCandidate(row: CandidateRow): LeadMergeCandidate {
  const { owner, _count, ownerId: _ownerId, ...rest } = row;
  return { ...rest, owner: owner ? { id: owner.id, name: owner.user.name } : null, counts: _count };
}

/** Both leads side by side for the merge dialog, with what would move from the merged one. */
export async function compareLeadsForMerge(
  db: TenantDb,
  viewer: CrmViewer,
  pair: { keepId: string; mergeId: string },
): Promise<LeadMergeComparison> {
  const keep = await loadCandidate(db, viewer, pair.keepId);
  const merge = await loadCandidate(db, viewer, pair.mergeId);
  return { keep: toCandidate(keep), merge: toCandidate(merge) };
}

type MergeFields = Pick<CandidateRow, MergePickField | "tags" | "notes" | "lastContactAt">;
export type MergedLead = {
  data: MergeFields;
  /** The merged lead's notes when joining both would pass the column's limit: kept on the timeline. */
  overflowNotes: string | null;
};

/** Empty means unknown: null, blank, or the "other" source every lead starts with. */
const isEmpty = (field: MergePickField, value: unknown) => value === null || value === "" || (field === "source" && value === "other");

/**
 * Pure. Each field keeps the kept lead's value unless `pick` says "merge" or the kept value is
 * empty; tags are united (kept lead's first) and notes joined; the last contact is the later one.
 * Returns null for tags when the union would pass the per-lead limit.
 */
export function mergedLeadFields(
  keep: MergeFields,
  merge: MergeFields,
  pick: Partial<Record<MergePickField, MergeSide>> = {},
): MergedLead | null {
  // Only the merged fields: the rows passed in may carry more (id, owner, counts).
  const chosen: Record<string, unknown> = {};
  for (const field of MERGE_PICK_FIELDS) {
    const side = pick[field] ?? (isEmpty(field, keep[field]) && !isEmpty(field, merge[field]) ? "merge" : "keep");
    chosen[field] = side === "merge" ? merge[field] : keep[field];
  }
  const data = { ...(chosen as Pick<MergeFields, MergePickField>), tags: keep.tags, notes: keep.notes, lastContactAt: keep.lastContactAt };
  data.tags = [...new Set([...keep.tags, ...merge.tags])];
  if (data.tags.length > TAGS_PER_LEAD) return null;

  let overflowNotes: string | null = null;
  const mergeNotes = merge.notes?.trim() ?? "";
  const keepNotes = keep.notes?.trim() ?? "";
  if (mergeNotes !== "" && mergeNotes !== keepNotes) {
    const joined = keepNotes === "" ? mergeNotes : `${keepNotes}\n\n${mergeNotes}`;
    if (joined.length <= NOTES_MAX) data.notes = joined;
    else overflowNotes = mergeNotes;
  }
  const contacts = [keep.lastContactAt, merge.lastContactAt].filter((d): d is Date => d !== null);
  data.lastContactAt = contacts.length > 0 ? new Date(Math.max(...contacts.map((d) => d.getTime()))) : null;
  return { data, overflowNotes };
}

type Merger = { viewer: CrmViewer; actor: ActivityActor; audit: (entry: Omit<AuditEntry, "tenantId">) => Promise<void> };

/**
 * Merges `mergeId` into `keepId` in the request's one transaction: fields, then the merged lead's
 * activities, tasks and opportunities move over, the merged lead is deleted, the kept lead's
 * timeline records the merge (which rescores it) and the audit log the before and after.
 * Managers and above merge any two leads; a rep only two leads that are theirs or unassigned.
 */
export async function mergeLeads(db: TenantDb, merger: Merger, input: z.output<typeof LeadMergeInput>): Promise<LeadMergeResult> {
  const { viewer, actor } = merger;
  const keep = await loadCandidate(db, viewer, input.keepId);
  const merge = await loadCandidate(db, viewer, input.mergeId);
  if (viewer.role === "rep") {
    const mine = (ownerId: string | null) => ownerId === null || ownerId === viewer.membershipId;
    if (!mine(keep.ownerId) || !mine(merge.ownerId)) throw new AppError("FORBIDDEN", leadImportMessage("errors.mergeNotYours"));
  }
  const merged = mergedLeadFields(keep, merge, input.pick);
  if (!merged) throw new AppError("CONFLICT", leadImportMessage("errors.mergeTooManyTags", { max: TAGS_PER_LEAD }));

  const from = { leadId: input.mergeId };
  const to = { leadId: input.keepId };
  const moved = {
    activities: (await db.activity.updateMany({ where: from, data: to })).count,
    tasks: (await db.task.updateMany({ where: from, data: to })).count,
    opportunities: (await db.opportunity.updateMany({ where: from, data: to })).count,
  };
  // Calls too, before the delete would clear their lead (ON DELETE SET NULL): the history follows the lead.
  const movedCalls = (await db.call.updateMany({ where: from, data: to })).count;
  const { count } = await db.lead.deleteMany({ where: { id: input.mergeId } });
  if (count === 0) throw new AppError("NOT_FOUND", "errors.lead_not_found");
  await db.lead.update({ where: { id: input.keepId }, data: merged.data });
  await recordActivity(db, actor, {
    kind: "lead_merged",
    leadId: input.keepId,
    body: merged.overflowNotes,
    data: { mergedLeadId: merge.id, mergedLeadName: merge.name },
  });
  const snapshot = (row: CandidateRow) => {
    const { _count, owner: _owner, ...fields } = row;
    return { ...fields, counts: _count };
  };
  await merger.audit({
    action: "lead.merge",
    objectType: "lead",
    objectId: input.keepId,
    before: { keep: snapshot(keep), merge: snapshot(merge) },
    after: { ...merged.data, mergedLeadId: merge.id, moved, movedCalls },
  });
  return { id: input.keepId, moved };
}
