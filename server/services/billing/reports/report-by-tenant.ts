import { Prisma } from "@/prisma/generated/client";
import type { ReportByTenant } from "@/lib/schemas/billing-reports";
import type { TenantDb } from "@/server/db";
import { moneyOf } from "./report-ratios";
import type { ReportScope } from "./report-scope";
import { topGroups } from "./report-top";

/** The tenants that brought the most revenue, with the others summed. */
export async function reportByTenant(db: TenantDb, scope: ReportScope, limit: number): Promise<ReportByTenant> {
  const top = await topGroups<{ slug: string; name: string }>(db, scope, Prisma.sql`cc."tenantId"::text`, limit, {
    columns: Prisma.sql`t.slug, t.name`,
    join: Prisma.sql`LEFT JOIN "Tenant" t ON t.id::text = x.key`,
  });
  return {
    rows: top.rows.map((row) => ({ tenantId: row.key, slug: row.slug, name: row.name, ...moneyOf(row) })),
    others: top.others,
  };
}
