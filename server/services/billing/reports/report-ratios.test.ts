import { describe, expect, it } from "vitest";
import { marginBasisPoints, moneyOf, trafficOf } from "./report-ratios";

describe("marginBasisPoints", () => {
  it.each([
    [25n, 100n, 2500],
    [1n, 3n, 3333],
    [2n, 3n, 6667],
    // 0.125 % → 12.5 bp → 13 (half away from zero), and the same below zero.
    [1n, 800n, 13],
    [-1n, 800n, -13],
    [-5_000n, 15_000n, -3333],
    [0n, 1n, 0],
    // Sums far beyond a double's exact range stay exact.
    [123_456_789_012_345_678n, 987_654_321_098_765_432n, 1250],
  ])("%s / %s → %s bp", (margin, revenue, bps) => {
    expect(marginBasisPoints(margin, revenue)).toBe(bps);
  });

  it("has no percentage without revenue", () => {
    expect(marginBasisPoints(0n, 0n)).toBeNull();
    expect(marginBasisPoints(-10n, 0n)).toBeNull();
  });
});

describe("moneyOf / trafficOf", () => {
  it("reads an outer join's missing group as zeros", () => {
    expect(
      moneyOf({
        calls: null,
        answeredCalls: null,
        answeredSec: null,
        billedSecSell: null,
        billedSecBuy: null,
        revenueMicros: null,
        costMicros: null,
        marginMicros: null,
      }),
    ).toEqual({
      calls: 0,
      answeredCalls: 0,
      answeredSec: 0,
      billedSecSell: 0,
      billedSecBuy: 0,
      revenueMicros: 0n,
      costMicros: 0n,
      marginMicros: 0n,
      marginBasisPoints: null,
    });
    expect(trafficOf({ attempts: null, answered: null, talkSec: null })).toEqual({
      attempts: 0,
      answered: 0,
      talkSec: 0,
      asr: null,
      acdSec: null,
    });
  });

  it("ASR is answered over attempts; ACD rounds half up to the second", () => {
    expect(trafficOf({ attempts: 4, answered: 3, talkSec: 10n })).toEqual({ attempts: 4, answered: 3, talkSec: 10, asr: 0.75, acdSec: 3 });
    expect(trafficOf({ attempts: 2, answered: 2, talkSec: 325n }).acdSec).toBe(163);
    expect(trafficOf({ attempts: 3, answered: 3, talkSec: 1001n }).acdSec).toBe(334);
    expect(trafficOf({ attempts: 5, answered: 0, talkSec: 0n })).toMatchObject({ asr: 0, acdSec: null });
  });
});
