import { Prisma } from "@/prisma/generated/client";
import { REPORT_TIME_ZONE } from "@/lib/schemas/billing-reports";
import type { ReportScope } from "./report-scope";

// SQL pieces every report shares, so they all count the same charges and calls. Raw SQL because
// the reports aggregate in PostgreSQL (GROUP BY, windows, outer joins) and Prisma's groupBy cannot.
// The range is a half-open interval of instants from São Paulo midnights, compared with the indexed
// CallCharge."callStartedAt" / Call."startedAt" columns as they are (no function on the column).

/** The instant a São Paulo calendar day starts (a `YYYY-MM-DD` parameter, or a date SQL expression). */
export function dayStart(day: string | Prisma.Sql): Prisma.Sql {
  const date = typeof day === "string" ? Prisma.sql`${day}::date` : day;
  return Prisma.sql`((${date})::timestamp AT TIME ZONE ${REPORT_TIME_ZONE}::text)`;
}

/** Charges whose call started within the range. */
export function chargeRange(scope: ReportScope): Prisma.Sql {
  return Prisma.sql`cc."callStartedAt" >= ${dayStart(scope.range.from)} AND cc."callStartedAt" < ${dayStart(Prisma.sql`${scope.range.to}::date + 1`)}`;
}

/** The tenant, provider and gateway filters on CallCharge `cc`. */
export function chargeFilters(scope: ReportScope): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (scope.tenantId) parts.push(Prisma.sql`cc."tenantId" = ${scope.tenantId}::uuid`);
  if (scope.providerId) parts.push(Prisma.sql`cc."providerId" = ${scope.providerId}::uuid`);
  if (scope.gatewayName) parts.push(Prisma.sql`cc."gatewayName" = ${scope.gatewayName}::text`);
  return Prisma.join(parts, " AND ");
}

/** Rated charges of the scope (money reports: an unratable charge has no price or cost). */
export function ratedCharges(scope: ReportScope): Prisma.Sql {
  return Prisma.sql`cc.status = 'rated' AND ${chargeRange(scope)} AND ${chargeFilters(scope)}`;
}

/**
 * A group's money, over CallCharge `cc` (outer-joined rows count nothing: count(cc.id)). Sums of
 * bigint are numeric in PostgreSQL; cast back to bigint they stay exact (an overflow errors out).
 */
export const MONEY_COLUMNS = Prisma.sql`
  count(cc.id)::int AS calls,
  count(cc.id) FILTER (WHERE cc."answeredSec" > 0)::int AS "answeredCalls",
  coalesce(sum(cc."answeredSec"), 0)::bigint AS "answeredSec",
  coalesce(sum(cc."billedSecSell"), 0)::bigint AS "billedSecSell",
  coalesce(sum(cc."billedSecBuy"), 0)::bigint AS "billedSecBuy",
  coalesce(sum(cc."priceMicros"), 0)::bigint AS "revenueMicros",
  coalesce(sum(cc."costMicros"), 0)::bigint AS "costMicros",
  coalesce(sum(cc."marginMicros"), 0)::bigint AS "marginMicros"`;

/** MONEY_COLUMNS of groups `g`, summed again (a top-N list's "others"). */
export const MONEY_ROLLUP = Prisma.sql`
  sum(g.calls)::int AS calls,
  sum(g."answeredCalls")::int AS "answeredCalls",
  sum(g."answeredSec")::bigint AS "answeredSec",
  sum(g."billedSecSell")::bigint AS "billedSecSell",
  sum(g."billedSecBuy")::bigint AS "billedSecBuy",
  sum(g."revenueMicros")::bigint AS "revenueMicros",
  sum(g."costMicros")::bigint AS "costMicros",
  sum(g."marginMicros")::bigint AS "marginMicros"`;

/**
 * Gateway attempts of the scope, over Call `c`: ended outbound calls that went out through a
 * gateway. A click-to-call whose rep never picked up (agent_missed) never dialled the gateway, so it
 * is not an attempt; failed, busy and no_answer are. The provider filter means its gateways.
 */
export function gatewayAttempts(scope: ReportScope): Prisma.Sql {
  const parts: Prisma.Sql[] = [
    Prisma.sql`c.direction = 'outbound' AND c.state = 'ended' AND c."gatewayName" IS NOT NULL`,
    Prisma.sql`c.disposition IS DISTINCT FROM 'agent_missed'`,
    Prisma.sql`c."startedAt" >= ${dayStart(scope.range.from)} AND c."startedAt" < ${dayStart(Prisma.sql`${scope.range.to}::date + 1`)}`,
  ];
  if (scope.tenantId) parts.push(Prisma.sql`c."tenantId" = ${scope.tenantId}::uuid`);
  if (scope.gatewayName) parts.push(Prisma.sql`c."gatewayName" = ${scope.gatewayName}::text`);
  if (scope.providerId)
    parts.push(Prisma.sql`c."gatewayName" IN (SELECT name FROM "Gateway" WHERE "providerId" = ${scope.providerId}::uuid)`);
  return Prisma.join(parts, " AND ");
}

/** ASR/ACD sums over Call `c` (answered = disposition answered; talk = its billsec). */
export const TRAFFIC_COLUMNS = Prisma.sql`
  count(*)::int AS attempts,
  count(*) FILTER (WHERE c.disposition = 'answered')::int AS answered,
  coalesce(sum(c.billsec) FILTER (WHERE c.disposition = 'answered'), 0)::bigint AS "talkSec"`;
