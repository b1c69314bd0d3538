import { Prisma } from "@/prisma/generated/client";
import type { ReportByDestination } from "@/lib/schemas/billing-reports";
import type { TenantDb } from "@/server/db";
import { moneyOf } from "./report-ratios";
import type { ReportScope } from "./report-scope";
import { topGroups } from "./report-top";

/** The destinations (sell rate descriptions, as the invoice groups usage) that brought the most revenue. */
export async function reportByDestination(db: TenantDb, scope: ReportScope, limit: number): Promise<ReportByDestination> {
  // An unanswered call is rated at zero even when no sell rate matched it: no destination. The key
  // must not be null (null is "others"), and no rate's description is empty (CHECK), so "" stands in.
  const top = await topGroups(db, scope, Prisma.sql`coalesce(cc.destination, '')`, limit);
  return { rows: top.rows.map((row) => ({ destination: row.key || null, ...moneyOf(row) })), others: top.others };
}
