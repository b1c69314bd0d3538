import type pg from "pg";
import { withAdmin } from "@/server/db";
import { inboundDestination, type InboundDid } from "./inbound-did-rate";
import { buildRateIndex, type RateIndex, type RateRow } from "./rate-call";
import { didDigits } from "./rating-number";

// Everything a rating run prices with, loaded once at its start: each tenant's sell deck, each
// gateway's buy deck (the same choice as findSellDeck / findBuyDeck, for every tenant and gateway
// at once), the current version of each as a RateIndex, and the DIDs with per-minute inbound prices.
// Versions are immutable, so a deck edited during a run changes nothing in it: the next run uses
// the new version.

export type BuySide = { index: RateIndex | null; providerId: string | null; versionId: string | null };

export type RatingContext = {
  sellFor(tenantId: string): RateIndex | null;
  buyFor(gatewayName: string | null): BuySide;
  /** The priced DID `digits` of `tenantId`, when that tenant holds or held it. */
  inboundDid(digits: string, tenantId: string): (InboundDid & { destination: string }) | null;
  /** (digits, tenant) of every priced DID: inbound calls to anything else are not charged. */
  readonly inboundPairs: ReadonlyArray<{ digits: string; tenantId: string }>;
  /** How many rates were loaded, over how many deck versions. */
  readonly loaded: { versions: number; rates: number };
};

type SellRow = { tenantId: string; versionId: string | null };
type BuyRow = { gatewayName: string; providerId: string; versionId: string | null };
type DidRow = { number: string; providerId: string; cost: bigint; price: bigint; tenantIds: string[] };

const NO_BUY: BuySide = { index: null, providerId: null, versionId: null };

async function loadDeckChoices(): Promise<{ sell: SellRow[]; buy: BuyRow[] }> {
  return withAdmin(async (db) => {
    // A tenant's own deck wins over its plan's; a gateway's own over its provider's. Only decks
    // with a current version count (findSellDeck / findBuyDeck in load-rates.ts, row by row).
    const sell = await db.$queryRaw<SellRow[]>`
      SELECT t.id AS "tenantId",
        (SELECT d."currentVersionId" FROM "RateDeck" d
          WHERE d.kind = 'sell' AND d."currentVersionId" IS NOT NULL AND (d."tenantId" = t.id OR d."planId" = t."planId")
          ORDER BY (d."tenantId" IS NOT NULL) DESC LIMIT 1) AS "versionId"
      FROM "Tenant" t`;
    const buy = await db.$queryRaw<BuyRow[]>`
      SELECT g.name AS "gatewayName", g."providerId",
        (SELECT d."currentVersionId" FROM "RateDeck" d
          WHERE d.kind = 'buy' AND d."currentVersionId" IS NOT NULL
            AND (d."gatewayId" = g.id OR (d."providerId" = g."providerId" AND d."gatewayId" IS NULL))
          ORDER BY (d."gatewayId" IS NOT NULL) DESC LIMIT 1) AS "versionId"
      FROM "Gateway" g`;
    return { sell, buy };
  });
}

export type PricedDids = {
  byDigits: Map<string, InboundDid & { destination: string }>;
  pairs: { digits: string; tenantId: string }[];
};

/** DIDs with a per-minute inbound cost or price, and every tenant that holds or held each. */
export async function loadPricedDids(): Promise<PricedDids> {
  const rows = await withAdmin(
    (db) => db.$queryRaw<DidRow[]>`
      SELECT d.number, d."providerId", d."inboundCostPerMinuteMicros" AS cost, d."inboundPricePerMinuteMicros" AS price,
        ARRAY(SELECT DISTINCT x FROM unnest(array_append(
          ARRAY(SELECT a."tenantId" FROM "DidAllocation" a WHERE a."didId" = d.id), d."tenantId")) AS x WHERE x IS NOT NULL)::text[] AS "tenantIds"
      FROM "Did" d
      WHERE d."inboundCostPerMinuteMicros" > 0 OR d."inboundPricePerMinuteMicros" > 0`,
  );
  const byDigits = new Map<string, InboundDid & { destination: string }>();
  const pairs: { digits: string; tenantId: string }[] = [];
  for (const row of rows) {
    const digits = didDigits(row.number);
    if (!digits) continue;
    byDigits.set(digits, {
      digits,
      providerId: row.providerId,
      costPerMinuteMicros: row.cost,
      pricePerMinuteMicros: row.price,
      tenantIds: new Set(row.tenantIds),
      destination: inboundDestination(digits),
    });
    for (const tenantId of row.tenantIds) pairs.push({ digits, tenantId });
  }
  return { byDigits, pairs };
}

type RateTuple = [string, string, string, string, string, number, number, string, string | null];

/**
 * Every rate of one deck version, as loadVersionRates (load-rates.ts) gives them, read on a raw
 * connection with epoch milliseconds computed by the database: a run may load a few hundred
 * thousand rates, and parsing them into dates and back costs more than the query.
 */
async function loadVersionRateRows(client: pg.ClientBase, versionId: string): Promise<RateRow[]> {
  const { rows } = await client.query<RateTuple>({
    text: `SELECT id, prefix, description, "pricePerMinuteMicros"::text, "connectionFeeMicros"::text, "minSeconds", "incrementSeconds",
                  (extract(epoch FROM "effectiveFrom") * 1000)::bigint::text, (extract(epoch FROM "effectiveTo") * 1000)::bigint::text
           FROM "Rate" WHERE "versionId" = $1`,
    values: [versionId],
    rowMode: "array",
  });
  return rows.map((r) => ({
    id: r[0],
    prefix: r[1],
    description: r[2],
    pricePerMinuteMicros: BigInt(r[3]),
    connectionFeeMicros: BigInt(r[4]),
    minSeconds: r[5],
    incrementSeconds: r[6],
    effectiveFrom: Number(r[7]),
    effectiveTo: r[8] === null ? null : Number(r[8]),
  }));
}

/**
 * Loads the context over `clients` (connections in the console's role), one deck version per
 * connection at a time: the versions' queries run side by side.
 */
export async function loadRatingContext(clients: readonly pg.ClientBase[], dids: PricedDids): Promise<RatingContext> {
  const { sell, buy } = await loadDeckChoices();
  const versionIds = new Set<string>();
  for (const row of [...sell, ...buy]) if (row.versionId) versionIds.add(row.versionId);
  const indexes = new Map<string, RateIndex>();
  let rates = 0;
  const pending = [...versionIds];
  await Promise.all(
    clients.map(async (client) => {
      for (let versionId = pending.shift(); versionId; versionId = pending.shift()) {
        const rows = await loadVersionRateRows(client, versionId);
        rates += rows.length;
        indexes.set(versionId, buildRateIndex(rows));
      }
    }),
  );
  const sellByTenant = new Map(sell.map((row) => [row.tenantId, row.versionId ? indexes.get(row.versionId)! : null]));
  const buyByGateway = new Map<string, BuySide>(
    buy.map((row) => [
      row.gatewayName,
      { index: row.versionId ? indexes.get(row.versionId)! : null, providerId: row.providerId, versionId: row.versionId },
    ]),
  );
  return {
    sellFor: (tenantId) => sellByTenant.get(tenantId) ?? null,
    buyFor: (gatewayName) => (gatewayName === null ? NO_BUY : (buyByGateway.get(gatewayName) ?? NO_BUY)),
    inboundDid(digits, tenantId) {
      const did = dids.byDigits.get(digits);
      return did && did.tenantIds.has(tenantId) ? did : null;
    },
    inboundPairs: dids.pairs,
    loaded: { versions: indexes.size, rates },
  };
}
