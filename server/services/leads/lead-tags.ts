import type { TenantDb } from "@/server/db";
import { seesEverything, type CrmViewer } from "@/server/services/crm/access";

/**
 * The tenant's most used tags among the leads the viewer may see, for the tag input's suggestions.
 * Raw SQL because Prisma cannot unnest an array column; the visibility clause mirrors
 * visibleLeadWhere (own or unassigned leads for a rep, unless the tenant shares everything), and
 * RLS keeps it inside the tenant.
 */
export async function topLeadTags(db: TenantDb, viewer: CrmViewer, limit = 50): Promise<{ tag: string; count: number }[]> {
  const everything = seesEverything(viewer);
  return db.$queryRaw<{ tag: string; count: number }[]>`
    SELECT t AS tag, count(*)::int AS count
    FROM "Lead" l, unnest(l.tags) AS t
    WHERE ${everything} OR l."ownerId" IS NULL OR l."ownerId" = ${viewer.membershipId}::uuid
    GROUP BY t
    ORDER BY count(*) DESC, t
    LIMIT ${limit}`;
}
