import { leadMessage, TAGS_PER_LEAD } from "@/lib/schemas/lead";
import type { Prisma } from "@/prisma/generated/client";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import type { ActivityActor } from "@/server/services/activities/record-activity";
import { rescoreLeads } from "@/server/services/scoring/rescore-leads";
import { assertAssignable, type LeadActor } from "./lead-mutations";

// Bulk actions on ids already resolved (resolve-selection.ts: visible, all present, capped). Each
// runs in the request's transaction: the change, its timeline entries and the rescoring commit or
// fail together. Timeline entries are inserted in one statement rather than one recordActivity()
// per lead (10,000 round trips); lead_updated is not a contact, so all recordActivity would add
// is the rescoring, done here once for the whole set.

async function timeline(db: TenantDb, actor: ActivityActor, leadIds: string[], fields: string[]): Promise<void> {
  if (leadIds.length === 0) return;
  const data: Prisma.ActivityCreateManyInput[] = leadIds.map((leadId) => ({
    kind: "lead_updated",
    leadId,
    data: { fields },
    actorUserId: actor.userId,
    actorName: actor.name,
  }));
  await db.activity.createMany({ data });
}

export async function bulkAssignLeads(db: TenantDb, actor: LeadActor, ids: string[], ownerId: string | null): Promise<number> {
  await assertAssignable(db, actor.viewer, ownerId);
  const differentOwner: Prisma.LeadWhereInput = ownerId
    ? { OR: [{ ownerId: null }, { ownerId: { not: ownerId } }] }
    : { ownerId: { not: null } };
  const changing = await db.lead.findMany({ where: { AND: [{ id: { in: ids } }, differentOwner] }, select: { id: true } });
  const changed = changing.map((r) => r.id);
  await db.lead.updateMany({ where: { id: { in: changed } }, data: { ownerId } });
  await timeline(db, actor.activity, changed, ["owner"]);
  await rescoreLeads(db, changed);
  return ids.length;
}

/**
 * Adds and removes tags on many leads in one statement each. Array set operations are why this is
 * raw SQL (Prisma can push to an array, not deduplicate or remove from it). RLS still applies: the
 * statements run in the tenant-bound transaction, on ids resolved through visibility.
 */
export async function bulkTagLeads(db: TenantDb, actor: LeadActor, ids: string[], add: string[], remove: string[]): Promise<number> {
  const toAdd = [...new Set(add)].filter((t) => !remove.includes(t));
  const toRemove = [...new Set(remove)];
  if (toAdd.length === 0 && toRemove.length === 0) throw new AppError("INVALID_INPUT", leadMessage("bulk_tags_empty"));
  const overflow = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "Lead" l
    WHERE l.id = ANY(${ids}::uuid[])
      AND cardinality(ARRAY(SELECT DISTINCT t FROM unnest(l.tags || ${toAdd}::text[]) t WHERE t <> ALL(${toRemove}::text[]))) > ${TAGS_PER_LEAD}`;
  if ((overflow[0]?.n ?? 0) > 0) {
    throw new AppError("INVALID_INPUT", leadMessage("bulk_tags_overflow", { count: overflow[0]!.n, max: TAGS_PER_LEAD }));
  }
  // Existing tags keep their order; new ones are appended in the order given.
  const changed = await db.$queryRaw<{ id: string }[]>`
    UPDATE "Lead" l SET
      tags = ARRAY(
        SELECT t FROM (
          SELECT t, i FROM unnest(l.tags) WITH ORDINALITY AS u(t, i)
          UNION ALL
          SELECT t, 1000 + i FROM unnest(${toAdd}::text[]) WITH ORDINALITY AS a(t, i) WHERE NOT t = ANY(l.tags)
        ) s WHERE t <> ALL(${toRemove}::text[]) ORDER BY i),
      "updatedAt" = now()
    WHERE l.id = ANY(${ids}::uuid[])
      AND (NOT l.tags @> ${toAdd}::text[] OR l.tags && ${toRemove}::text[])
    RETURNING l.id::text AS id`;
  const changedIds = changed.map((r) => r.id);
  await timeline(db, actor.activity, changedIds, ["tags"]);
  await rescoreLeads(db, changedIds);
  return ids.length;
}

export async function bulkDeleteLeads(db: TenantDb, ids: string[]): Promise<number> {
  const { count } = await db.lead.deleteMany({ where: { id: { in: ids } } });
  return count;
}
