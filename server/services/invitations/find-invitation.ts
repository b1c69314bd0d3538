import type { MemberRole } from "@/prisma/generated/client";
import type { TenantDb } from "@/server/db";
import { sha256Hex } from "@/server/crypto/secret-box";

export type InvitationStatus = "open" | "expired" | "revoked" | "used";

export type InvitationView = {
  id: string;
  email: string;
  name: string | null;
  role: MemberRole;
  expiresAt: Date;
  status: InvitationStatus;
  /** Whether a Linha account with the invited e-mail exists: it then signs in instead of signing up. */
  accountExists: boolean;
  /** That account already belongs to this tenant (it joined some other way since). */
  alreadyMember: boolean;
};

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

export function invitationStatus(row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): InvitationStatus {
  if (row.acceptedAt) return "used";
  if (row.revokedAt) return "revoked";
  return row.expiresAt <= now ? "expired" : "open";
}

/**
 * The invitation a token opens, looked up tenant-bound: another tenant's token is invisible under
 * RLS and reads exactly like a made-up one (null).
 */
export async function findInvitationByToken(db: TenantDb, token: string, now = new Date()): Promise<InvitationView | null> {
  if (!TOKEN.test(token)) return null;
  const row = await db.invitation.findUnique({
    where: { tokenHash: sha256Hex(token) },
    select: { id: true, email: true, name: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true },
  });
  if (!row) return null;
  const user = await db.user.findUnique({ where: { email: row.email }, select: { id: true } });
  const member = user ? await db.membership.findFirst({ where: { userId: user.id }, select: { id: true } }) : null;
  const { acceptedAt, revokedAt, ...rest } = row;
  return {
    ...rest,
    status: invitationStatus({ acceptedAt, revokedAt, expiresAt: row.expiresAt }, now),
    accountExists: user !== null,
    alreadyMember: member !== null,
  };
}
