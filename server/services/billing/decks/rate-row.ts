import { formatEffectiveText, tariffsError, type RateFieldsOutput, type RateView } from "@/lib/schemas/billing-tariffs";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import type { NewRate } from "./deck-version";

export const rateSelect = {
  id: true,
  prefix: true,
  description: true,
  pricePerMinuteMicros: true,
  connectionFeeMicros: true,
  minSeconds: true,
  incrementSeconds: true,
  effectiveFrom: true,
  effectiveTo: true,
} as const;

export function toNewRate(data: RateFieldsOutput): NewRate {
  return {
    prefix: data.prefix,
    description: data.description,
    pricePerMinuteMicros: data.pricePerMinute,
    connectionFeeMicros: data.connectionFee,
    minSeconds: data.increment.minSeconds,
    incrementSeconds: data.increment.incrementSeconds,
    effectiveFrom: data.effectiveFrom.getTime(),
    effectiveTo: data.effectiveTo ? data.effectiveTo.getTime() : null,
  };
}

export function viewToNewRate(rate: RateView): NewRate {
  return {
    prefix: rate.prefix,
    description: rate.description,
    pricePerMinuteMicros: rate.pricePerMinuteMicros,
    connectionFeeMicros: rate.connectionFeeMicros,
    minSeconds: rate.minSeconds,
    incrementSeconds: rate.incrementSeconds,
    effectiveFrom: rate.effectiveFrom.getTime(),
    effectiveTo: rate.effectiveTo ? rate.effectiveTo.getTime() : null,
  };
}

/** Same prefix, start and everything else: the rate is unchanged. */
export function sameRate(a: NewRate, b: NewRate): boolean {
  return (
    a.prefix === b.prefix &&
    a.description === b.description &&
    a.pricePerMinuteMicros === b.pricePerMinuteMicros &&
    a.connectionFeeMicros === b.connectionFeeMicros &&
    a.minSeconds === b.minSeconds &&
    a.incrementSeconds === b.incrementSeconds &&
    a.effectiveFrom === b.effectiveFrom &&
    a.effectiveTo === b.effectiveTo
  );
}

/** The message for a period that meets another of the same prefix ("…from 2026-01-01 to 2026-02-01"). */
export function overlapMessage(other: { prefix: string; effectiveFrom: Date; effectiveTo: Date | null }): string {
  const from = formatEffectiveText(other.effectiveFrom);
  return other.effectiveTo
    ? tariffsError("overlap", { prefix: other.prefix, from, to: formatEffectiveText(other.effectiveTo) })
    : tariffsError("overlap_open", { prefix: other.prefix, from });
}

export const overlapError = (message: string) => new AppError("CONFLICT", message, { fieldErrors: { effectiveFrom: [message] } });

/**
 * Refuses a period that meets another of the same prefix in the version, naming that period.
 * The EXCLUDE constraint would refuse it too, but only with "conflicting key value".
 */
export async function assertNoOverlap(db: TenantDb, versionId: string | null, rate: NewRate, except: string[]): Promise<void> {
  if (!versionId) return;
  const from = new Date(rate.effectiveFrom);
  const to = rate.effectiveTo === null ? null : new Date(rate.effectiveTo);
  const [other] = await db.$queryRaw<Array<{ prefix: string; effectiveFrom: Date; effectiveTo: Date | null }>>`
    SELECT prefix, "effectiveFrom", "effectiveTo" FROM "Rate"
    WHERE "versionId" = ${versionId}::uuid AND prefix = ${rate.prefix} AND NOT (id = ANY(${except}::uuid[]))
      AND tstzrange("effectiveFrom", "effectiveTo", '[)') && tstzrange(${from}::timestamptz, ${to}::timestamptz, '[)')
    ORDER BY "effectiveFrom" LIMIT 1`;
  if (other) throw overlapError(overlapMessage(other));
}
