import { beforeAll, describe, expect, it } from "vitest";
import { withAdmin } from "@/server/db";
import { blamedFields, trpcError } from "@/server/routers/admin/inventory/inventory-test-kit";
import { findBuyDeck, findSellDeck, loadRateIndex } from "@/server/services/billing/rating/load-rates";
import { rateCall } from "@/server/services/billing/rating/rate-call";
import { csvOf, insertCompany, insertGateway, insertProvider, missingId, rootCaller, unique, type Caller } from "./tariffs-test-kit";

const BUY = [
  "55;Brasil;0,05;;60;60;2026-01-01;",
  "5511;SP fixo;0,03;;30;6;2026-01-01;",
  "55119;SP móvel;0,08;0,01;30;6;2026-01-01;2026-03-01",
  "55119;SP móvel;0,06;0,01;30;6;2026-03-01;",
];
const SELL = [
  "55;Brasil;0,12;;60;60;2026-01-01;",
  "5511;São Paulo fixo;0,09;;30;6;2026-01-01;",
  "55119;São Paulo móvel;0,20;;30;6;2026-01-01;",
  "56;Chile;0,90;;1;1;2026-01-01;",
];

describe("admin.tariffs.simulate", () => {
  let root: Caller;
  let tenantId: string;
  let gateway: { id: string; name: string };
  let bare: { id: string; name: string };

  beforeAll(async () => {
    root = await rootCaller();
    const provider = await insertProvider();
    gateway = await insertGateway(provider.id);
    // A gateway whose carrier has no deck at all.
    bare = await insertGateway((await insertProvider()).id);
    const buy = await root.admin.tariffs.decks.create({
      name: unique("Sim buy"),
      kind: "buy",
      ownerType: "provider",
      ownerId: provider.id,
    });
    await root.admin.tariffs.import({ deckId: buy.id, mode: "replace", csv: csvOf(BUY) });
    const company = await insertCompany();
    tenantId = company.tenant.id;
    const sell = await root.admin.tariffs.decks.create({
      name: unique("Sim sell"),
      kind: "sell",
      ownerType: "plan",
      ownerId: company.planId,
    });
    await root.admin.tariffs.import({ deckId: sell.id, mode: "replace", csv: csvOf(SELL) });
    // The company's own route sends Brazilian numbers through the priced gateway.
    await root.admin.routes.create({ name: unique("sim"), tenantId, pattern: "_55X.", priority: 1, gatewayIds: [gateway.id] });
  });

  /** What a rating run computes for the same call with the whole decks loaded (load-rates + rateCall). */
  async function rated(number: string, at: Date, answeredSec: number, gatewayName: string | null) {
    return withAdmin(async (db) => {
      const sell = await findSellDeck(db, tenantId);
      const buy = gatewayName ? await findBuyDeck(db, gatewayName) : null;
      return rateCall(
        { number, startedAt: at.getTime(), answeredSec },
        sell ? await loadRateIndex(db, sell.versionId) : null,
        buy ? await loadRateIndex(db, buy.versionId) : null,
      );
    });
  }

  it("prices a call by the longest prefix on each side, with the route's gateway, exactly as rating does", async () => {
    const result = await root.admin.tariffs.simulate({ tenantId, number: "(11) 98765-4321", duration: "1:35", at: "2026-02-10 10:00" });
    expect(result).toMatchObject({
      number: "5511987654321",
      validNumber: true,
      answeredSec: 95,
      gateway: { id: gateway.id, name: gateway.name },
      gatewaySource: "route",
      route: { pattern: "_55X." },
      sell: { rate: { prefix: "55119", description: "São Paulo móvel" }, billedSeconds: 96, chargeMicros: 320_000n },
      buy: { rate: { prefix: "55119", pricePerMinuteMicros: 80_000n }, billedSeconds: 96, chargeMicros: 10_000n + 128_000n },
      charge: {
        status: "rated",
        destination: "São Paulo móvel",
        priceMicros: 320_000n,
        costMicros: 138_000n,
        marginMicros: 182_000n,
        marginBasisPoints: 5688,
      },
    });
    expect(result.sell.deck?.versionNumber).toBe(2);
    const { status, priceMicros, costMicros, marginMicros, destination, sellRateId, buyRateId } = await rated(
      "5511987654321",
      result.at,
      95,
      gateway.name,
    );
    expect(result.charge).toMatchObject({ status, priceMicros, costMicros, marginMicros, destination });
    expect([result.sell.rate?.id, result.buy.rate?.id]).toEqual([sellRateId, buyRateId]);
  });

  it("agrees with the rating rules call after call: prefixes, the rate change at midnight, unanswered, unratable sides", async () => {
    const cases: Array<{ number: string; duration: string; at: string; gatewayId?: string; expect: Record<string, unknown> }> = [
      { number: "11 3003-1234", duration: "31", at: "2026-02-10 10:00", expect: { status: "rated", destination: "São Paulo fixo" } },
      { number: "31 3333-4444", duration: "61", at: "2026-02-10 10:00", expect: { status: "rated", destination: "Brasil" } },
      // The buy price of 55119 changes at São Paulo midnight on March 1st.
      { number: "11987654321", duration: "60", at: "2026-02-28 23:59:59", expect: { status: "rated", costMicros: 10_000n + 80_000n } },
      { number: "11987654321", duration: "60", at: "2026-03-01 00:00", expect: { status: "rated", costMicros: 10_000n + 60_000n } },
      {
        number: "11987654321",
        duration: "0",
        at: "2026-02-10 10:00",
        expect: { status: "rated", priceMicros: 0n, costMicros: 0n, marginMicros: 0n },
      },
      // No sell rate for the US; no route either.
      {
        number: "+1 415 555 2671",
        duration: "60",
        at: "2026-02-10 10:00",
        expect: { status: "unratable", unratableReason: "no_sell_rate" },
      },
      // Chile sells, but the priced gateway's carrier has no rate for it.
      {
        number: "+56 2 2123 4567",
        duration: "60",
        at: "2026-02-10 10:00",
        gatewayId: "priced",
        expect: { status: "unratable", unratableReason: "no_buy_rate" },
      },
      {
        number: "11987654321",
        duration: "60",
        at: "2026-02-10 10:00",
        gatewayId: "bare",
        expect: { status: "unratable", unratableReason: "no_buy_deck" },
      },
      // Before any rate was effective.
      { number: "11987654321", duration: "60", at: "2025-12-31 23:59", expect: { status: "unratable", unratableReason: "no_sell_rate" } },
    ];
    for (const c of cases) {
      const gatewayId = c.gatewayId === "priced" ? gateway.id : c.gatewayId === "bare" ? bare.id : undefined;
      const result = await root.admin.tariffs.simulate({ tenantId, number: c.number, duration: c.duration, at: c.at, gatewayId });
      expect(result.charge, c.number).toMatchObject(c.expect);
      const gatewayName = result.gateway?.name ?? null;
      const rating = await rated(result.number, result.at, result.answeredSec, gatewayName);
      expect(
        {
          status: result.charge.status,
          unratableReason: result.charge.unratableReason,
          priceMicros: result.charge.priceMicros,
          costMicros: result.charge.costMicros,
          marginMicros: result.charge.marginMicros,
          billedSecSell: result.sell.billedSeconds,
          billedSecBuy: result.buy.billedSeconds,
        },
        `${c.number} at ${c.at}`,
      ).toEqual({
        status: rating.status,
        unratableReason: rating.unratableReason,
        priceMicros: rating.priceMicros,
        costMicros: rating.costMicros,
        marginMicros: rating.marginMicros,
        billedSecSell: rating.billedSecSell,
        billedSecBuy: rating.billedSecBuy,
      });
    }
    const us = await root.admin.tariffs.simulate({ tenantId, number: "+1 415 555 2671", duration: "60" });
    expect(us).toMatchObject({ route: null, gateway: null, gatewaySource: "none", buy: { deck: null } });
  });

  it("matches a number no phone plan knows digit by digit", async () => {
    const result = await root.admin.tariffs.simulate({ tenantId, number: "190", duration: "10", at: "2026-02-10 10:00" });
    expect(result).toMatchObject({ number: "190", validNumber: false, charge: { status: "unratable", unratableReason: "no_sell_rate" } });
  });

  it("answers NOT_FOUND for an unknown company or gateway, naming the field", async () => {
    const noTenant = await trpcError(root.admin.tariffs.simulate({ tenantId: missingId(), number: "11987654321", duration: "60" }));
    expect(noTenant.code).toBe("NOT_FOUND");
    expect(blamedFields(noTenant)).toEqual(["tenantId"]);
    const noGateway = await trpcError(
      root.admin.tariffs.simulate({ tenantId, number: "11987654321", duration: "60", gatewayId: missingId() }),
    );
    expect(noGateway.code).toBe("NOT_FOUND");
    expect(blamedFields(noGateway)).toEqual(["gatewayId"]);
    const badDuration = await trpcError(root.admin.tariffs.simulate({ tenantId, number: "11987654321", duration: "1:75" }));
    expect(blamedFields(badDuration)).toEqual(["duration"]);
  });
});
