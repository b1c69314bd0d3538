import type { z } from "zod";
import { NewAccountFields, type InvitationAcceptInput, type InvitationFailure } from "@/lib/schemas/settings";
import { Prisma, type MemberRole } from "@/prisma/generated/client";
import { platformDb, withTenant, type TenantDb } from "@/server/db";
import { sha256Hex } from "@/server/crypto/secret-box";
import { recordAudit } from "@/server/services/audit/record-audit";
import { hashPassword, verifyPassword } from "@/server/services/auth/password";
import { LOCKOUT_MINUTES, MAX_FAILED_LOGINS, type LoginSuccess } from "@/server/services/auth/verify-login";
import { findInvitationByToken, invitationStatus } from "./find-invitation";

export class InvitationAcceptFailure extends Error {
  constructor(
    readonly code: InvitationFailure | "invalid_input",
    readonly params: Record<string, number> = {},
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(code);
    this.name = "InvitationAcceptFailure";
  }
}

type AcceptInput = z.output<typeof InvitationAcceptInput>;
type Tenant = { id: string; slug: string };
type Account = { kind: "existing"; userId: string } | { kind: "new"; name: string; passwordHash: string };

function minutesUntil(date: Date, now: Date): number {
  return Math.max(1, Math.ceil((date.getTime() - now.getTime()) / 60_000));
}

/**
 * The invitee proves they own the existing account with its password. Wrong passwords count
 * towards the same lockout as the sign-in page (the invite page must not be a way around it);
 * the count is written outside the acceptance transaction, which a failure never opens.
 */
async function existingAccount(email: string, password: string, now: Date): Promise<Account> {
  const user = await platformDb().user.findUnique({ where: { email }, select: { id: true, passwordHash: true, lockedUntil: true } });
  if (!user) throw new InvitationAcceptFailure("invalid");
  if (user.lockedUntil && user.lockedUntil > now)
    throw new InvitationAcceptFailure("locked", { minutes: minutesUntil(user.lockedUntil, now) });
  if (await verifyPassword(password, user.passwordHash)) return { kind: "existing", userId: user.id };
  const lockUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
  const [row] = await platformDb().$queryRaw<{ lockedUntil: Date | null }[]>`
    UPDATE "User" SET
      "failedLoginCount" = CASE WHEN "failedLoginCount" + 1 >= ${MAX_FAILED_LOGINS} THEN 0 ELSE "failedLoginCount" + 1 END,
      "lockedUntil" = CASE WHEN "failedLoginCount" + 1 >= ${MAX_FAILED_LOGINS} THEN ${lockUntil}::timestamptz ELSE NULL END
    WHERE id = ${user.id}::uuid
    RETURNING "lockedUntil"`;
  if (row?.lockedUntil) throw new InvitationAcceptFailure("locked", { minutes: minutesUntil(row.lockedUntil, now) });
  throw new InvitationAcceptFailure("wrong_password", {}, { password: ["settings.invite.wrongPassword"] });
}

async function newAccount(input: AcceptInput): Promise<Account> {
  const fields = NewAccountFields.safeParse({
    name: input.name ?? "",
    password: input.password,
    passwordConfirm: input.passwordConfirm ?? "",
  });
  if (!fields.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of fields.error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
    throw new InvitationAcceptFailure("invalid_input", {}, fieldErrors);
  }
  return { kind: "new", name: fields.data.name, passwordHash: await hashPassword(fields.data.password) };
}

type LockedInvitation = { id: string; email: string; role: MemberRole; expiresAt: Date; acceptedAt: Date | null; revokedAt: Date | null };

/** Row lock: two tabs accepting the same link at once get one membership and one "used". */
async function lockInvitation(db: TenantDb, token: string): Promise<LockedInvitation> {
  const [row] = await db.$queryRaw<LockedInvitation[]>`
    SELECT id, email, role, "expiresAt", "acceptedAt", "revokedAt" FROM "Invitation"
    WHERE "tokenHash" = ${sha256Hex(token)} FOR UPDATE`;
  if (!row) throw new InvitationAcceptFailure("invalid");
  return row;
}

/** Creates the user (platform table) through the tenant transaction's own client, so it commits or rolls back with the membership. */
async function userFor(db: TenantDb, email: string, account: Account, locale: string, now: Date) {
  const select = { id: true, email: true, name: true, locale: true } as const;
  if (account.kind === "existing") {
    const user = await db.user.findUnique({ where: { email }, select });
    if (!user || user.id !== account.userId) throw new InvitationAcceptFailure("invalid");
    await db.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now } });
    return user;
  }
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) throw new InvitationAcceptFailure("account_exists");
  return db.user.create({ data: { email, name: account.name, passwordHash: account.passwordHash, locale, lastLoginAt: now }, select });
}

/**
 * Accepts an invitation on its tenant's host: checks the token, then signs the invitee up (name
 * and password) or in (their existing password), and in ONE tenant transaction creates the user
 * if needed, the membership with the invitation's role, marks the invitation used and records
 * `invitation.accept`. Returns what the session cookie is made from. The tenant comes from the
 * Host, never from input; another tenant's token is not visible under RLS ("invalid").
 *
 * The plan's user limit is not checked again: the open invitation already held the slot, and
 * accepting turns it into a membership (one counted row becomes another).
 */
export async function acceptInvitation(
  tenant: Tenant,
  input: AcceptInput,
  context: { ip: string | null; locale: string },
  now = new Date(),
): Promise<LoginSuccess> {
  const view = await withTenant(tenant.id, (db) => findInvitationByToken(db, input.token, now));
  if (!view) throw new InvitationAcceptFailure("invalid");
  if (view.status !== "open") throw new InvitationAcceptFailure(view.status);
  const account = view.accountExists ? await existingAccount(view.email, input.password, now) : await newAccount(input);

  try {
    return await withTenant(tenant.id, async (db) => {
      const invitation = await lockInvitation(db, input.token);
      const status = invitationStatus(invitation, now);
      if (status !== "open") throw new InvitationAcceptFailure(status);
      const user = await userFor(db, invitation.email, account, context.locale, now);
      if (await db.membership.findFirst({ where: { userId: user.id }, select: { id: true } })) {
        throw new InvitationAcceptFailure("already_member");
      }
      const membership = await db.membership.create({
        data: { tenantId: tenant.id, userId: user.id, role: invitation.role },
        select: { id: true },
      });
      await db.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: now } });
      await recordAudit(
        db,
        { kind: "member", userId: user.id, email: user.email, ip: context.ip },
        {
          action: "invitation.accept",
          objectType: "invitation",
          objectId: invitation.id,
          after: { email: user.email, role: invitation.role, membershipId: membership.id, newAccount: account.kind === "new" },
        },
      );
      return { userId: user.id, email: user.email, name: user.name, locale: user.locale, scope: `tenant:${tenant.slug}` as const };
    });
  } catch (error) {
    // Two sign-ups for one e-mail at the same moment: the unique e-mail decides, the loser is told to sign in.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new InvitationAcceptFailure("account_exists");
    throw error;
  }
}
