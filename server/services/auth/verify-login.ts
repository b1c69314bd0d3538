import type { HostTarget } from "@/lib/host";
import { platformDb, withTenant } from "@/server/db";
import { UNKNOWN_USER_HASH, verifyPassword } from "./password";

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export type LoginFailureCode = "invalid_credentials" | "locked" | "no_access" | "not_admin" | "workspace_unavailable";

export class LoginFailure extends Error {
  constructor(
    readonly code: LoginFailureCode,
    readonly params: Record<string, number> = {},
  ) {
    // The code (with params) reaches the sign-in form, which translates it.
    const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
    super(query ? `${code}?${query}` : code);
    this.name = "LoginFailure";
  }
}

export type LoginSuccess = {
  userId: string;
  email: string;
  name: string;
  locale: string;
  /** `support:<slug>` is never issued here: only a console support grant makes one. */
  scope: "admin" | `tenant:${string}` | `support:${string}`;
};

function minutesUntil(date: Date, now: Date): number {
  return Math.max(1, Math.ceil((date.getTime() - now.getTime()) / 60_000));
}

/** Counts a failure atomically; the failure that reaches the limit locks the account. */
async function recordFailure(userId: string, now: Date): Promise<Date | null> {
  const lockUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
  const rows = await platformDb().$queryRaw<{ lockedUntil: Date | null }[]>`
    UPDATE "User" SET
      "failedLoginCount" = CASE WHEN "failedLoginCount" + 1 >= ${MAX_FAILED_LOGINS} THEN 0 ELSE "failedLoginCount" + 1 END,
      "lockedUntil" = CASE WHEN "failedLoginCount" + 1 >= ${MAX_FAILED_LOGINS} THEN ${lockUntil}::timestamptz ELSE NULL END
    WHERE id = ${userId}::uuid
    RETURNING "lockedUntil"`;
  return rows[0]?.lockedUntil ?? null;
}

async function scopeFor(target: HostTarget, user: { id: string; isSuperAdmin: boolean }): Promise<LoginSuccess["scope"]> {
  if (target.kind === "admin") {
    if (!user.isSuperAdmin) throw new LoginFailure("not_admin");
    return "admin";
  }
  if (target.kind !== "tenant") throw new LoginFailure("workspace_unavailable");
  const tenant = await platformDb().tenant.findUnique({ where: { slug: target.slug } });
  if (!tenant || tenant.status !== "active") throw new LoginFailure("workspace_unavailable");
  const membership = await withTenant(tenant.id, (db) => db.membership.findFirst({ where: { userId: user.id } }));
  if (!membership) throw new LoginFailure("no_access");
  return `tenant:${tenant.slug}`;
}

/** Checks a sign-in attempt on the host it was made on. Throws LoginFailure with a user-facing code. */
export async function verifyLogin(
  input: { email: string; password: string; target: HostTarget },
  now: Date = new Date(),
): Promise<LoginSuccess> {
  const email = input.email.trim().toLowerCase();
  const user = email ? await platformDb().user.findUnique({ where: { email } }) : null;
  if (!user) {
    await verifyPassword(input.password, UNKNOWN_USER_HASH);
    throw new LoginFailure("invalid_credentials");
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new LoginFailure("locked", { minutes: minutesUntil(user.lockedUntil, now) });
  }
  if (!(await verifyPassword(input.password, user.passwordHash))) {
    const lockedUntil = await recordFailure(user.id, now);
    if (lockedUntil) throw new LoginFailure("locked", { minutes: minutesUntil(lockedUntil, now) });
    throw new LoginFailure("invalid_credentials");
  }
  await platformDb().user.update({
    where: { id: user.id },
    data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now },
  });
  const scope = await scopeFor(input.target, user);
  return { userId: user.id, email: user.email, name: user.name, locale: user.locale, scope };
}
