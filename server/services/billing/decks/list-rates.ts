import type { z } from "zod";
import { normalizePrefix, type RateListInput, type RatePage } from "@/lib/schemas/billing-tariffs";
import type { Prisma } from "@/prisma/generated/client";
import type { TenantDb } from "@/server/db";
import { deckNotFound, versionNotFound } from "./deck-errors";
import { rateSelect } from "./rate-row";
import { versionView } from "./version-view";

type ListInput = z.output<typeof RateListInput>;

export function rateCursor(rate: { prefix: string; effectiveFrom: Date }): string {
  return `${rate.prefix}:${rate.effectiveFrom.getTime()}`;
}

export function afterCursor(cursor: string): Prisma.RateWhereInput {
  const [prefix, ms] = cursor.split(":") as [string, string];
  const from = new Date(Number(ms));
  return { OR: [{ prefix: { gt: prefix } }, { prefix, effectiveFrom: { gt: from } }] };
}

/** The deck version a page asks for: the one given (it must be the deck's), else the current one. */
export async function resolveVersionId(db: TenantDb, deckId: string, versionId: string | null | undefined) {
  const deck = await db.rateDeck.findUnique({ where: { id: deckId }, select: { currentVersionId: true } });
  if (!deck) throw deckNotFound();
  if (!versionId) return { versionId: deck.currentVersionId, currentVersionId: deck.currentVersionId };
  const version = await db.rateDeckVersion.findFirst({ where: { id: versionId, deckId }, select: { id: true } });
  if (!version) throw versionNotFound();
  return { versionId: version.id, currentVersionId: deck.currentVersionId };
}

/**
 * A version's rates in (prefix, start) order — the order of a prefix tree, "55" before "551" —
 * keyset-paginated. Digits search prefixes that start with them (and descriptions containing
 * them); other text searches descriptions.
 */
export async function listRates(db: TenantDb, input: ListInput): Promise<RatePage> {
  const { versionId, currentVersionId } = await resolveVersionId(db, input.deckId, input.versionId);
  if (!versionId) return { version: null, items: [], nextCursor: null, total: 0 };
  const search = input.search?.trim() ?? "";
  const digits = search ? normalizePrefix(search) : null;
  const description = { contains: search, mode: "insensitive" as const };
  const where: Prisma.RateWhereInput = {
    versionId,
    ...(digits ? { OR: [{ prefix: { startsWith: digits } }, { description }] } : search ? { description } : {}),
  };
  const [rows, total, version] = await Promise.all([
    db.rate.findMany({
      where: input.cursor ? { AND: [where, afterCursor(input.cursor)] } : where,
      select: rateSelect,
      orderBy: [{ prefix: "asc" }, { effectiveFrom: "asc" }],
      take: input.limit + 1,
    }),
    db.rate.count({ where }),
    versionView(db, versionId, currentVersionId),
  ]);
  const hasMore = rows.length > input.limit;
  const items = hasMore ? rows.slice(0, input.limit) : rows;
  return { version, items, nextCursor: hasMore ? rateCursor(items.at(-1)!) : null, total };
}
