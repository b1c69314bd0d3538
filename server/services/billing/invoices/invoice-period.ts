import type { TenantDb } from "@/server/db";

/** A billing month as instants: [start, end) are São Paulo midnights, as CallCharge.callStartedAt is compared. */
export type InvoicePeriod = { month: string; start: Date; end: Date };

/**
 * The month's bounds from PostgreSQL's time zone rules (AT TIME ZONE), not from an assumed offset:
 * the database is where the charges are selected, so it decides where the month starts and ends.
 */
export async function invoicePeriod(db: TenantDb, month: string): Promise<InvoicePeriod> {
  const first = `${month}-01`;
  const [row] = await db.$queryRaw<{ start: Date; end: Date }[]>`
    SELECT (${first}::date::timestamp AT TIME ZONE 'America/Sao_Paulo') AS "start",
           ((${first}::date + interval '1 month')::timestamp AT TIME ZONE 'America/Sao_Paulo') AS "end"`;
  return { month, start: row!.start, end: row!.end };
}
