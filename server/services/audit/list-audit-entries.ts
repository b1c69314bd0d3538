import type { Prisma } from "@/prisma/generated/client";
import type { TenantDb } from "@/server/db";

export type AuditFilter = {
  /** Only this tenant's entries (the console may leave it out to see all). */
  tenantId?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  /** Substring of the actor's e-mail. */
  actor?: string;
  from?: Date;
  to?: Date;
  cursor?: string | null;
  limit: number;
};

export type AuditEntryOutput = {
  id: string;
  tenantId: string | null;
  actorKind: string;
  actorEmail: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  ip: string | null;
  before: unknown;
  after: unknown;
  createdAt: Date;
};

/** Newest first, keyset-paginated. Tenant-bound handles see only their tenant's rows anyway (RLS). */
export async function listAuditEntries(
  db: TenantDb,
  filter: AuditFilter,
): Promise<{ items: AuditEntryOutput[]; nextCursor: string | null }> {
  const where: Prisma.AuditLogWhereInput = {
    ...(filter.tenantId ? { tenantId: filter.tenantId } : {}),
    ...(filter.action ? { action: { startsWith: filter.action } } : {}),
    ...(filter.objectType ? { objectType: filter.objectType } : {}),
    ...(filter.objectId ? { objectId: filter.objectId } : {}),
    ...(filter.actor ? { actorEmail: { contains: filter.actor, mode: "insensitive" } } : {}),
    ...(filter.from || filter.to
      ? { createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lte: filter.to } : {}) } }
      : {}),
  };
  const rows = await db.auditLog.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: filter.limit + 1,
    ...(filter.cursor ? { cursor: { id: filter.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      tenantId: true,
      actorKind: true,
      actorEmail: true,
      action: true,
      objectType: true,
      objectId: true,
      ip: true,
      before: true,
      after: true,
      createdAt: true,
    },
  });
  const hasMore = rows.length > filter.limit;
  const items = hasMore ? rows.slice(0, filter.limit) : rows;
  return { items, nextCursor: hasMore ? (items.at(-1)?.id ?? null) : null };
}
