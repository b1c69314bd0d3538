import type { ReportByGateway } from "@/lib/schemas/billing-reports";
import type { TenantDb } from "@/server/db";
import { moneyOf, trafficOf, type MoneySums, type TrafficSums } from "./report-ratios";
import type { ReportScope } from "./report-scope";
import { gatewayAttempts, MONEY_COLUMNS, ratedCharges, TRAFFIC_COLUMNS } from "./report-sql";

type Row = MoneySums & TrafficSums & { gatewayName: string | null; providerName: string | null };

/**
 * Per gateway: the money of its rated charges and the ASR/ACD of its calls, full-joined by name so
 * a gateway with attempts but nothing rated (all failed, say) still shows, and charges without a
 * gateway form their own row.
 */
export async function reportByGateway(db: TenantDb, scope: ReportScope): Promise<ReportByGateway> {
  const rows = await db.$queryRaw<Row[]>`
    WITH money AS (
      SELECT cc."gatewayName" AS name, ${MONEY_COLUMNS} FROM "CallCharge" cc WHERE ${ratedCharges(scope)} GROUP BY 1
    ), traffic AS (
      SELECT c."gatewayName" AS name, ${TRAFFIC_COLUMNS} FROM "Call" c WHERE ${gatewayAttempts(scope)} GROUP BY 1
    )
    SELECT coalesce(m.name, t.name) AS "gatewayName", p.name AS "providerName",
           m.calls, m."answeredCalls", m."answeredSec", m."billedSecSell", m."billedSecBuy",
           m."revenueMicros", m."costMicros", m."marginMicros", t.attempts, t.answered, t."talkSec"
    FROM money m FULL JOIN traffic t ON t.name = m.name
    LEFT JOIN "Gateway" gw ON gw.name = coalesce(m.name, t.name)
    LEFT JOIN "Provider" p ON p.id = gw."providerId"
    ORDER BY m."revenueMicros" DESC NULLS LAST, t.attempts DESC NULLS LAST, 1 NULLS LAST`;
  return {
    rows: rows.map((row) => ({
      gatewayName: row.gatewayName,
      providerName: row.providerName,
      money: moneyOf(row),
      traffic: trafficOf(row),
    })),
  };
}
