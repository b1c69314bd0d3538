import type { ReportSummary } from "@/lib/schemas/billing-reports";
import type { TenantDb } from "@/server/db";
import { moneyOf, trafficOf, type MoneySums, type TrafficSums } from "./report-ratios";
import type { ReportScope } from "./report-scope";
import { chargeFilters, chargeRange, gatewayAttempts, MONEY_COLUMNS, ratedCharges, TRAFFIC_COLUMNS } from "./report-sql";

type Row = MoneySums & TrafficSums & { unratable: number };

/** The headline figures of the scope in one statement: money of rated charges, unratable ones, gateway traffic. */
export async function reportSummary(db: TenantDb, scope: ReportScope): Promise<ReportSummary> {
  const [row] = await db.$queryRaw<Row[]>`
    WITH money AS (SELECT ${MONEY_COLUMNS} FROM "CallCharge" cc WHERE ${ratedCharges(scope)}),
         unratable AS (
           SELECT count(*)::int AS unratable FROM "CallCharge" cc
           WHERE cc.status = 'unratable' AND ${chargeRange(scope)} AND ${chargeFilters(scope)}),
         traffic AS (SELECT ${TRAFFIC_COLUMNS} FROM "Call" c WHERE ${gatewayAttempts(scope)})
    SELECT * FROM money, unratable, traffic`;
  return { range: scope.range, totals: moneyOf(row!), traffic: trafficOf(row!), unratableCalls: row!.unratable };
}
