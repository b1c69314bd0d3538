import { microsToCents } from "@/lib/billing/micros";
import type { UsageByDay, UsageByDestination, UsageInput, UsageSummary } from "@/lib/schemas/billing-usage";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { BILLING_TIME_ZONE, monthOfInstant, saoPauloDay } from "@/server/services/billing/invoices/billing-month";
import { monthDays, monthsOffered } from "./usage-calendar";
import { usageEstimate } from "./usage-estimate";

type Bucket = {
  kind: "destination" | "day" | "total";
  key: string | null;
  calls: number;
  seconds: bigint;
  micros: bigint;
  unratable: number;
  lastRatedAt: Date | null;
};

/**
 * A tenant's usage of one São Paulo month, read as the tenant's own role: the query names only the
 * CallCharge columns that role may SELECT (the migration's column grants), so asking for cost or
 * margin here would fail rather than leak. One statement, grouped three ways like the call stats.
 *
 * Counted as the invoice's usage lines count (server/services/billing/invoices/load-invoice-inputs.ts):
 * calls that billed seconds, each destination's micro-reais summed then rounded to the centavo once.
 * An unanswered call is rated at nothing and counted nowhere.
 */
export async function usageSummary(db: TenantDb, tenantId: string, input: UsageInput, now = new Date()): Promise<UsageSummary> {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { createdAt: true } });
  const currentMonth = monthOfInstant(now);
  const month = input.month ?? currentMonth;
  if (month > currentMonth) {
    throw new AppError("INVALID_INPUT", "billing.errors.future_month", { fieldErrors: { month: ["billing.errors.future_month"] } });
  }
  const firstMonth = [monthOfInstant(tenant.createdAt), currentMonth].sort()[0]!;

  const buckets = await db.$queryRaw<Bucket[]>`
    WITH c AS (
      SELECT status, destination, "billedSecSell" AS sec, "priceMicros" AS price, "ratedAt",
             to_char("callStartedAt" AT TIME ZONE ${BILLING_TIME_ZONE}, 'YYYY-MM-DD') AS day
        FROM "CallCharge"
       WHERE "tenantId" = ${tenantId}::uuid
         AND "callStartedAt" >= (${`${month}-01`}::date::timestamp AT TIME ZONE ${BILLING_TIME_ZONE})
         AND "callStartedAt" < ((${`${month}-01`}::date + interval '1 month')::timestamp AT TIME ZONE ${BILLING_TIME_ZONE})
    )
    SELECT 'destination' AS kind, destination AS key, count(*) FILTER (WHERE sec > 0)::int AS calls, coalesce(sum(sec), 0)::bigint AS seconds,
           coalesce(sum(price), 0)::bigint AS micros, 0 AS unratable, NULL::timestamptz AS "lastRatedAt"
      FROM c WHERE status = 'rated' GROUP BY destination
      HAVING count(*) FILTER (WHERE sec > 0) > 0 OR sum(price) > 0
    UNION ALL
    SELECT 'day', day, count(*) FILTER (WHERE sec > 0)::int, coalesce(sum(sec), 0)::bigint, coalesce(sum(price), 0)::bigint, 0, NULL
      FROM c WHERE status = 'rated' GROUP BY day
    UNION ALL
    SELECT 'total', NULL, 0, 0::bigint, 0::bigint, count(*) FILTER (WHERE status = 'unratable')::int, max("ratedAt")
      FROM c`;

  // Each destination rounded to centavos on its own, as the invoice's usage lines are, so the
  // month's amount is the sum of the table's rows to the centavo.
  const byDestination: UsageByDestination[] = buckets
    .filter((b) => b.kind === "destination")
    .map((b) => ({ destination: b.key, calls: b.calls, billedSeconds: Number(b.seconds), amountCents: microsToCents(b.micros) }))
    .sort((a, b) => Number(b.amountCents - a.amountCents) || b.calls - a.calls || (a.destination ?? "").localeCompare(b.destination ?? ""));
  const days = new Map(buckets.filter((b) => b.kind === "day").map((b) => [b.key!, b]));
  const byDay: UsageByDay[] = monthDays(month, month === currentMonth ? saoPauloDay(now) : undefined).map((date) => ({
    date,
    calls: days.get(date)?.calls ?? 0,
    amountCents: microsToCents(days.get(date)?.micros ?? 0n),
  }));
  const total = buckets.find((b) => b.kind === "total");
  const amountCents = byDestination.reduce((sum, d) => sum + d.amountCents, 0n);

  return {
    month,
    currentMonth,
    months: monthsOffered(currentMonth, firstMonth),
    calls: byDestination.reduce((sum, d) => sum + d.calls, 0),
    billedSeconds: byDestination.reduce((sum, d) => sum + d.billedSeconds, 0),
    amountCents,
    unratableCalls: total?.unratable ?? 0,
    lastRatedAt: total?.lastRatedAt ?? null,
    byDestination,
    byDay,
    estimate: month === currentMonth ? await usageEstimate(db, tenantId, month, amountCents) : null,
  };
}
