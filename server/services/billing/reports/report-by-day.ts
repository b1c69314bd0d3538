import { Prisma } from "@/prisma/generated/client";
import type { ReportByDay } from "@/lib/schemas/billing-reports";
import type { TenantDb } from "@/server/db";
import { moneyOf, type MoneySums } from "./report-ratios";
import type { ReportScope } from "./report-scope";
import { chargeFilters, dayStart, MONEY_COLUMNS } from "./report-sql";

/**
 * Money per São Paulo calendar day, every day of the range (zeros included): each day joins the
 * charges between its own two local midnights, which PostgreSQL 18 reads by skip-scanning the (tenantId, callStartedAt) index.
 */
export async function reportByDay(db: TenantDb, scope: ReportScope): Promise<ReportByDay> {
  const rows = await db.$queryRaw<Array<MoneySums & { day: string }>>`
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day, ${MONEY_COLUMNS}
    FROM (SELECT ${scope.range.from}::date + n AS day FROM generate_series(0, ${scope.range.days - 1}::int) AS n) d
    LEFT JOIN "CallCharge" cc
      ON cc."callStartedAt" >= ${dayStart(Prisma.sql`d.day`)} AND cc."callStartedAt" < ${dayStart(Prisma.sql`d.day + 1`)}
     AND cc.status = 'rated' AND ${chargeFilters(scope)}
    GROUP BY d.day ORDER BY d.day`;
  return { range: scope.range, days: rows.map((row) => ({ day: row.day, ...moneyOf(row) })) };
}
