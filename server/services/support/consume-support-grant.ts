import { platformDb, withTenant } from "@/server/db";
import { sha256Hex } from "@/server/crypto/secret-box";
import { recordAudit } from "@/server/services/audit/record-audit";

export type SupportGrantRefusal = "invalid" | "used" | "expired" | "wrong_tenant" | "not_super_admin" | "workspace_unavailable";

export class SupportGrantRefused extends Error {
  constructor(readonly reason: SupportGrantRefusal) {
    super(`support grant refused: ${reason}`);
    this.name = "SupportGrantRefused";
  }
}

export type SupportLogin = { userId: string; email: string; name: string; locale: string; scope: `support:${string}` };

/**
 * Exchanges a support link's token, on the tenant host `slug`, for the super admin it was made
 * for. The grant is burnt by the first attempt that finds it unused and unexpired, even if that
 * attempt then fails (wrong host, admin no longer super admin): a link works at most once. Marking
 * it used and recording `support.start` in the tenant's audit log commit together.
 */
export async function consumeSupportGrant(
  input: { token: string; slug: string; ip: string | null },
  now = new Date(),
): Promise<SupportLogin> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(input.token)) throw new SupportGrantRefused("invalid");
  const tenant = await platformDb().tenant.findUnique({ where: { slug: input.slug }, select: { id: true, status: true } });
  if (!tenant) throw new SupportGrantRefused("wrong_tenant");

  const outcome = await withTenant(tenant.id, async (db) => {
    const tokenHash = sha256Hex(input.token);
    const grant = await db.supportGrant.findUnique({
      where: { tokenHash },
      select: {
        id: true,
        tenantSlug: true,
        usedAt: true,
        expiresAt: true,
        adminUser: { select: { id: true, email: true, name: true, locale: true, isSuperAdmin: true } },
      },
    });
    if (!grant) return "invalid" as const;
    if (grant.usedAt) return "used" as const;
    if (grant.expiresAt <= now) return "expired" as const;
    // Conditional: of two simultaneous requests with the same link, exactly one gets here.
    const { count } = await db.supportGrant.updateMany({ where: { id: grant.id, usedAt: null }, data: { usedAt: now } });
    if (count === 0) return "used" as const;
    if (grant.tenantSlug !== input.slug) return "wrong_tenant" as const;
    if (!grant.adminUser.isSuperAdmin) return "not_super_admin" as const;
    if (tenant.status !== "active") return "workspace_unavailable" as const;
    const { adminUser } = grant;
    await recordAudit(
      db,
      { kind: "support", userId: adminUser.id, email: adminUser.email, ip: input.ip },
      { action: "support.start", objectType: "tenant", objectId: tenant.id, after: { grantId: grant.id } },
    );
    return {
      userId: adminUser.id,
      email: adminUser.email,
      name: adminUser.name,
      locale: adminUser.locale,
      scope: `support:${input.slug}`,
    } as const;
  });
  if (typeof outcome === "string") throw new SupportGrantRefused(outcome);
  return outcome;
}
