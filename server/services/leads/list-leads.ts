import type { z } from "zod";
import { LEAD_COUNT_CAP, type LeadCount, type LeadListInput, type LeadPage, type LeadSort } from "@/lib/schemas/lead";
import type { Prisma } from "@/prisma/generated/client";
import type { TenantDb } from "@/server/db";
import type { CrmViewer } from "@/server/services/crm/access";
import { leadFilterWhere, type LeadFilterValues } from "./lead-filter-where";
import { leadSelect, toLeadOutput } from "./lead-output";
import { decodeLeadCursor, encodeLeadCursor, type LeadCursor } from "./list-cursor";

type ListInput = z.output<typeof LeadListInput>;

/**
 * Every sort ends in `id` so the order is total. Never-contacted leads (NULL) sort as if contacted
 * after everything else: first when descending, last when ascending. That is PostgreSQL's default
 * NULL placement, so the (tenantId, [ownerId,] lastContactAt DESC, id DESC) indexes serve both
 * directions (the ascending one by a backward scan).
 */
export function leadOrderBy(sort: LeadSort): Prisma.LeadOrderByWithRelationInput[] {
  const { dir } = sort;
  switch (sort.by) {
    case "lastContact":
      return [{ lastContactAt: { sort: dir, nulls: dir === "desc" ? "first" : "last" } }, { id: dir }];
    case "score":
      return [{ score: dir }, { id: dir }];
    case "name":
      return [{ name: dir }, { id: dir }];
    case "created":
      return [{ createdAt: dir }, { id: dir }];
  }
}

const SORT_COLUMN = { lastContact: "lastContactAt", score: "score", name: "name", created: "createdAt" } as const;

function cursorValue(
  sort: LeadSort,
  row: { lastContactAt: Date | null; score: number; name: string; createdAt: Date },
): LeadCursor["value"] {
  const value = row[SORT_COLUMN[sort.by]];
  return value instanceof Date ? value.toISOString() : value;
}

/**
 * The rows strictly after the cursor in `leadOrderBy` order. For a non-NULL value v the
 * redundant `col <= v` (or `>=`) bound lets PostgreSQL start the index scan at the cursor
 * instead of filtering from the first row; inside it, `col < v OR id < last` equals the row
 * comparison (col, id) < (v, last), which Prisma cannot express.
 */
export function afterCursorWhere({ sort, value, id }: LeadCursor): Prisma.LeadWhereInput {
  const column = SORT_COLUMN[sort.by];
  const desc = sort.dir === "desc";
  const idAfter = { id: desc ? { lt: id } : { gt: id } };
  if (value === null) {
    // Only lastContact is nullable. NULLs come first when descending (then every dated row follows)
    // and last when ascending (nothing follows them).
    const restOfNulls: Prisma.LeadWhereInput = { AND: [{ lastContactAt: null }, idAfter] };
    return desc ? { OR: [restOfNulls, { lastContactAt: { not: null } }] } : restOfNulls;
  }
  const v = sort.by === "lastContact" || sort.by === "created" ? new Date(value) : value;
  const afterValue: Prisma.LeadWhereInput = {
    AND: [{ [column]: desc ? { lte: v } : { gte: v } }, { OR: [{ [column]: desc ? { lt: v } : { gt: v } }, idAfter] }],
  };
  return sort.by === "lastContact" && !desc ? { OR: [afterValue, { lastContactAt: null }] } : afterValue;
}

/** One page of the leads the viewer may see, keyset-paginated so pages stay stable while rows change. */
export async function listLeads(db: TenantDb, input: ListInput, viewer: CrmViewer): Promise<LeadPage> {
  const where = leadFilterWhere(input, viewer);
  const cursor = input.cursor ? decodeLeadCursor(input.cursor, input.sort) : null;
  const pageWhere = cursor ? { AND: [where, afterCursorWhere(cursor)] } : where;
  const rows = await db.lead.findMany({ where: pageWhere, select: leadSelect, orderBy: leadOrderBy(input.sort), take: input.limit + 1 });
  const count = input.withTotal ? await countWhere(db, where) : null;
  const hasMore = rows.length > input.limit;
  const page = hasMore ? rows.slice(0, input.limit) : rows;
  const last = page.at(-1);
  return {
    items: page.map(toLeadOutput),
    nextCursor: hasMore && last ? encodeLeadCursor({ sort: input.sort, value: cursorValue(input.sort, last), id: last.id }) : null,
    total: count?.total ?? null,
    totalCapped: count?.capped ?? false,
  };
}

/**
 * Counting stops past LEAD_COUNT_CAP (the UI says "10.000+"): an exact count of a big tenant
 * reads every matching row and costs far more than a page (bench/leads-queue.ts).
 */
async function countWhere(db: TenantDb, where: Prisma.LeadWhereInput): Promise<LeadCount> {
  const counted = await db.lead.count({ where, take: LEAD_COUNT_CAP + 1 });
  return { total: Math.min(counted, LEAD_COUNT_CAP), capped: counted > LEAD_COUNT_CAP };
}

export async function countLeads(db: TenantDb, filter: LeadFilterValues, viewer: CrmViewer): Promise<LeadCount> {
  return countWhere(db, leadFilterWhere(filter, viewer));
}
