import type { CallHistoryFilter } from "@/lib/schemas/calls";
import { Prisma } from "@/prisma/generated/client";
import type { TenantDb } from "@/server/db";
import { assertLeadVisible } from "@/server/services/crm/visible-records";
import { ownCallsWhere, seesAllCalls, type CallViewer } from "./call-access";

/**
 * The history's filter as one value with two renderings: a Prisma where for the list and raw SQL for
 * the statistics' GROUP BY, so both count the same calls (a test compares them).
 * `from` is inclusive and `to` exclusive (the UI sends the start of the day after the last one).
 */
export type HistoryScope = {
  filter: CallHistoryFilter;
  /** Null: the viewer sees every call; else only this user's (a rep's history). */
  onlyUserId: string | null;
  /** Digits of the number filter, or null. */
  digits: string | null;
};

/**
 * A rep's history is their own calls, except when it is filtered to one lead they may see: then it
 * is every call of that lead, as on the lead's page. A lead they may not see is NOT_FOUND.
 */
export async function historyScope(db: TenantDb, viewer: CallViewer, filter: CallHistoryFilter): Promise<HistoryScope> {
  const digits = filter.number?.replace(/\D/g, "") || null;
  if (seesAllCalls(viewer)) return { filter, onlyUserId: null, digits };
  if (filter.leadId) {
    await assertLeadVisible(db, viewer.crm, filter.leadId);
    return { filter, onlyUserId: null, digits };
  }
  return { filter, onlyUserId: ownCallsWhere(viewer).userId as string, digits };
}

export function historyWhere(scope: HistoryScope): Prisma.CallWhereInput {
  const { filter, onlyUserId, digits } = scope;
  const and: Prisma.CallWhereInput[] = [];
  if (onlyUserId) and.push({ userId: onlyUserId });
  if (filter.from || filter.to)
    and.push({ startedAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } });
  if (filter.direction) and.push({ direction: filter.direction });
  if (filter.disposition) and.push({ disposition: filter.disposition });
  if (filter.userId) and.push({ userId: filter.userId });
  if (filter.leadId) and.push({ leadId: filter.leadId });
  if (digits) and.push({ OR: [{ fromNumber: { contains: digits } }, { toNumber: { contains: digits } }] });
  return { AND: and };
}

export function historySql(scope: HistoryScope): Prisma.Sql {
  const { filter, onlyUserId, digits } = scope;
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (onlyUserId) parts.push(Prisma.sql`"userId" = ${onlyUserId}::uuid`);
  if (filter.from) parts.push(Prisma.sql`"startedAt" >= ${filter.from}`);
  if (filter.to) parts.push(Prisma.sql`"startedAt" < ${filter.to}`);
  if (filter.direction) parts.push(Prisma.sql`direction = ${filter.direction}::"CallDirection"`);
  if (filter.disposition) parts.push(Prisma.sql`disposition = ${filter.disposition}::"CallDisposition"`);
  if (filter.userId) parts.push(Prisma.sql`"userId" = ${filter.userId}::uuid`);
  if (filter.leadId) parts.push(Prisma.sql`"leadId" = ${filter.leadId}::uuid`);
  if (digits)
    parts.push(Prisma.sql`(strpos(coalesce("fromNumber", ''), ${digits}) > 0 OR strpos(coalesce("toNumber", ''), ${digits}) > 0)`);
  return Prisma.join(parts, " AND ");
}
