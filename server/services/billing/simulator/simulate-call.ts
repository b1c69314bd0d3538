import type { z } from "zod";
import { normalizePhone } from "@/lib/phone";
import { tariffsError, type SimulatedSide, type SimulateInput, type SimulateOutput } from "@/lib/schemas/billing-tariffs";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { findBuyDeck, findSellDeck, type DeckRef } from "@/server/services/billing/rating/load-rates";
import { buildRateIndex, chargeMicros, rateCall, type RateIndex, type RateRow } from "@/server/services/billing/rating/rate-call";
import { testRoute } from "@/server/services/routes/test-route";

type Input = z.output<typeof SimulateInput>;

const fieldError = (field: string, key: Parameters<typeof tariffsError>[0]) =>
  new AppError("NOT_FOUND", tariffsError(key), { fieldErrors: { [field]: [tariffsError(key)] } });

/**
 * The number the rates are matched on, as the rating run matches a call's: E.164 digits without
 * "+". What a person types ("(11) 98765-4321") is read as a Brazilian number; a number no phone
 * plan knows ("190", a short code) is matched digit by digit as typed.
 */
export function simulatedNumber(typed: string): { digits: string; valid: boolean } | null {
  const e164 = normalizePhone(typed) ?? (typed.trim().startsWith("+") ? null : normalizePhone(`+${typed.replace(/\D/g, "")}`));
  if (e164) return { digits: e164.slice(1), valid: true };
  const digits = typed.replace(/\D/g, "");
  return /^\d{1,20}$/.test(digits) ? { digits, valid: false } : null;
}

/**
 * The rates of a version that could match `number`: those whose prefix is one of its first 1–15
 * digits. buildRateIndex over them answers match(number, at) exactly as over the whole version
 * (a match only ever looks those prefixes up), without loading 50,000 rates for one question.
 */
async function candidateRates(db: TenantDb, versionId: string, number: string): Promise<RateRow[]> {
  const prefixes = Array.from({ length: Math.min(15, number.length) }, (_, i) => number.slice(0, i + 1));
  const rows = await db.$queryRaw<
    Array<Omit<RateRow, "effectiveFrom" | "effectiveTo"> & { effectiveFrom: Date; effectiveTo: Date | null }>
  >`
    SELECT id, prefix, description, "pricePerMinuteMicros", "connectionFeeMicros", "minSeconds", "incrementSeconds", "effectiveFrom", "effectiveTo"
    FROM "Rate" WHERE "versionId" = ${versionId}::uuid AND prefix = ANY(${prefixes}::text[])`;
  return rows.map((r) => ({ ...r, effectiveFrom: r.effectiveFrom.getTime(), effectiveTo: r.effectiveTo ? r.effectiveTo.getTime() : null }));
}

async function sideIndex(db: TenantDb, deck: DeckRef | null, number: string): Promise<RateIndex | null> {
  return deck ? buildRateIndex(await candidateRates(db, deck.versionId, number)) : null;
}

async function deckOf(db: TenantDb, deck: DeckRef | null): Promise<SimulatedSide["deck"]> {
  if (!deck) return null;
  const version = await db.rateDeckVersion.findUniqueOrThrow({ where: { id: deck.versionId }, select: { number: true } });
  return { id: deck.deckId, name: deck.deckName, versionId: deck.versionId, versionNumber: version.number };
}

function rateView(rate: RateRow | null): SimulatedSide["rate"] {
  if (!rate) return null;
  return {
    ...rate,
    effectiveFrom: new Date(rate.effectiveFrom),
    effectiveTo: rate.effectiveTo === null ? null : new Date(rate.effectiveTo),
  };
}

/** Margin over price in basis points, rounded half away from zero (display only). */
function marginBasisPoints(price: bigint | null, margin: bigint | null): number | null {
  if (price === null || margin === null || price === 0n) return null;
  const scaled = margin * 20_000n;
  const rounded = (scaled >= 0n ? scaled + price : scaled - price) / (2n * price);
  return Number(rounded);
}

/**
 * The tariff simulator: a number, a length and a tenant (and optionally the carrier and the
 * moment), priced with the same decks, the same rate matching and the same rateCall a rating
 * run uses, so what it shows is what would be stored for that call. The buy side is priced with
 * the gateway the tenant's outbound route would try first, unless one is chosen.
 */
export async function simulateCall(db: TenantDb, input: Input): Promise<SimulateOutput> {
  const tenant = await db.tenant.findUnique({ where: { id: input.tenantId }, select: { id: true, name: true } });
  if (!tenant) throw fieldError("tenantId", "tenant_not_found");
  const number = simulatedNumber(input.number);
  if (!number)
    throw new AppError("INVALID_INPUT", tariffsError("invalid_number"), { fieldErrors: { number: [tariffsError("invalid_number")] } });
  const at = input.at ?? new Date();

  const routing = await testRoute(db, number.digits, tenant.id);
  const routed = routing.selected?.gateways[0] ?? null;
  const gatewayId = input.gatewayId ?? routed?.id ?? null;
  const gateway = gatewayId
    ? await db.gateway.findUnique({ where: { id: gatewayId }, select: { id: true, name: true, provider: { select: { name: true } } } })
    : null;
  if (input.gatewayId && !gateway) throw fieldError("gatewayId", "gateway_not_found");

  const sellDeck = await findSellDeck(db, tenant.id);
  const buyDeck = gateway ? await findBuyDeck(db, gateway.name) : null;
  const sellIndex = await sideIndex(db, sellDeck, number.digits);
  const buyIndex = await sideIndex(db, buyDeck, number.digits);
  const call = { number: number.digits, startedAt: at.getTime(), answeredSec: input.duration };
  const charge = rateCall(call, sellIndex, buyIndex);
  const sellRate = sellIndex?.match(call.number, call.startedAt) ?? null;
  const buyRate = buyIndex?.match(call.number, call.startedAt) ?? null;

  return {
    number: number.digits,
    validNumber: number.valid,
    at,
    answeredSec: input.duration,
    tenant,
    route: routing.selected
      ? { id: routing.selected.route.id, name: routing.selected.route.name, pattern: routing.selected.route.pattern }
      : null,
    gateway: gateway ? { id: gateway.id, name: gateway.name, providerName: gateway.provider.name } : null,
    gatewaySource: input.gatewayId ? "chosen" : gateway ? "route" : "none",
    sell: {
      deck: await deckOf(db, sellDeck),
      rate: rateView(sellRate),
      billedSeconds: charge.billedSecSell,
      chargeMicros: sellRate ? chargeMicros(charge.billedSecSell, sellRate) : null,
    },
    buy: {
      deck: await deckOf(db, buyDeck),
      rate: rateView(buyRate),
      billedSeconds: charge.billedSecBuy,
      chargeMicros: buyRate ? chargeMicros(charge.billedSecBuy, buyRate) : null,
    },
    charge: {
      status: charge.status,
      unratableReason: charge.unratableReason,
      destination: charge.destination,
      priceMicros: charge.priceMicros,
      costMicros: charge.costMicros,
      marginMicros: charge.marginMicros,
      marginBasisPoints: marginBasisPoints(charge.priceMicros, charge.marginMicros),
    },
  };
}
