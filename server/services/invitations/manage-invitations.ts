import type { z } from "zod";
import { settingsMessage, type InvitationCreateInput, type InvitationOutput, type InvitationWithLink } from "@/lib/schemas/settings";
import type { MemberRole } from "@/prisma/generated/client";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import type { AuditEntry } from "@/server/services/audit/record-audit";
import { createInvitation } from "./create-invitation";
import { invitationLink } from "./invitation-link";

type Audit = (entry: Omit<AuditEntry, "tenantId">) => Promise<void>;
export type InvitingActor = { userId: string | null; role: MemberRole };
export type InvitingTenant = { id: string; slug: string };

const invitationSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  createdAt: true,
  expiresAt: true,
  invitedByUserId: true,
} as const;

type InvitationRow = {
  id: string;
  email: string;
  name: string | null;
  role: MemberRole;
  createdAt: Date;
  expiresAt: Date;
  invitedByUserId: string | null;
};

async function toOutputs(db: TenantDb, rows: InvitationRow[], now: Date): Promise<InvitationOutput[]> {
  const inviterIds = [...new Set(rows.map((r) => r.invitedByUserId).filter((v): v is string => v !== null))];
  const inviters = inviterIds.length ? await db.user.findMany({ where: { id: { in: inviterIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(inviters.map((u) => [u.id, u.name]));
  return rows.map(({ invitedByUserId, ...row }) => ({
    ...row,
    expired: row.expiresAt <= now,
    invitedBy: invitedByUserId ? (names.get(invitedByUserId) ?? null) : null,
  }));
}

/** Only an owner may invite an owner (the same rule as changing roles). */
function assertMayInvite(actor: InvitingActor, role: MemberRole): void {
  if (role === "owner" && actor.role !== "owner") {
    const message = settingsMessage("owner_only");
    throw new AppError("FORBIDDEN", message, { fieldErrors: { role: [message] } });
  }
}

/** Open invitations (not accepted, not revoked), expired ones included so they can be renewed. Bounded by the plan's user limit. */
export async function listInvitations(db: TenantDb, now = new Date()): Promise<InvitationOutput[]> {
  const rows = await db.invitation.findMany({
    where: { acceptedAt: null, revokedAt: null },
    select: invitationSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return toOutputs(db, rows, now);
}

async function issue(
  db: TenantDb,
  tenant: InvitingTenant,
  actor: InvitingActor,
  input: { email: string; name: string | null; role: MemberRole },
  origin: string,
): Promise<InvitationWithLink> {
  const created = await createInvitation(db, { tenantId: tenant.id, ...input, invitedByUserId: actor.userId });
  const row = await db.invitation.findUniqueOrThrow({ where: { id: created.id }, select: invitationSelect });
  const [invitation] = await toOutputs(db, [row], new Date());
  return { invitation: invitation!, link: invitationLink(origin, tenant.slug, created.token) };
}

export async function inviteMember(
  db: TenantDb,
  tenant: InvitingTenant,
  actor: InvitingActor,
  input: z.output<typeof InvitationCreateInput>,
  origin: string,
  audit: Audit,
): Promise<InvitationWithLink> {
  assertMayInvite(actor, input.role);
  const result = await issue(db, tenant, actor, input, origin);
  const { id, email, role, expiresAt } = result.invitation;
  await audit({ action: "invitation.create", objectType: "invitation", objectId: id, after: { email, name: input.name, role, expiresAt } });
  return result;
}

async function findOpen(db: TenantDb, id: string) {
  const invitation = await db.invitation.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, acceptedAt: true, revokedAt: true, expiresAt: true },
  });
  if (!invitation || invitation.revokedAt) throw new AppError("NOT_FOUND", settingsMessage("invitation_not_found"));
  if (invitation.acceptedAt) throw new AppError("CONFLICT", settingsMessage("invitation_accepted"));
  return invitation;
}

/**
 * A new link for an open invitation (the old link stops working). Links can't be shown twice:
 * only the token's hash is stored. An unexpired invitation keeps its slot in the user limit.
 */
export async function renewInvitation(
  db: TenantDb,
  tenant: InvitingTenant,
  actor: InvitingActor,
  id: string,
  origin: string,
  audit: Audit,
): Promise<InvitationWithLink> {
  const old = await findOpen(db, id);
  assertMayInvite(actor, old.role);
  const result = await issue(db, tenant, actor, { email: old.email, name: old.name, role: old.role }, origin);
  await audit({
    action: "invitation.renew",
    objectType: "invitation",
    objectId: result.invitation.id,
    before: { id: old.id, expiresAt: old.expiresAt },
    after: { id: result.invitation.id, email: old.email, role: old.role, expiresAt: result.invitation.expiresAt },
  });
  return result;
}

export async function revokeInvitation(db: TenantDb, actor: InvitingActor, id: string, audit: Audit): Promise<{ id: string }> {
  const invitation = await findOpen(db, id);
  assertMayInvite(actor, invitation.role);
  // Conditional, so a revoke racing an acceptance (which locks the row) changes nothing once accepted.
  const { count } = await db.invitation.updateMany({ where: { id, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) throw new AppError("CONFLICT", settingsMessage("invitation_closed"));
  await audit({
    action: "invitation.revoke",
    objectType: "invitation",
    objectId: id,
    before: { email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt },
  });
  return { id };
}
