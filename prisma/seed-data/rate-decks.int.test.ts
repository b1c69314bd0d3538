import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { loadVersionRates } from "@/server/services/billing/rating/load-rates";
import { buildRateIndex, rateCall } from "@/server/services/billing/rating/rate-call";
import { PrismaClient } from "../generated/client";
import { seedRateDecks } from "./rate-decks";

// The seed runs twice inside one transaction that is then rolled back: the shared test database
// (whose plans and providers other test files price with decks of their own) is left as it was.

const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject("ownerUrl") }) });
afterAll(() => db.$disconnect());

class Rollback extends Error {}
type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

async function inRolledBackSeed(check: (tx: Tx, runs: Array<{ decks: number; rates: number }>) => Promise<void>): Promise<void> {
  await db
    .$transaction(
      async (tx) => {
        await tx.$executeRaw`SET LOCAL ROLE linha_admin`;
        const runs = [await seedRateDecks(tx), await seedRateDecks(tx)];
        await check(tx, runs);
        throw new Rollback();
      },
      { timeout: 60_000 },
    )
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
}

const NAMES = ["Compra Vivo Empresas", "Compra Algar Wholesale", "Venda Starter", "Venda Pro", "Venda Enterprise"];

describe("seedRateDecks", () => {
  it("gives each provider a buy deck and each plan a sell deck once, selling above buying everywhere", async () => {
    await inRolledBackSeed(async (tx, runs) => {
      expect(runs[1]).toEqual({ decks: 0, rates: 0 });
      const decks = await tx.rateDeck.findMany({
        where: { name: { in: NAMES } },
        select: { name: true, kind: true, currentVersionId: true, provider: { select: { name: true } }, plan: { select: { code: true } } },
      });
      expect(decks.map((d) => [d.name, d.kind, d.provider?.name ?? d.plan?.code]).sort()).toEqual(
        [
          ["Compra Algar Wholesale", "buy", "Algar Wholesale"],
          ["Compra Vivo Empresas", "buy", "Vivo Empresas"],
          ["Venda Enterprise", "sell", "enterprise"],
          ["Venda Pro", "sell", "pro"],
          ["Venda Starter", "sell", "starter"],
        ].sort(),
      );
      const rates = new Map<string, Awaited<ReturnType<typeof loadVersionRates>>>();
      for (const deck of decks) rates.set(deck.name, await loadVersionRates(tx, deck.currentVersionId!));
      const increments = new Set<string>();
      for (const list of rates.values()) {
        // 80 destinations, two of them with a second (future) period.
        expect(list).toHaveLength(82);
        for (const rate of list) increments.add(`${rate.minSeconds}/${rate.incrementSeconds}`);
      }
      expect([...increments].sort()).toEqual(["1/1", "30/6", "60/60"]);
      const key = (r: { prefix: string; effectiveFrom: number }) => `${r.prefix}@${r.effectiveFrom}`;
      const maxBuy = new Map<string, bigint>();
      for (const name of ["Compra Vivo Empresas", "Compra Algar Wholesale"]) {
        for (const rate of rates.get(name)!)
          maxBuy.set(
            key(rate),
            [maxBuy.get(key(rate)) ?? 0n, rate.pricePerMinuteMicros].reduce((a, b) => (a > b ? a : b)),
          );
      }
      for (const name of ["Venda Starter", "Venda Pro", "Venda Enterprise"]) {
        for (const rate of rates.get(name)!) {
          const buy = maxBuy.get(key(rate));
          expect(buy, `${name} ${key(rate)}`).toBeDefined();
          if (rate.prefix === "55800") expect(rate.pricePerMinuteMicros).toBe(0n);
          else expect(rate.pricePerMinuteMicros, `${name} ${rate.prefix}`).toBeGreaterThan(buy!);
        }
      }
    });
  });

  it("prices the numbers the demo calls dial, and two destinations change price next month", async () => {
    await inRolledBackSeed(async (tx) => {
      const versionOf = async (name: string) =>
        (await tx.rateDeck.findFirstOrThrow({ where: { name }, select: { currentVersionId: true } })).currentVersionId!;
      const sell = buildRateIndex(await loadVersionRates(tx, await versionOf("Venda Pro")));
      const buy = buildRateIndex(await loadVersionRates(tx, await versionOf("Compra Vivo Empresas")));
      const now = Date.now();
      const destination = (number: string) => rateCall({ number, startedAt: now, answeredSec: 65 }, sell, buy);
      expect(destination("5511987654321")).toMatchObject({
        status: "rated",
        destination: "Brasil Móvel SP",
        billedSecSell: 66,
        billedSecBuy: 66,
      });
      expect(destination("5585957598978")).toMatchObject({ status: "rated", destination: "Brasil Móvel" });
      expect(destination("551130001234")).toMatchObject({ status: "rated", destination: "Brasil Fixo Local SP" });
      expect(destination("558532345678")).toMatchObject({ status: "rated", destination: "Brasil Fixo DDD" });
      expect(destination("558007770001")).toMatchObject({ status: "rated", destination: "Brasil 0800 (gratuito)", priceMicros: 0n });
      expect(destination("5491155554444")).toMatchObject({ status: "rated", destination: "Argentina Móvel", billedSecSell: 120 });
      expect(destination("4930123456")).toMatchObject({ status: "unratable", unratableReason: "no_sell_rate" });

      const [{ nextMonth }] = await tx.$queryRaw<[{ nextMonth: Date }]>`
        SELECT ((date_trunc('month', now() AT TIME ZONE 'America/Sao_Paulo') + interval '1 month') AT TIME ZONE 'America/Sao_Paulo') AS "nextMonth"`;
      const today = sell.match("5511987654321", now)!;
      const later = sell.match("5511987654321", nextMonth.getTime())!;
      expect(today.pricePerMinuteMicros).toBe(290_000n);
      expect(later.pricePerMinuteMicros).toBe(261_000n);
      expect(sell.match("5511987654321", nextMonth.getTime() - 1)!.id).toBe(today.id);
    });
  });
});
