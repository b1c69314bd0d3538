import type { RerateInput } from "@/lib/schemas/billing-rating";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";

// A re-rating request's period in instants: a billing month or a range of days, both in the São
// Paulo calendar, turned into [start, end) by the database's time-zone rules (no fixed offset).

export type RatePeriod = { start: Date; end: Date };

export async function reratePeriodOf(db: TenantDb, input: RerateInput, now = new Date()): Promise<RatePeriod> {
  const from = input.month ? `${input.month}-01` : input.from!;
  const [row] = await db.$queryRaw<Array<{ start: Date; end: Date }>>`
    SELECT (${from}::date::timestamp AT TIME ZONE 'America/Sao_Paulo') AS start,
           (CASE WHEN ${input.month ?? null}::text IS NOT NULL THEN (${from}::date + interval '1 month')::timestamp
                 ELSE (${input.to ?? from}::date + 1)::timestamp END AT TIME ZONE 'America/Sao_Paulo') AS "end"`;
  const period = { start: row!.start, end: row!.end };
  if (period.start.getTime() > now.getTime()) {
    const field = input.month ? "month" : "from";
    throw new AppError("INVALID_INPUT", "rating.errors.future_period", { fieldErrors: { [field]: ["rating.errors.future_period"] } });
  }
  return period;
}
