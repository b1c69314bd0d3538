import { randomUUID } from "node:crypto";
import { ownerQuery } from "@/server/testing/owner-db";
import { uniqueCode } from "@/server/services/plans/throwaway-tenant.fixture";

// Test arrangement only (imported by *.int.test.ts): providers, gateways, decks, DIDs and calls of
// a test's own, written as the tables' owner. Decks are one per owner, so every test makes its own
// provider, gateway and plan.

export type RateSpec = {
  prefix: string;
  description?: string;
  /** Micro-reais per minute. */
  price: bigint;
  fee?: bigint;
  minSeconds?: number;
  incrementSeconds?: number;
  from?: string;
  to?: string | null;
};

export async function insertProvider(): Promise<{ id: string; name: string }> {
  const name = `Provider ${uniqueCode("p")}`;
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Provider" (id, name, "updatedAt") VALUES (gen_random_uuid(), $1, now()) RETURNING id`,
    [name],
  );
  return { id: row!.id, name };
}

export async function insertGateway(providerId: string): Promise<{ id: string; name: string }> {
  const name = uniqueCode("gw");
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Gateway" (id, "providerId", name, host, "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, now()) RETURNING id`,
    // A host of its own: two carrier gateways at one address make every node's config refuse to render.
    [providerId, name, `${name.toLowerCase()}.gw.example`],
  );
  return { id: row!.id, name };
}

type DeckOwner = { kind: "buy"; providerId: string; gatewayId?: string } | { kind: "sell"; planId?: string; tenantId?: string };

/** A deck with one version holding `rates`, current. Returns the rate ids by prefix (last period wins). */
export async function insertDeck(
  owner: DeckOwner,
  rates: RateSpec[],
): Promise<{ deckId: string; versionId: string; rateIds: Map<string, string> }> {
  const [deck] = await ownerQuery<{ id: string }>(
    `INSERT INTO "RateDeck" (id, name, kind, "providerId", "gatewayId", "planId", "tenantId", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, now()) RETURNING id`,
    [
      `Deck ${uniqueCode("d")}`,
      owner.kind,
      owner.kind === "buy" ? owner.providerId : null,
      owner.kind === "buy" ? (owner.gatewayId ?? null) : null,
      owner.kind === "sell" ? (owner.planId ?? null) : null,
      owner.kind === "sell" ? (owner.tenantId ?? null) : null,
    ],
  );
  const version = await insertDeckVersion(deck!.id, rates);
  return { deckId: deck!.id, ...version };
}

/** A new current version of the deck with exactly these rates (a tariff fix). */
export async function insertDeckVersion(deckId: string, rates: RateSpec[]): Promise<{ versionId: string; rateIds: Map<string, string> }> {
  const [version] = await ownerQuery<{ id: string }>(
    `INSERT INTO "RateDeckVersion" (id, "deckId", number, change, "rateCount")
     VALUES (gen_random_uuid(), $1, (SELECT COALESCE(max(number), 0) + 1 FROM "RateDeckVersion" WHERE "deckId" = $1), 'edited', $2) RETURNING id`,
    [deckId, rates.length],
  );
  const rateIds = new Map<string, string>();
  for (const rate of rates) {
    const id = randomUUID();
    await ownerQuery(
      `INSERT INTO "Rate" (id, "versionId", prefix, description, "pricePerMinuteMicros", "connectionFeeMicros", "minSeconds", "incrementSeconds", "effectiveFrom", "effectiveTo")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        id,
        version!.id,
        rate.prefix,
        rate.description ?? `Destino ${rate.prefix}`,
        rate.price.toString(),
        (rate.fee ?? 0n).toString(),
        rate.minSeconds ?? 1,
        rate.incrementSeconds ?? 1,
        rate.from ?? "2020-01-01T00:00:00-03:00",
        rate.to ?? null,
      ],
    );
    rateIds.set(rate.prefix, id);
  }
  await ownerQuery(`UPDATE "RateDeck" SET "currentVersionId" = $2, "updatedAt" = now() WHERE id = $1`, [deckId, version!.id]);
  return { versionId: version!.id, rateIds };
}

export type CallSpec = {
  direction?: "outbound" | "inbound" | "internal";
  state?: "ended" | "answered" | "ringing";
  toNumber?: string | null;
  startedAt: string;
  billsec?: number | null;
  gatewayName?: string | null;
  /** Seconds between start and end (default billsec + 10). */
  durationSec?: number;
};

export async function insertCall(tenantId: string, spec: CallSpec): Promise<string> {
  const id = randomUUID();
  const started = new Date(spec.startedAt);
  const state = spec.state ?? "ended";
  const ended = state === "ended" ? new Date(started.getTime() + (spec.durationSec ?? (spec.billsec ?? 0) + 10) * 1000) : null;
  await ownerQuery(
    `INSERT INTO "Call" (id, "tenantId", direction, state, "fromNumber", "toNumber", "startedAt", "answeredAt", "endedAt", billsec, "gatewayName", disposition, "updatedAt")
     VALUES ($1, $2, $3, $4, '1001', $5, $6, $7, $8, $9, $10, $11, COALESCE($8, now()))`,
    [
      id,
      tenantId,
      spec.direction ?? "outbound",
      state,
      spec.toNumber === undefined ? "5511987654321" : spec.toNumber,
      started,
      spec.billsec ? new Date(started.getTime() + 5000) : null,
      ended,
      spec.billsec ?? 0,
      spec.gatewayName ?? null,
      state === "ended" ? (spec.billsec ? "answered" : "no_answer") : null,
    ],
  );
  return id;
}

export async function insertDid(options: {
  providerId: string;
  tenantId: string | null;
  inboundCost?: bigint;
  inboundPrice?: bigint;
}): Promise<{ id: string; number: string }> {
  const number = `+55800${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  const [row] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Did" (id, number, "providerId", status, "tenantId", "allocatedAt", "inboundCostPerMinuteMicros", "inboundPricePerMinuteMicros", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, now()) RETURNING id`,
    [
      number,
      options.providerId,
      options.tenantId ? "allocated" : "free",
      options.tenantId,
      options.tenantId ? new Date("2020-01-01T00:00:00Z") : null,
      (options.inboundCost ?? 0n).toString(),
      (options.inboundPrice ?? 0n).toString(),
    ],
  );
  return { id: row!.id, number };
}

export type ChargeRow = {
  callId: string;
  tenantId: string;
  number: string;
  direction: string;
  status: string;
  unratableReason: string | null;
  destination: string | null;
  answeredSec: number;
  billedSecSell: number;
  billedSecBuy: number;
  priceMicros: string | null;
  costMicros: string | null;
  marginMicros: string | null;
  sellRateId: string | null;
  buyRateId: string | null;
  gatewayName: string | null;
  providerId: string | null;
  ratingRunId: string | null;
  callStartedAt: Date;
};

/** The charges of these tenants, by call id, as the owner sees them (every column). */
export async function chargesOf(tenantIds: string[]): Promise<Map<string, ChargeRow>> {
  const rows = await ownerQuery<ChargeRow>(
    `SELECT "callId", "tenantId", number, direction::text, status::text, "unratableReason", destination, "answeredSec", "billedSecSell", "billedSecBuy",
            "priceMicros"::text, "costMicros"::text, "marginMicros"::text, "sellRateId", "buyRateId", "gatewayName", "providerId", "ratingRunId", "callStartedAt"
     FROM "CallCharge" WHERE "tenantId" = ANY($1::uuid[])`,
    [tenantIds],
  );
  return new Map(rows.map((row) => [row.callId, row]));
}
