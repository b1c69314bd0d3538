import type { z } from "zod";
import type { DidListInput, TenantDidPage } from "@/lib/schemas/numbers";
import type { Prisma } from "@/prisma/generated/client";
import type { TenantDb } from "@/server/db";
import { tenantDidSelect, toTenantDidOutput } from "./did-route-output";

/**
 * The tenant's allocated DIDs (RLS lets the tenant read its own inventory rows) with their routes,
 * in number order, keyset-paged on the number (unique).
 */
export async function listTenantDids(db: TenantDb, tenantId: string, input: z.output<typeof DidListInput>): Promise<TenantDidPage> {
  const where: Prisma.DidWhereInput = { tenantId, status: "allocated", ...(input.search ? { number: { contains: input.search } } : {}) };
  const [rows, total] = await Promise.all([
    db.did.findMany({
      where: input.cursor ? { AND: [where, { number: { gt: input.cursor } }] } : where,
      select: tenantDidSelect,
      orderBy: { number: "asc" },
      take: input.limit + 1,
    }),
    db.did.count({ where }),
  ]);
  const page = rows.slice(0, input.limit);
  return { items: page.map(toTenantDidOutput), nextCursor: rows.length > input.limit ? page[page.length - 1]!.number : null, total };
}
