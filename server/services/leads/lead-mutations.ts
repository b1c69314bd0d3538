import type { z } from "zod";
import { leadMessage, type LeadCreateInput, type LeadOutput, type LeadUpdateInput } from "@/lib/schemas/lead";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { recordActivity, type ActivityActor } from "@/server/services/activities/record-activity";
import { mayAssignTo, visibleLeadWhere, type CrmViewer } from "@/server/services/crm/access";
import { rescoreLeads } from "@/server/services/scoring/rescore-leads";
import { leadSelect, toLeadOutput } from "./lead-output";

type CreateData = z.output<typeof LeadCreateInput>;
type UpdateData = z.output<typeof LeadUpdateInput>["data"];

/** Who is acting: what they may see and assign (CrmViewer) and how timelines name them. */
export type LeadActor = { viewer: CrmViewer; activity: ActivityActor };

const leadNotFound = () => new AppError("NOT_FOUND", "errors.lead_not_found");

/** Fields a scoring rule can read (lib/schemas/score.ts conditions). */
const SCORED_FIELDS = ["company", "cnpj", "email", "source", "status", "tags", "employees"] as const;
/** Changes worth a line on the lead's timeline. */
const TIMELINE_FIELDS = ["ownerId", "status", "tags"] as const;

/**
 * The owner must be a member of this tenant (RLS hides other tenants' memberships, so they fail
 * exactly like a missing one), and a rep may only take a lead for themselves.
 */
export async function assertAssignable(db: TenantDb, viewer: CrmViewer, ownerId: string | null | undefined): Promise<void> {
  if (!ownerId) return;
  if (!mayAssignTo(viewer, ownerId)) {
    throw new AppError("INVALID_INPUT", leadMessage("assign_self_only"), { fieldErrors: { ownerId: [leadMessage("assign_self_only")] } });
  }
  const member = await db.membership.findUnique({ where: { id: ownerId }, select: { id: true } });
  if (!member) {
    throw new AppError("INVALID_INPUT", "errors.owner_not_member", { fieldErrors: { ownerId: ["errors.owner_not_member"] } });
  }
}

async function visibleLead(db: TenantDb, viewer: CrmViewer, id: string) {
  const row = await db.lead.findFirst({ where: { AND: [{ id }, visibleLeadWhere(viewer)] }, select: leadSelect });
  if (!row) throw leadNotFound();
  return row;
}

/** Another rep's private lead is NOT_FOUND, exactly like another tenant's. */
export async function getLead(db: TenantDb, viewer: CrmViewer, id: string): Promise<LeadOutput> {
  return toLeadOutput(await visibleLead(db, viewer, id));
}

/** A lead created without an explicit owner belongs to whoever created it (if a member did). */
export async function createLead(db: TenantDb, actor: LeadActor, data: CreateData): Promise<LeadOutput> {
  const ownerId = data.ownerId === undefined ? actor.viewer.membershipId : data.ownerId;
  await assertAssignable(db, actor.viewer, ownerId);
  const { id } = await db.lead.create({ data: { ...data, ownerId }, select: { id: true } });
  // recordActivity rescores the lead (every activity on a lead does), so the score is fresh below.
  await recordActivity(db, actor.activity, { kind: "lead_created", leadId: id });
  return getLead(db, actor.viewer, id);
}

function changedFields(before: Record<string, unknown>, data: UpdateData): string[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return Object.entries(data)
    .filter(([key, value]) => value !== undefined && !same(before[key], value))
    .map(([key]) => key);
}

export async function updateLead(db: TenantDb, actor: LeadActor, id: string, data: UpdateData): Promise<LeadOutput> {
  const before = await visibleLead(db, actor.viewer, id);
  if (data.ownerId !== undefined && data.ownerId !== (before.owner?.id ?? null)) await assertAssignable(db, actor.viewer, data.ownerId);
  const changed = changedFields({ ...before, ownerId: before.owner?.id ?? null }, data);
  if (changed.length === 0) return toLeadOutput(before);
  await db.lead.update({ where: { id }, data, select: { id: true } });
  const onTimeline = changed.filter((f) => (TIMELINE_FIELDS as readonly string[]).includes(f));
  if (onTimeline.length > 0) {
    const fields = onTimeline.map((f) => (f === "ownerId" ? "owner" : f));
    await recordActivity(db, actor.activity, { kind: "lead_updated", leadId: id, data: { fields } });
  } else if (changed.some((f) => (SCORED_FIELDS as readonly string[]).includes(f))) {
    await rescoreLeads(db, [id]);
  }
  // Read back after rescoring, so the answer carries the new score.
  const row = await db.lead.findUnique({ where: { id }, select: leadSelect });
  if (!row) throw leadNotFound();
  return toLeadOutput(row);
}

export async function deleteLead(db: TenantDb, viewer: CrmViewer, id: string): Promise<{ id: string }> {
  const { count } = await db.lead.deleteMany({ where: { AND: [{ id }, visibleLeadWhere(viewer)] } });
  if (count === 0) throw leadNotFound();
  return { id };
}
