import type { ReportByProvider } from "@/lib/schemas/billing-reports";
import type { TenantDb } from "@/server/db";
import { moneyOf, type MoneySums } from "./report-ratios";
import type { ReportScope } from "./report-scope";
import { MONEY_COLUMNS, ratedCharges } from "./report-sql";

/** Money per provider of the buy side (every one with charges: the operator has few providers). */
export async function reportByProvider(db: TenantDb, scope: ReportScope): Promise<ReportByProvider> {
  const rows = await db.$queryRaw<Array<MoneySums & { providerId: string | null; name: string | null }>>`
    SELECT g.*, p.name FROM (
      SELECT cc."providerId", ${MONEY_COLUMNS} FROM "CallCharge" cc WHERE ${ratedCharges(scope)} GROUP BY cc."providerId"
    ) g LEFT JOIN "Provider" p ON p.id = g."providerId"
    ORDER BY g."revenueMicros" DESC, p.name NULLS LAST`;
  return { rows: rows.map((row) => ({ providerId: row.providerId, name: row.name, ...moneyOf(row) })) };
}
