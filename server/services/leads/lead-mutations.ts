import type { z } from "zod";
import type { LeadCreateInput, LeadOutput, LeadUpdateInput } from "@/lib/schemas/lead";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { leadSelect, toLeadOutput } from "./lead-output";

type CreateData = z.output<typeof LeadCreateInput>;
type UpdateData = z.output<typeof LeadUpdateInput>["data"];

const leadNotFound = () => new AppError("NOT_FOUND", "errors.lead_not_found");

/** RLS makes another tenant's membership invisible, so it fails exactly like a missing one. */
async function assertOwnerIsMember(db: TenantDb, ownerId: string | null | undefined): Promise<void> {
  if (!ownerId) return;
  const member = await db.membership.findUnique({ where: { id: ownerId }, select: { id: true } });
  if (!member) {
    throw new AppError("INVALID_INPUT", "errors.owner_not_member", { fieldErrors: { ownerId: ["errors.owner_not_member"] } });
  }
}

export async function getLead(db: TenantDb, id: string): Promise<LeadOutput> {
  const row = await db.lead.findUnique({ where: { id }, select: leadSelect });
  if (!row) throw leadNotFound();
  return toLeadOutput(row);
}

/** A lead created without an explicit owner belongs to whoever created it (if a member did). */
export async function createLead(db: TenantDb, data: CreateData, creatorMembershipId: string | null): Promise<LeadOutput> {
  const ownerId = data.ownerId === undefined ? creatorMembershipId : data.ownerId;
  await assertOwnerIsMember(db, ownerId);
  const row = await db.lead.create({ data: { ...data, ownerId }, select: leadSelect });
  return toLeadOutput(row);
}

export async function updateLead(db: TenantDb, id: string, data: UpdateData): Promise<LeadOutput> {
  const existing = await db.lead.findUnique({ where: { id }, select: { id: true } });
  if (!existing) throw leadNotFound();
  await assertOwnerIsMember(db, data.ownerId);
  const row = await db.lead.update({ where: { id }, data, select: leadSelect });
  return toLeadOutput(row);
}

export async function deleteLead(db: TenantDb, id: string): Promise<{ id: string }> {
  const { count } = await db.lead.deleteMany({ where: { id } });
  if (count === 0) throw leadNotFound();
  return { id };
}
