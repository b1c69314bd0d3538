import { platformDb } from "@/server/db";
import { SUPPORT_SESSION_SECONDS } from "./support-limits";

/**
 * Whether `adminUserId` opened a support session on `slug` within the last hour. The session
 * cookie already expires after that hour, but next-auth re-issues a JWT with its default lifetime
 * when /api/auth/session is called; this check bounds the session by the grant itself.
 */
export async function supportSessionActive(adminUserId: string, slug: string, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - SUPPORT_SESSION_SECONDS * 1000);
  const grant = await platformDb().supportGrant.findFirst({
    where: { adminUserId, tenantSlug: slug, usedAt: { gte: since, lte: now } },
    select: { id: true },
  });
  return grant !== null;
}
