import { hostUrl } from "@/lib/host";
import { rootDomain } from "@/lib/env";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { randomSecret, sha256Hex } from "@/server/crypto/secret-box";
import type { ConsoleDeps } from "@/server/services/tenants/console-deps";
import { tenantNotFound } from "@/server/services/tenants/tenant-errors";
import { SUPPORT_GRANT_SECONDS, SUPPORT_SESSION_SECONDS } from "./support-limits";

/**
 * Session cookies are host-only, so the console cannot sign its operator into a tenant's host
 * directly: it makes a one-time grant (only its hash is stored) that the tenant host exchanges for
 * a read-only support session (app/t/[tenant]/support/[token]/route.ts). The tenant's own audit
 * log records that support was opened.
 */
export async function openSupportSession(
  db: TenantDb,
  tenantId: string,
  deps: ConsoleDeps,
  now = new Date(),
): Promise<{ url: string; expiresAt: Date }> {
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { id: true, slug: true, status: true } });
  if (!tenant) throw tenantNotFound();
  // A suspended or archived workspace answers nobody, support included.
  if (tenant.status !== "active") throw new AppError("CONFLICT", "console.errors.support_needs_active");
  const token = randomSecret(32);
  const expiresAt = new Date(now.getTime() + SUPPORT_GRANT_SECONDS * 1000);
  const grant = await db.supportGrant.create({
    data: { tokenHash: sha256Hex(token), adminUserId: deps.adminUserId, tenantSlug: tenant.slug, expiresAt },
    select: { id: true },
  });
  await deps.audit({
    action: "support.open",
    objectType: "tenant",
    objectId: tenant.id,
    tenantId: tenant.id,
    after: { grantId: grant.id, expiresAt, sessionMaxSeconds: SUPPORT_SESSION_SECONDS },
  });
  return { url: hostUrl(deps.origin, rootDomain(), tenant.slug, `/support/${token}`), expiresAt };
}
