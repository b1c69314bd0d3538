import type { z } from "zod";
import type { DeckDetail, DeckListInput, DeckPage } from "@/lib/schemas/billing-tariffs";
import type { Prisma } from "@/prisma/generated/client";
import type { TenantDb } from "@/server/db";
import { deckNotFound } from "./deck-errors";
import { deckSelect, toDeckSummary } from "./deck-view";

type ListInput = z.output<typeof DeckListInput>;

/**
 * Decks in name order, keyset-paginated on the (unique) name. The search finds a deck by its own
 * name or its owner's (a provider, gateway, plan or tenant name). Counts per kind ignore the
 * kind filter so the filter can show both.
 */
export async function listDecks(db: TenantDb, input: ListInput): Promise<DeckPage> {
  const search = input.search?.trim();
  const contains = (value: string) => ({ contains: value, mode: "insensitive" as const });
  const base: Prisma.RateDeckWhereInput = search
    ? {
        OR: [
          { name: contains(search) },
          { provider: { name: contains(search) } },
          { gateway: { name: contains(search) } },
          { plan: { name: contains(search) } },
          { tenant: { name: contains(search) } },
        ],
      }
    : {};
  const where: Prisma.RateDeckWhereInput = { ...base, ...(input.kind ? { kind: input.kind } : {}) };
  const [rows, grouped] = await Promise.all([
    db.rateDeck.findMany({
      where: input.cursor ? { AND: [where, { name: { gt: input.cursor } }] } : where,
      select: deckSelect,
      orderBy: { name: "asc" },
      take: input.limit + 1,
    }),
    db.rateDeck.groupBy({ by: ["kind"], where: base, _count: { _all: true } }),
  ]);
  const counts = { buy: 0, sell: 0 };
  for (const group of grouped) counts[group.kind] = group._count._all;
  const hasMore = rows.length > input.limit;
  const items = (hasMore ? rows.slice(0, input.limit) : rows).map(toDeckSummary);
  return {
    items,
    nextCursor: hasMore ? (items.at(-1)?.name ?? null) : null,
    total: input.kind ? counts[input.kind] : counts.buy + counts.sell,
    counts,
  };
}

export async function getDeck(db: TenantDb, id: string): Promise<DeckDetail> {
  const row = await db.rateDeck.findUnique({ where: { id }, select: { ...deckSelect, _count: { select: { versions: true } } } });
  if (!row) throw deckNotFound();
  return { ...toDeckSummary(row), versionCount: row._count.versions };
}
