import { messageKey } from "@/lib/i18n";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";

export type LimitedResource = "users" | "extensions" | "dids";
export type PlanUsage = Record<LimitedResource, { used: number; limit: number }>;

/**
 * What a tenant uses against its plan. Users count pending invitations too, so inviting cannot
 * overshoot the plan. Filters by tenantId explicitly: it runs both tenant-bound and in the console.
 */
export async function planUsage(db: TenantDb, tenantId: string): Promise<PlanUsage> {
  const now = new Date();
  const [tenant, members, invitations, extensions, dids] = await Promise.all([
    db.tenant.findUniqueOrThrow({
      where: { id: tenantId },
      select: { plan: { select: { maxUsers: true, maxExtensions: true, maxDids: true } } },
    }),
    db.membership.count({ where: { tenantId } }),
    db.invitation.count({ where: { tenantId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } } }),
    db.extension.count({ where: { tenantId } }),
    db.did.count({ where: { tenantId } }),
  ]);
  const { plan } = tenant;
  return {
    users: { used: members + invitations, limit: plan.maxUsers },
    extensions: { used: extensions, limit: plan.maxExtensions },
    dids: { used: dids, limit: plan.maxDids },
  };
}

/**
 * Throws LIMIT_REACHED (naming the limit) unless `adding` more of `resource` fit the plan. Call it
 * in the same transaction as the insert; the tenant row is locked so two concurrent requests
 * cannot both take the last slot.
 */
export async function assertWithinPlanLimit(db: TenantDb, tenantId: string, resource: LimitedResource, adding = 1): Promise<void> {
  await db.$queryRaw`SELECT 1 FROM "Tenant" WHERE id = ${tenantId}::uuid FOR UPDATE`;
  const usage = (await planUsage(db, tenantId))[resource];
  if (usage.used + adding > usage.limit) {
    throw new AppError("LIMIT_REACHED", messageKey(`limit_${resource}`, { limit: usage.limit }), { resource, ...usage });
  }
}
