import type { z } from "zod";
import type { TenantListInput, TenantListItem, TenantPage } from "@/lib/schemas/tenant";
import type { Prisma } from "@/prisma/generated/client";
import type { TenantDb } from "@/server/db";

type ListInput = z.output<typeof TenantListInput>;

type UsageRow = {
  tenantId: string;
  users: number;
  extensions: number;
  dids: number;
  callsThisMonth: number;
  hasLeads: boolean;
  hasCalls: boolean;
  lastActivityAt: Date | null;
};

function searchFilter(search: string): Prisma.TenantWhereInput {
  const text = { contains: search, mode: "insensitive" as const };
  const or: Prisma.TenantWhereInput[] = [{ name: text }, { slug: text }];
  const digits = search.replace(/\D/g, "");
  if (digits.length >= 3) or.push({ cnpj: { contains: digits } });
  return { OR: or };
}

function statusFilter(status: ListInput["status"]): Prisma.TenantWhereInput {
  if (status === "all") return {};
  // Archived tenants are kept for their history only; they show up when asked for by name.
  return status ? { status } : { status: { not: "archived" } };
}

/**
 * Usage of one page of tenants, one indexed lookup per tenant and figure (raw SQL because Prisma
 * cannot express the per-tenant LATERAL "newest row" lookups that keep this fast on large tables).
 *
 * Last activity = the newest of: an audit entry made inside the workspace by a member or an API
 * key (console and support actions do not count: they are the operator's activity, not the
 * customer's), a lead created, a member added. Leads are not audited yet, hence their own term.
 * Null when none of these ever happened. Calls this month count from the first day of the month in
 * America/Sao_Paulo, the operator's billing calendar.
 */
async function usageOf(db: TenantDb, tenantIds: string[]): Promise<Map<string, UsageRow>> {
  if (tenantIds.length === 0) return new Map();
  const rows = await db.$queryRaw<UsageRow[]>`
    SELECT t.id AS "tenantId",
      (SELECT count(*)::int FROM "Membership" m WHERE m."tenantId" = t.id) AS users,
      (SELECT count(*)::int FROM "Extension" e WHERE e."tenantId" = t.id) AS extensions,
      (SELECT count(*)::int FROM "Did" d WHERE d."tenantId" = t.id) AS dids,
      (SELECT count(*)::int FROM "Call" c WHERE c."tenantId" = t.id
        AND c."startedAt" >= date_trunc('month', now() AT TIME ZONE 'America/Sao_Paulo') AT TIME ZONE 'America/Sao_Paulo') AS "callsThisMonth",
      EXISTS (SELECT 1 FROM "Call" c WHERE c."tenantId" = t.id) AS "hasCalls",
      EXISTS (SELECT 1 FROM "Lead" l WHERE l."tenantId" = t.id) AS "hasLeads",
      GREATEST(
        (SELECT a."createdAt" FROM "AuditLog" a
          WHERE a."tenantId" = t.id AND a."actorKind" IN ('member', 'api_key')
          ORDER BY a."createdAt" DESC LIMIT 1),
        (SELECT l."createdAt" FROM "Lead" l WHERE l."tenantId" = t.id ORDER BY l."createdAt" DESC LIMIT 1),
        (SELECT max(m."createdAt") FROM "Membership" m WHERE m."tenantId" = t.id)
      ) AS "lastActivityAt"
    FROM unnest(${tenantIds}::uuid[]) AS t(id)`;
  return new Map(rows.map((row) => [row.tenantId, row]));
}

/** The console's tenant list: by name, keyset-paginated, with each tenant's usage. */
export async function listTenants(db: TenantDb, input: ListInput): Promise<TenantPage> {
  const where: Prisma.TenantWhereInput = { AND: [input.search ? searchFilter(input.search) : {}, statusFilter(input.status)] };
  const rows = await db.tenant.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: { id: true, slug: true, name: true, cnpj: true, status: true, createdAt: true, plan: { select: { id: true, name: true } } },
  });
  const total = await db.tenant.count({ where });
  const hasMore = rows.length > input.limit;
  const page = hasMore ? rows.slice(0, input.limit) : rows;
  const usage = await usageOf(
    db,
    page.map((t) => t.id),
  );
  const items = page.map((tenant): TenantListItem => {
    const u = usage.get(tenant.id);
    return {
      ...tenant,
      users: u?.users ?? 0,
      extensions: u?.extensions ?? 0,
      dids: u?.dids ?? 0,
      callsThisMonth: u?.callsThisMonth ?? 0,
      lastActivityAt: u?.lastActivityAt ?? null,
      // The same rule as deletionBlockers (delete-tenant.ts), from the figures already at hand.
      deletable: !!u && u.users === 0 && u.extensions === 0 && u.dids === 0 && !u.hasLeads && !u.hasCalls,
    };
  });
  return { items, nextCursor: hasMore ? (items.at(-1)?.id ?? null) : null, total };
}
