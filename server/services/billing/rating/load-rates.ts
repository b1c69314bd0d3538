import type { TenantDb } from "@/server/db";
import { buildRateIndex, type RateIndex, type RateRow } from "./rate-call";

// Which decks price a call, and their current rates as a RateIndex. Runs in the console's role
// (withAdmin / adminProcedure): decks are operator data the app role cannot read at all.

export type DeckRef = { deckId: string; deckName: string; versionId: string };

type RateDbRow = Omit<RateRow, "effectiveFrom" | "effectiveTo"> & { effectiveFrom: Date; effectiveTo: Date | null };

/** Every rate of one deck version, as the rating engine takes them. */
export async function loadVersionRates(db: TenantDb, versionId: string): Promise<RateRow[]> {
  const rows = await db.$queryRaw<RateDbRow[]>`
    SELECT id, prefix, description, "pricePerMinuteMicros", "connectionFeeMicros", "minSeconds", "incrementSeconds",
           "effectiveFrom", "effectiveTo"
    FROM "Rate" WHERE "versionId" = ${versionId}::uuid`;
  return rows.map((row) => ({
    ...row,
    effectiveFrom: row.effectiveFrom.getTime(),
    effectiveTo: row.effectiveTo ? row.effectiveTo.getTime() : null,
  }));
}

export async function loadRateIndex(db: TenantDb, versionId: string): Promise<RateIndex> {
  return buildRateIndex(await loadVersionRates(db, versionId));
}

/** The tenant's own sell deck, else its plan's; null when neither has a current version. */
export async function findSellDeck(db: TenantDb, tenantId: string): Promise<DeckRef | null> {
  const rows = await db.$queryRaw<DeckRef[]>`
    SELECT d.id AS "deckId", d.name AS "deckName", d."currentVersionId" AS "versionId"
    FROM "Tenant" t JOIN "RateDeck" d ON d."tenantId" = t.id OR d."planId" = t."planId"
    WHERE t.id = ${tenantId}::uuid AND d.kind = 'sell' AND d."currentVersionId" IS NOT NULL
    ORDER BY (d."tenantId" IS NOT NULL) DESC LIMIT 1`;
  return rows[0] ?? null;
}

/** The gateway's own buy deck, else its provider's; null when neither has a current version. */
export async function findBuyDeck(db: TenantDb, gatewayName: string): Promise<(DeckRef & { providerId: string }) | null> {
  const rows = await db.$queryRaw<Array<DeckRef & { providerId: string }>>`
    SELECT d.id AS "deckId", d.name AS "deckName", d."currentVersionId" AS "versionId", g."providerId"
    FROM "Gateway" g JOIN "RateDeck" d ON d."gatewayId" = g.id OR (d."providerId" = g."providerId" AND d."gatewayId" IS NULL)
    WHERE g.name = ${gatewayName} AND d.kind = 'buy' AND d."currentVersionId" IS NOT NULL
    ORDER BY (d."gatewayId" IS NOT NULL) DESC LIMIT 1`;
  return rows[0] ?? null;
}
