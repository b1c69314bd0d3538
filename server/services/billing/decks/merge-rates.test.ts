import { describe, expect, it } from "vitest";
import type { NewRate } from "./deck-version";
import { mergeRates } from "./merge-rates";

const day = (n: number) => Date.UTC(2026, 0, n, 3);
const rate = (prefix: string, description: string, from: number, to: number | null, price = 100_000n): NewRate => ({
  prefix,
  description,
  pricePerMinuteMicros: price,
  connectionFeeMicros: 0n,
  minSeconds: 0,
  incrementSeconds: 1,
  effectiveFrom: from,
  effectiveTo: to,
});
const periods = (rates: NewRate[]) =>
  rates
    .map(
      (r) =>
        `${r.prefix} ${r.description} ${r.effectiveFrom === day(1) ? "d1" : `d${(r.effectiveFrom - day(1)) / 86_400_000 + 1}`}→${r.effectiveTo === null ? "∞" : `d${(r.effectiveTo - day(1)) / 86_400_000 + 1}`}`,
    )
    .sort();

describe("mergeRates", () => {
  it("keeps prefixes the file does not mention and adds the file's new ones", () => {
    const merged = mergeRates([rate("55", "old", day(1), null)], [rate("5511", "new", day(1), null)]);
    expect(periods(merged)).toEqual(["55 old d1→∞", "5511 new d1→∞"]);
  });

  it("replaces a rate with the same prefix and start", () => {
    const merged = mergeRates([rate("55", "old", day(1), null)], [rate("55", "new", day(1), null, 200_000n)]);
    expect(periods(merged)).toEqual(["55 new d1→∞"]);
  });

  it("ends an open rate where the file starts a new price (a price change from a date)", () => {
    const merged = mergeRates([rate("55", "old", day(1), null)], [rate("55", "new", day(10), null)]);
    expect(periods(merged)).toEqual(["55 new d10→∞", "55 old d1→d10"]);
  });

  it("splits a rate around a file period inside it (a promotion)", () => {
    const merged = mergeRates([rate("55", "old", day(1), null)], [rate("55", "promo", day(10), day(20))]);
    expect(periods(merged)).toEqual(["55 old d1→d10", "55 old d20→∞", "55 promo d10→d20"]);
  });

  it("drops a rate the file covers entirely and shortens one it covers the start of", () => {
    const merged = mergeRates([rate("55", "a", day(5), day(8)), rate("55", "b", day(8), day(30))], [rate("55", "new", day(1), day(10))]);
    expect(periods(merged)).toEqual(["55 b d10→d30", "55 new d1→d10"]);
  });

  it("leaves no overlap whatever the file's periods are", () => {
    const current = [rate("55", "a", day(1), day(15)), rate("55", "b", day(15), null)];
    const file = [rate("55", "x", day(3), day(5)), rate("55", "y", day(12), day(18)), rate("55", "z", day(25), null)];
    const merged = mergeRates(current, file).sort((p, q) => p.effectiveFrom - q.effectiveFrom);
    for (let i = 1; i < merged.length; i++) expect(merged[i]!.effectiveFrom).toBeGreaterThanOrEqual(merged[i - 1]!.effectiveTo!);
    expect(periods(merged)).toEqual(["55 a d1→d3", "55 a d5→d12", "55 b d18→d25", "55 x d3→d5", "55 y d12→d18", "55 z d25→∞"]);
  });
});
