import type { z } from "zod";
import type { OpportunityListInput, OpportunityPage } from "@/lib/schemas/opportunity";
import type { Prisma } from "@/prisma/generated/client";
import type { TenantDb } from "@/server/db";
import { visibleOpportunityWhere, type CrmViewer } from "@/server/services/crm/access";
import { decodeCursor, encodeCursor, SORTS } from "./opportunity-cursor";
import { dayToDate } from "./opportunity-fields";
import { opportunitySelect, toOpportunityOutput } from "./opportunity-output";

type ListInput = z.output<typeof OpportunityListInput>;

// The nil UUID matches no membership: "mine" for an actor without one (support, API key).
const NOBODY = "00000000-0000-0000-0000-000000000000";

function filters(input: ListInput, viewer: CrmViewer): Prisma.OpportunityWhereInput[] {
  const where: Prisma.OpportunityWhereInput[] = [visibleOpportunityWhere(viewer)];
  if (input.status) where.push({ status: input.status });
  if (input.pipelineId) where.push({ pipelineId: input.pipelineId });
  if (input.stageId) where.push({ stageId: input.stageId });
  if (input.leadId) where.push({ leadId: input.leadId });
  if (input.owner === "me") where.push({ ownerId: viewer.membershipId ?? NOBODY });
  else if (input.owner === "none") where.push({ ownerId: null });
  else if (input.owner) where.push({ ownerId: input.owner });
  if (input.closeFrom) where.push({ expectedCloseOn: { gte: dayToDate(input.closeFrom)! } });
  if (input.closeTo) where.push({ expectedCloseOn: { lte: dayToDate(input.closeTo)! } });
  if (input.minValue) where.push({ value: { gte: input.minValue } });
  if (input.search) {
    const text = { contains: input.search, mode: "insensitive" as const };
    where.push({ OR: [{ title: text }, { lead: { name: text } }, { lead: { company: text } }] });
  }
  return where;
}

/** Filtered, sorted and keyset-paginated, with the count and value of the whole filtered set. */
export async function listOpportunities(db: TenantDb, viewer: CrmViewer, input: ListInput): Promise<OpportunityPage> {
  const sort = SORTS[input.sort];
  const where: Prisma.OpportunityWhereInput = { AND: filters(input, viewer) };
  const page: Prisma.OpportunityWhereInput = input.cursor ? { AND: [where, sort.after(decodeCursor(input.cursor))] } : where;
  const rows = await db.opportunity.findMany({ where: page, orderBy: sort.orderBy, take: input.limit + 1, select: opportunitySelect });
  const totals = await db.opportunity.aggregate({ where, _count: { _all: true }, _sum: { value: true } });
  const hasMore = rows.length > input.limit;
  const items = (hasMore ? rows.slice(0, input.limit) : rows).map(toOpportunityOutput);
  return {
    items,
    nextCursor: hasMore ? encodeCursor(input.sort, items.at(-1)!) : null,
    totals: { count: totals._count._all, value: totals._sum.value?.toFixed(2) ?? "0.00" },
  };
}
