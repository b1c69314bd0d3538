import { Prisma } from "@/prisma/generated/client";
import type { ReportMoney } from "@/lib/schemas/billing-reports";
import type { TenantDb } from "@/server/db";
import { moneyOf, type MoneySums } from "./report-ratios";
import type { ReportScope } from "./report-scope";
import { MONEY_COLUMNS, MONEY_ROLLUP, ratedCharges } from "./report-sql";

/** Extra columns for the top rows, from a join on the group's key `x.key` (e.g. a tenant's name). */
export type TopLabels = { columns: Prisma.Sql; join: Prisma.Sql };

export type TopGroups<L> = {
  /** Raw sums (moneyOf turns them into ReportMoney), best first. */
  rows: Array<MoneySums & { key: string } & L>;
  others: (ReportMoney & { count: number }) | null;
};

/**
 * Rated charges grouped by `key` (a text expression over `cc`, never null), the `limit` largest by
 * revenue, and all the rest summed as one "others" row: one statement, grouped twice in PostgreSQL.
 */
export async function topGroups<L extends Record<string, unknown>>(
  db: TenantDb,
  scope: ReportScope,
  key: Prisma.Sql,
  limit: number,
  labels: TopLabels = { columns: Prisma.sql`NULL AS "none"`, join: Prisma.empty },
): Promise<TopGroups<L>> {
  const rows = await db.$queryRaw<Array<MoneySums & { key: string | null; count: number } & L>>`
    WITH g AS (
      SELECT ${key} AS key, ${MONEY_COLUMNS} FROM "CallCharge" cc WHERE ${ratedCharges(scope)} GROUP BY 1
    ), ranked AS (
      SELECT g.*, row_number() OVER (ORDER BY g."revenueMicros" DESC, g.calls DESC, g.key) AS rank FROM g
    )
    SELECT x.*, ${labels.columns} FROM (
      SELECT CASE WHEN g.rank <= ${limit} THEN g.key END AS key, min(g.rank) AS rank, count(*)::int AS count, ${MONEY_ROLLUP}
      FROM ranked g GROUP BY 1
    ) x ${labels.join}
    ORDER BY x.rank`;
  const rest = rows.find((row) => row.key === null);
  return {
    rows: rows.filter((row) => row.key !== null) as TopGroups<L>["rows"],
    others: rest ? { count: rest.count, ...moneyOf(rest) } : null,
  };
}
