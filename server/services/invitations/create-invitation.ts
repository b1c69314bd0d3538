import type { MemberRole } from "@/prisma/generated/client";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { randomSecret, sha256Hex } from "@/server/crypto/secret-box";
import { assertWithinPlanLimit } from "@/server/services/limits/plan-limits";

export const INVITATION_DAYS = 7;

export type NewInvitation = { id: string; email: string; role: MemberRole; expiresAt: Date; token: string };

/**
 * Invites `email` to the tenant with `role`; returns the one-time token (only its hash is kept).
 * Inviting again replaces the open invitation. Counts against the plan's user limit: replacing an
 * unexpired invitation reuses its slot, replacing an expired one (which no longer counts) takes a
 * new one. Runs tenant-bound (settings) and in the console's transaction (tenant creation).
 */
export async function createInvitation(
  db: TenantDb,
  input: { tenantId: string; email: string; name?: string | null; role: MemberRole; invitedByUserId: string | null },
  now = new Date(),
): Promise<NewInvitation> {
  const email = input.email.trim().toLowerCase();
  // One invitation change at a time per tenant: the limit check and the replaced invitation's
  // slot are decided on the same snapshot (assertWithinPlanLimit takes the same lock).
  await db.$queryRaw`SELECT 1 FROM "Tenant" WHERE id = ${input.tenantId}::uuid FOR UPDATE`;
  const member = await db.membership.findFirst({ where: { tenantId: input.tenantId, user: { email } }, select: { id: true } });
  if (member) throw new AppError("CONFLICT", "errors.already_member", { fieldErrors: { email: ["errors.already_member"] } });

  const open = await db.invitation.findMany({
    where: { tenantId: input.tenantId, email, acceptedAt: null, revokedAt: null },
    select: { id: true, expiresAt: true },
  });
  if (open.length > 0) await db.invitation.updateMany({ where: { id: { in: open.map((i) => i.id) } }, data: { revokedAt: now } });
  if (!open.some((i) => i.expiresAt > now)) await assertWithinPlanLimit(db, input.tenantId, "users");

  const token = randomSecret(32);
  const invitation = await db.invitation.create({
    data: {
      tenantId: input.tenantId,
      email,
      name: input.name ?? null,
      role: input.role,
      tokenHash: sha256Hex(token),
      invitedByUserId: input.invitedByUserId,
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
    },
    select: { id: true, email: true, role: true, expiresAt: true },
  });
  return { ...invitation, token };
}
