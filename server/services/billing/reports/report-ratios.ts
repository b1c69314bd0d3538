import type { ReportMoney, ReportTraffic } from "@/lib/schemas/billing-reports";

// Ratios derived from exact sums that PostgreSQL aggregated: integer arithmetic for money, so a
// margin percentage never drifts; ASR and ACD are call counts and seconds, not money.

/** margin / revenue in basis points (1/100 of a percent), half away from zero; null without revenue. */
export function marginBasisPoints(marginMicros: bigint, revenueMicros: bigint): number | null {
  if (revenueMicros <= 0n) return null;
  const scaled = marginMicros * 10_000n;
  const half = revenueMicros / 2n;
  const rounded = scaled >= 0n ? (scaled + half) / revenueMicros : -((-scaled + half) / revenueMicros);
  return Number(rounded);
}

/** A SQL row of the money columns (bigint sums, int counts; null when an outer join found nothing). */
export type MoneySums = {
  calls: number | null;
  answeredCalls: number | null;
  answeredSec: bigint | null;
  billedSecSell: bigint | null;
  billedSecBuy: bigint | null;
  revenueMicros: bigint | null;
  costMicros: bigint | null;
  marginMicros: bigint | null;
};

export function moneyOf(row: MoneySums): ReportMoney {
  const revenueMicros = row.revenueMicros ?? 0n;
  const marginMicros = row.marginMicros ?? 0n;
  return {
    calls: row.calls ?? 0,
    answeredCalls: row.answeredCalls ?? 0,
    answeredSec: Number(row.answeredSec ?? 0n),
    billedSecSell: Number(row.billedSecSell ?? 0n),
    billedSecBuy: Number(row.billedSecBuy ?? 0n),
    revenueMicros,
    costMicros: row.costMicros ?? 0n,
    marginMicros,
    marginBasisPoints: marginBasisPoints(marginMicros, revenueMicros),
  };
}

export type TrafficSums = { attempts: number | null; answered: number | null; talkSec: bigint | null };

/** ASR = answered / attempts; ACD = talk seconds / answered calls, rounded to the second (half up). */
export function trafficOf(row: TrafficSums): ReportTraffic {
  const attempts = row.attempts ?? 0;
  const answered = row.answered ?? 0;
  const talkSec = Number(row.talkSec ?? 0n);
  return {
    attempts,
    answered,
    talkSec,
    asr: attempts > 0 ? answered / attempts : null,
    acdSec: answered > 0 ? Math.floor((2 * talkSec + answered) / (2 * answered)) : null,
  };
}
