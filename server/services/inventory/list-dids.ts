import type { z } from "zod";
import { DID_STATUSES, type DidListInput, type DidPage } from "@/lib/schemas/inventory";
import type { Prisma } from "@/prisma/generated/client";
import type { TenantDb } from "@/server/db";
import { didSelect, toDidOutput } from "./did-output";

type ListInput = z.output<typeof DidListInput>;

/**
 * In number order, keyset-paginated on the (unique) number: pages stay stable while numbers are
 * imported or change status. Counts per status ignore the status filter, so each filter button
 * can show how many it would find.
 */
export async function listDids(db: TenantDb, input: ListInput): Promise<DidPage> {
  const digits = input.search?.replace(/\D/g, "") ?? "";
  const base: Prisma.DidWhereInput = {
    ...(digits ? { number: { contains: digits } } : {}),
    ...(input.providerId ? { providerId: input.providerId } : {}),
    ...(input.tenantId ? { tenantId: input.tenantId } : {}),
  };
  const where: Prisma.DidWhereInput = { ...base, ...(input.status ? { status: input.status } : {}) };
  const [rows, grouped] = await Promise.all([
    db.did.findMany({
      where: input.cursor ? { AND: [where, { number: { gt: input.cursor } }] } : where,
      select: didSelect,
      orderBy: { number: "asc" },
      take: input.limit + 1,
    }),
    db.did.groupBy({ by: ["status"], where: base, _count: { _all: true } }),
  ]);
  const counts = Object.fromEntries(DID_STATUSES.map((s) => [s, 0])) as DidPage["counts"];
  for (const group of grouped) counts[group.status] = group._count._all;
  const total = input.status ? counts[input.status] : counts.free + counts.allocated + counts.quarantined;
  const hasMore = rows.length > input.limit;
  const items = (hasMore ? rows.slice(0, input.limit) : rows).map(toDidOutput);
  return { items, nextCursor: hasMore ? (items.at(-1)?.number ?? null) : null, total, counts };
}
