import { decimalToCents } from "@/lib/billing/micros";
import type { TenantDb } from "@/server/db";
import { composeInvoice, type ComposedInvoice, type ComposeTax } from "./compose-invoice";
import type { InvoicePeriod } from "./invoice-period";

// What one tenant's invoice for a month is made of, read in the console's role (withAdmin): the
// plan, the DID allocation history, the month's rated charges summed per destination by the
// database (exact sums over any number of calls), and the calls that keep the invoice from being
// issued. Raw SQL because the sums and the NOT EXISTS have no Prisma equivalent.

/**
 * Calls of the period that cannot be billed as they stand: charges flagged unratable, plus finished
 * calls the rating job would rate that have no charge yet — outbound calls, and inbound calls to a
 * number with a per-minute price that this tenant holds or held (the same choice as the rating
 * run's candidate-calls-sql.ts). Internal calls, and inbound calls to other numbers, are never rated.
 */
export async function countUnbillableCalls(db: TenantDb, tenantId: string, period: InvoicePeriod): Promise<number> {
  const [row] = await db.$queryRaw<{ unratable: number; unrated: number }[]>`
    SELECT
      (SELECT count(*) FROM "CallCharge" ch
        WHERE ch."tenantId" = ${tenantId}::uuid AND ch."callStartedAt" >= ${period.start} AND ch."callStartedAt" < ${period.end}
          AND ch.status = 'unratable')::int AS unratable,
      (SELECT count(*) FROM "Call" c
        WHERE c."tenantId" = ${tenantId}::uuid AND c."startedAt" >= ${period.start} AND c."startedAt" < ${period.end} AND c.state = 'ended'
          AND NOT EXISTS (SELECT 1 FROM "CallCharge" ch WHERE ch."tenantId" = c."tenantId" AND ch."callId" = c.id)
          AND (c.direction = 'outbound' OR (c.direction = 'inbound' AND EXISTS (
            SELECT 1 FROM "Did" d
            WHERE (d."inboundCostPerMinuteMicros" > 0 OR d."inboundPricePerMinuteMicros" > 0)
              AND regexp_replace(d.number, '[^0-9]', '', 'g') = regexp_replace(c."toNumber", '[^0-9]', '', 'g')
              AND (d."tenantId" = c."tenantId" OR EXISTS (SELECT 1 FROM "DidAllocation" a WHERE a."didId" = d.id AND a."tenantId" = c."tenantId"))))))::int AS unrated`;
  return row!.unratable + row!.unrated;
}

type TenantRow = { createdAt: Date; planName: string; planPrice: string };
type AllocationRow = { didId: string; number: string; price: string; fromAt: Date; toAt: Date | null };
type UsageRow = { destination: string; calls: number; billedSeconds: bigint; priceMicros: string };

export type TenantInvoiceComposition = { composed: ComposedInvoice; unratableCalls: number };

/** Composes the tenant's invoice for the period from the database as it is now, with these taxes. */
export async function composeTenantInvoice(
  db: TenantDb,
  tenantId: string,
  period: InvoicePeriod,
  taxes: ComposeTax[],
): Promise<TenantInvoiceComposition> {
  const [tenant] = await db.$queryRaw<TenantRow[]>`
    SELECT t."createdAt", p.name AS "planName", p."monthlyPrice"::text AS "planPrice"
    FROM "Tenant" t JOIN "Plan" p ON p.id = t."planId" WHERE t.id = ${tenantId}::uuid`;
  if (!tenant) throw new Error(`no tenant ${tenantId}`);
  const allocations = await db.$queryRaw<AllocationRow[]>`
    SELECT a."didId", a.number, d."monthlyPrice"::text AS price, a."fromAt", a."toAt"
    FROM "DidAllocation" a JOIN "Did" d ON d.id = a."didId"
    WHERE a."tenantId" = ${tenantId}::uuid AND a."fromAt" < ${period.end} AND (a."toAt" IS NULL OR a."toAt" > ${period.start})`;
  const usage = await db.$queryRaw<UsageRow[]>`
    SELECT COALESCE(destination, '') AS destination,
           (count(*) FILTER (WHERE "billedSecSell" > 0))::int AS calls,
           COALESCE(sum("billedSecSell"), 0)::bigint AS "billedSeconds",
           COALESCE(sum("priceMicros"), 0)::text AS "priceMicros"
    FROM "CallCharge"
    WHERE "tenantId" = ${tenantId}::uuid AND "callStartedAt" >= ${period.start} AND "callStartedAt" < ${period.end} AND status = 'rated'
    GROUP BY 1`;
  const composed = composeInvoice({
    month: period.month,
    tenantCreatedAt: tenant.createdAt,
    plan: { name: tenant.planName, monthlyPriceCents: decimalToCents(tenant.planPrice) },
    dids: allocations.map((a) => ({
      didId: a.didId,
      number: a.number,
      monthlyPriceCents: decimalToCents(a.price),
      fromAt: a.fromAt,
      toAt: a.toAt,
    })),
    usage: usage.map((u) => ({
      destination: u.destination,
      calls: u.calls,
      billedSeconds: BigInt(u.billedSeconds),
      priceMicros: BigInt(u.priceMicros),
    })),
    taxes,
  });
  return { composed, unratableCalls: await countUnbillableCalls(db, tenantId, period) };
}
