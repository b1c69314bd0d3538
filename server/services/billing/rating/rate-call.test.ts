import { describe, expect, it } from "vitest";
import { billedSeconds, buildRateIndex, chargeMicros, rateCall, type RateRow } from "./rate-call";

// The rating rules of issue 7 (Must show 1), pure: no database. Times are São Paulo wall clock
// written with their offset (-03:00), as an operator reads a tariff change ("from midnight").

const at = (iso: string) => new Date(iso).getTime();
const LONG_AGO = at("2020-01-01T00:00:00-03:00");

let nextId = 0;
function rate(prefix: string, overrides: Partial<RateRow> = {}): RateRow {
  nextId += 1;
  return {
    id: `rate-${prefix}-${nextId}`,
    prefix,
    description: `Destino ${prefix}`,
    pricePerMinuteMicros: 60_000n,
    connectionFeeMicros: 0n,
    minSeconds: 0,
    incrementSeconds: 1,
    effectiveFrom: LONG_AGO,
    effectiveTo: null,
    ...overrides,
  };
}

const CALL_TIME = at("2026-10-15T10:00:00-03:00");

describe("billedSeconds", () => {
  const r30x6 = { minSeconds: 30, incrementSeconds: 6 };
  const r60x60 = { minSeconds: 60, incrementSeconds: 60 };
  const r1x1 = { minSeconds: 1, incrementSeconds: 1 };

  it("bills nothing for an unanswered call (0 s), whatever the minimum", () => {
    expect(billedSeconds(0, r30x6)).toBe(0);
    expect(billedSeconds(0, r60x60)).toBe(0);
    expect(billedSeconds(0, r1x1)).toBe(0);
    // Nonsense durations from a broken CDR are not a call either.
    expect(billedSeconds(-5, r30x6)).toBe(0);
    expect(billedSeconds(Number.NaN, r30x6)).toBe(0);
  });

  it("bills the minimum for a 1 s call", () => {
    expect(billedSeconds(1, r30x6)).toBe(30);
    expect(billedSeconds(1, r60x60)).toBe(60);
    expect(billedSeconds(1, r1x1)).toBe(1);
    // No minimum: one whole increment.
    expect(billedSeconds(1, { minSeconds: 0, incrementSeconds: 6 })).toBe(6);
  });

  it("bills exactly the minimum for a call of exactly the minimum", () => {
    expect(billedSeconds(30, r30x6)).toBe(30);
    expect(billedSeconds(60, r60x60)).toBe(60);
    expect(billedSeconds(29, r30x6)).toBe(30);
  });

  it("rounds one second over an increment boundary up to the next increment", () => {
    expect(billedSeconds(31, r30x6)).toBe(36);
    expect(billedSeconds(36, r30x6)).toBe(36);
    expect(billedSeconds(37, r30x6)).toBe(42);
    expect(billedSeconds(61, r60x60)).toBe(120);
    expect(billedSeconds(120, r60x60)).toBe(120);
    expect(billedSeconds(121, r60x60)).toBe(180);
    expect(billedSeconds(61, r1x1)).toBe(61);
    expect(billedSeconds(3_601, r1x1)).toBe(3_601);
  });

  it("rounds the minimum itself up to the increment when it is not a multiple of it (documented in the README)", () => {
    expect(billedSeconds(1, { minSeconds: 45, incrementSeconds: 30 })).toBe(60);
    expect(billedSeconds(61, { minSeconds: 45, incrementSeconds: 30 })).toBe(90);
  });

  it("keeps huge durations exact", () => {
    expect(billedSeconds(1_000_000_000, r30x6)).toBe(1_000_000_002);
    expect(billedSeconds(999_999_999, r60x60)).toBe(1_000_000_020);
    expect(billedSeconds(2_147_483_647, r1x1)).toBe(2_147_483_647);
  });
});

describe("chargeMicros", () => {
  it("charges nothing at all, not even the connection fee, when nothing is billed", () => {
    expect(chargeMicros(0, { pricePerMinuteMicros: 90_000n, connectionFeeMicros: 50_000n })).toBe(0n);
  });

  it("adds the connection fee to the per-second part", () => {
    // R$ 0,09/min for 36 s = R$ 0,054; plus R$ 0,05 to connect.
    expect(chargeMicros(36, { pricePerMinuteMicros: 90_000n, connectionFeeMicros: 50_000n })).toBe(104_000n);
  });

  it("rounds the per-second part half up to the micro-real", () => {
    // 1 s at 1 µBRL/min = 1/60 µBRL → 0; 30 s = 0.5 µBRL → 1 (half up); 29 s = 0.483 → 0.
    expect(chargeMicros(1, { pricePerMinuteMicros: 1n, connectionFeeMicros: 0n })).toBe(0n);
    expect(chargeMicros(30, { pricePerMinuteMicros: 1n, connectionFeeMicros: 0n })).toBe(1n);
    expect(chargeMicros(29, { pricePerMinuteMicros: 1n, connectionFeeMicros: 0n })).toBe(0n);
    expect(chargeMicros(90, { pricePerMinuteMicros: 1n, connectionFeeMicros: 0n })).toBe(2n); // 1.5 → 2
    // R$ 0,085/min: 1 s = 1416.67 µBRL → 1417; 2 s = 2833.33 → 2833; 3 s = 4250 exactly.
    expect(chargeMicros(1, { pricePerMinuteMicros: 85_000n, connectionFeeMicros: 0n })).toBe(1_417n);
    expect(chargeMicros(2, { pricePerMinuteMicros: 85_000n, connectionFeeMicros: 0n })).toBe(2_833n);
    expect(chargeMicros(3, { pricePerMinuteMicros: 85_000n, connectionFeeMicros: 0n })).toBe(4_250n);
  });

  it("is exact for huge durations and prices (bigint, no 2^53 limit)", () => {
    // 10^9 s at R$ 1.000.000,00/min = 10^9 × 10^12 / 60 µBRL.
    const price = 1_000_000_000_000n;
    expect(chargeMicros(1_000_000_000, { pricePerMinuteMicros: price, connectionFeeMicros: 0n })).toBe(
      (1_000_000_000n * price + 30n) / 60n,
    );
    expect(chargeMicros(1_000_000_020, { pricePerMinuteMicros: 90_000n, connectionFeeMicros: 0n })).toBe(1_500_000_030_000n);
    expect(Number.isSafeInteger(Number((1_000_000_000n * price) / 60n))).toBe(false);
  });

  it("gives the bigint formula's answer on both sides of 2^53, where it switches arithmetic", () => {
    const exact = (sec: number, price: bigint, fee: bigint) => fee + (BigInt(sec) * price + 30n) / 60n;
    const limit = BigInt(Number.MAX_SAFE_INTEGER);
    const cases: Array<[number, bigint, bigint]> = [];
    // billed × price + 30 just under, at and just over 2^53 − 1, every remainder mod 60 around it.
    for (let delta = -70n; delta <= 70n; delta++) cases.push([1, limit - 30n + delta, 0n]);
    for (const sec of [59, 60, 61, 3_599, 86_400]) {
      const price = (limit - 30n) / BigInt(sec);
      for (const p of [price - 1n, price, price + 1n]) cases.push([sec, p, 0n], [sec, p, 12_345n]);
    }
    // A fee that alone pushes the sum over.
    cases.push([60, 90_000n, limit - 10n], [60, 90_000n, limit - 90_000n], [60, 90_000n, limit - 89_999n]);
    for (const [sec, price, fee] of cases) {
      expect(chargeMicros(sec, { pricePerMinuteMicros: price, connectionFeeMicros: fee }), `${sec} s × ${price} + ${fee}`).toBe(
        exact(sec, price, fee),
      );
    }
  });
});

describe("buildRateIndex: longest prefix match", () => {
  const r55 = rate("55", { description: "Brasil" });
  const r551 = rate("551", { description: "Brasil DDD 1x" });
  const r5511 = rate("5511", { description: "Brasil Fixo SP" });
  const r55119 = rate("55119", { description: "Brasil Móvel SP" });
  const index = buildRateIndex([r55, r5511, r551, r55119]);

  it("picks the longest prefix of each number", () => {
    expect(index.size).toBe(4);
    expect(index.match("5511987654321", CALL_TIME)?.id).toBe(r55119.id);
    expect(index.match("551133334444", CALL_TIME)?.id).toBe(r5511.id);
    expect(index.match("551233334444", CALL_TIME)?.id).toBe(r551.id);
    expect(index.match("552133334444", CALL_TIME)?.id).toBe(r55.id);
    expect(index.match("55", CALL_TIME)?.id).toBe(r55.id);
  });

  it("finds no rate when no prefix matches", () => {
    expect(index.match("5491155554444", CALL_TIME)).toBeNull();
    expect(index.match("5", CALL_TIME)).toBeNull();
    expect(index.match("", CALL_TIME)).toBeNull();
    expect(buildRateIndex([]).match("5511987654321", CALL_TIME)).toBeNull();
  });

  it("falls through to a shorter prefix when the longer one is out of its period", () => {
    const expired = rate("55119", { effectiveTo: at("2026-10-01T00:00:00-03:00") });
    const future = rate("5511", { effectiveFrom: at("2026-11-01T00:00:00-03:00") });
    const shorter = rate("551");
    const idx = buildRateIndex([expired, future, shorter]);
    expect(idx.match("5511987654321", at("2026-09-30T12:00:00-03:00"))?.id).toBe(expired.id);
    expect(idx.match("5511987654321", CALL_TIME)?.id).toBe(shorter.id);
    expect(idx.match("5511987654321", at("2026-11-02T12:00:00-03:00"))?.id).toBe(future.id);
  });

  it("uses the rate in effect when the call started: a change at midnight São Paulo", () => {
    const midnight = at("2026-11-01T00:00:00-03:00");
    const oldRate = rate("55119", { pricePerMinuteMicros: 90_000n, effectiveTo: midnight });
    const newRate = rate("55119", { pricePerMinuteMicros: 120_000n, effectiveFrom: midnight });
    const idx = buildRateIndex([newRate, oldRate]);
    // 23:59:50 the day before, talking 10 minutes into the new day: the old rate for the whole call.
    const beforeMidnight = at("2026-10-31T23:59:50-03:00");
    expect(idx.match("5511987654321", beforeMidnight)?.id).toBe(oldRate.id);
    const result = rateCall({ number: "5511987654321", startedAt: beforeMidnight, answeredSec: 600 }, idx, idx);
    expect(result.priceMicros).toBe(900_000n);
    // Exactly 00:00:00: the new rate (periods are half-open [from, to)).
    expect(idx.match("5511987654321", midnight)?.id).toBe(newRate.id);
    expect(idx.match("5511987654321", midnight - 1)?.id).toBe(oldRate.id);
    // UTC midnight is not the São Paulo one: 21:00 local is still the old day.
    expect(idx.match("5511987654321", at("2026-11-01T00:00:00Z"))?.id).toBe(oldRate.id);
  });

  it("ignores digits beyond the longest possible prefix (15)", () => {
    const long = rate("123456789012345");
    expect(buildRateIndex([long]).match("1234567890123456789", CALL_TIME)?.id).toBe(long.id);
  });
});

describe("rateCall", () => {
  const sell = buildRateIndex([
    rate("55", { id: "sell-55", description: "Brasil Fixo", pricePerMinuteMicros: 60_000n, minSeconds: 30, incrementSeconds: 6 }),
    rate("55119", {
      id: "sell-55119",
      description: "Brasil Móvel SP",
      pricePerMinuteMicros: 90_000n,
      connectionFeeMicros: 10_000n,
      minSeconds: 30,
      incrementSeconds: 6,
    }),
  ]);
  const buy = buildRateIndex([
    rate("55", { id: "buy-55", pricePerMinuteMicros: 30_000n, minSeconds: 60, incrementSeconds: 60 }),
    rate("55119", { id: "buy-55119", pricePerMinuteMicros: 45_000n, minSeconds: 1, incrementSeconds: 1 }),
  ]);
  const call = (number: string, answeredSec: number) => ({ number, startedAt: CALL_TIME, answeredSec });

  it("prices both sides with their own increments and records the rates used", () => {
    const result = rateCall(call("5511987654321", 31), sell, buy);
    expect(result).toEqual({
      status: "rated",
      unratableReason: null,
      destination: "Brasil Móvel SP",
      billedSecSell: 36,
      billedSecBuy: 31,
      // 10,000 + 36 × 90,000 / 60 = 64,000; 31 × 45,000 / 60 = 23,250.
      priceMicros: 64_000n,
      costMicros: 23_250n,
      marginMicros: 40_750n,
      sellRateId: "sell-55119",
      buyRateId: "buy-55119",
    });
  });

  it("rates a call exactly at the minimum and a 1 s call at the minimum", () => {
    expect(rateCall(call("551133334444", 30), sell, buy)).toMatchObject({ billedSecSell: 30, billedSecBuy: 60, priceMicros: 30_000n });
    expect(rateCall(call("551133334444", 1), sell, buy)).toMatchObject({
      billedSecSell: 30,
      billedSecBuy: 60,
      priceMicros: 30_000n,
      costMicros: 30_000n,
      marginMicros: 0n,
    });
  });

  it("rates an unanswered call at zero on both sides, not as unratable, even without any rate", () => {
    expect(rateCall(call("5511987654321", 0), sell, buy)).toMatchObject({
      status: "rated",
      billedSecSell: 0,
      billedSecBuy: 0,
      priceMicros: 0n,
      costMicros: 0n,
      marginMicros: 0n,
      sellRateId: "sell-55119",
    });
    expect(rateCall(call("5491155554444", 0), null, null)).toMatchObject({
      status: "rated",
      unratableReason: null,
      destination: null,
      priceMicros: 0n,
      costMicros: 0n,
    });
  });

  it("flags a call no rate matches as unratable, naming the side, never as zero", () => {
    const argentina = call("5491155554444", 120);
    expect(rateCall(argentina, sell, buy)).toMatchObject({
      status: "unratable",
      unratableReason: "no_sell_rate",
      priceMicros: null,
      costMicros: null,
      marginMicros: null,
    });
    expect(rateCall(argentina, null, buy)).toMatchObject({ status: "unratable", unratableReason: "no_sell_deck", priceMicros: null });
    // The sell side matched: its price is kept so the operator sees what the call is worth.
    const sellOnly = rateCall(call("5511987654321", 120), sell, null);
    expect(sellOnly).toMatchObject({ status: "unratable", unratableReason: "no_buy_deck", costMicros: null, marginMicros: null });
    expect(sellOnly.priceMicros).toBe(190_000n);
    const noBuyRate = rateCall(call("5511987654321", 120), sell, buildRateIndex([rate("1")]));
    expect(noBuyRate).toMatchObject({ status: "unratable", unratableReason: "no_buy_rate", costMicros: null });
  });

  it("rates a call started before a rate's first day as unratable (no rate in effect yet)", () => {
    const later = buildRateIndex([rate("55", { effectiveFrom: at("2027-01-01T00:00:00-03:00") })]);
    expect(rateCall(call("5511987654321", 60), later, buy)).toMatchObject({ status: "unratable", unratableReason: "no_sell_rate" });
  });

  it("keeps a huge call exact end to end", () => {
    const result = rateCall(call("5511987654321", 1_000_000_000), sell, buy);
    expect(result.billedSecSell).toBe(1_000_000_002);
    expect(result.priceMicros).toBe(10_000n + 1_500_000_003_000n);
    expect(result.costMicros).toBe(750_000_000_000n);
    expect(result.marginMicros).toBe(result.priceMicros! - result.costMicros!);
  });

  it("charges a free destination (price 0) as rated at zero, which is not the same as no rate", () => {
    const free = buildRateIndex([rate("550800", { id: "free", description: "0800", pricePerMinuteMicros: 0n })]);
    expect(rateCall(call("5508001234567", 300), free, free)).toMatchObject({ status: "rated", priceMicros: 0n, billedSecSell: 300 });
  });
});
