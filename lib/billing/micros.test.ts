import { describe, expect, it } from "vitest";
import { chargeMicros } from "@/server/services/billing/rating/rate-call";
import {
  centsToDecimal,
  decimalToCents,
  formatCents,
  formatRateMicros,
  microsToCents,
  microsToDecimal,
  MICROS_PER_REAL,
  parseRateMicros,
} from "./micros";

// Intl separates the currency sign with a no-break space: compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("parseRateMicros", () => {
  it("reads rates as people and CSV files write them", () => {
    expect(parseRateMicros("0,085")).toBe(85_000n);
    expect(parseRateMicros("0.0850")).toBe(85_000n);
    expect(parseRateMicros("R$ 1,20")).toBe(1_200_000n);
    expect(parseRateMicros("r$0,5")).toBe(500_000n);
    expect(parseRateMicros(" 12 ")).toBe(12_000_000n);
    expect(parseRateMicros("0,000001")).toBe(1n);
    expect(parseRateMicros("0")).toBe(0n);
    expect(parseRateMicros("1000000")).toBe(1_000_000n * MICROS_PER_REAL);
  });

  it("refuses anything it would have to guess or round", () => {
    for (const bad of ["", " ", "abc", "-0,10", "0,0000001", "1.000.000", "1,2,3", "1e3", "0x10", ",5", "5,", "1000001", "R$"]) {
      expect(parseRateMicros(bad), bad).toBeNull();
    }
  });
});

describe("conversions", () => {
  it("writes micro-reais as a six-place decimal", () => {
    expect(microsToDecimal(85_000n)).toBe("0.085000");
    expect(microsToDecimal(1_234_567_891n)).toBe("1234.567891");
    expect(microsToDecimal(0n)).toBe("0.000000");
    expect(microsToDecimal(-1n)).toBe("-0.000001");
    expect(parseRateMicros(microsToDecimal(123_456_789n))).toBe(123_456_789n);
  });

  it("rounds micro-reais to centavos half away from zero", () => {
    expect(microsToCents(0n)).toBe(0n);
    expect(microsToCents(4_999n)).toBe(0n);
    expect(microsToCents(5_000n)).toBe(1n);
    expect(microsToCents(14_999n)).toBe(1n);
    expect(microsToCents(15_000n)).toBe(2n);
    expect(microsToCents(25_000n)).toBe(3n); // half away from zero, not to even
    expect(microsToCents(-4_999n)).toBe(0n);
    expect(microsToCents(-5_000n)).toBe(-1n);
    expect(microsToCents(-15_000n)).toBe(-2n);
    expect(microsToCents(123_456_785_000n)).toBe(12_345_679n);
    expect(microsToCents(10n ** 24n + 5_000n)).toBe(10n ** 20n + 1n);
  });

  it("converts between centavos and two-place decimals", () => {
    expect(centsToDecimal(123_456n)).toBe("1234.56");
    expect(centsToDecimal(5n)).toBe("0.05");
    expect(centsToDecimal(-5n)).toBe("-0.05");
    expect(centsToDecimal(0n)).toBe("0.00");
    expect(decimalToCents("1234.56")).toBe(123_456n);
    expect(decimalToCents("99.9")).toBe(9_990n);
    expect(decimalToCents("10")).toBe(1_000n);
    expect(decimalToCents("-0.50")).toBe(-50n);
    expect(decimalToCents(centsToDecimal(987_654_321n))).toBe(987_654_321n);
    expect(() => decimalToCents("1,50")).toThrow();
    expect(() => decimalToCents("1.234")).toThrow();
    expect(() => decimalToCents("")).toThrow();
  });

  it("formats centavos and rates for display in either language", () => {
    expect(plain(formatCents(123_456n, "pt-BR"))).toBe("R$ 1.234,56");
    expect(plain(formatCents(123_456n, "en"))).toBe("R$1,234.56");
    expect(plain(formatCents(0n, "pt-BR"))).toBe("R$ 0,00");
    expect(plain(formatRateMicros(85_000n, "pt-BR"))).toBe("R$ 0,085");
    expect(plain(formatRateMicros(1_200_000n, "pt-BR"))).toBe("R$ 1,20");
    expect(plain(formatRateMicros(123_456n, "pt-BR"))).toBe("R$ 0,123456");
    expect(plain(formatRateMicros(0n, "pt-BR"))).toBe("R$ 0,00");
    expect(plain(formatRateMicros(85_000n, "en"))).toBe("R$0.085");
  });
});

describe("summing charges (Must show 1: no drift)", () => {
  const N = 1_000_000;

  it("sums 1,000,000 per-call charges to the exact total a closed form gives", () => {
    // R$ 0,084/min is 1,400 µBRL a second, plus R$ 0,001 to connect; call i lasts (i mod 600) + 1 s.
    const rate = { pricePerMinuteMicros: 84_000n, connectionFeeMicros: 1_000n };
    let total = 0n;
    let floatReais = 0;
    for (let i = 0; i < N; i++) {
      const charge = chargeMicros((i % 600) + 1, rate);
      total += charge;
      floatReais += Number(charge) / 1_000_000;
    }
    // Closed form: N fees + 1,400 × Σ seconds, with 1,666 whole cycles of 1..600 s and then 1..400 s.
    const cycles = BigInt(Math.floor(N / 600));
    const rest = BigInt(N % 600);
    const seconds = cycles * ((600n * 601n) / 2n) + (rest * (rest + 1n)) / 2n;
    const expected = BigInt(N) * 1_000n + 1_400n * seconds;
    expect(seconds).toBe(300_460_000n);
    expect(total).toBe(expected);
    expect(total).toBe(421_644_000_000n);
    expect(microsToCents(total)).toBe(42_164_400n);
    // The same sum in floating-point reais is not exact: the test above could fail on a float sum.
    expect(floatReais).not.toBe(421_644);
  });

  it("sums 1,000,000 charges that each round half up at the micro-real to the exact total", () => {
    // R$ 0,085/min: 1 s → 1,416.67 → 1,417 µBRL; 2 s → 2,833.33 → 2,833; 3 s → 4,250 exactly.
    const rate = { pricePerMinuteMicros: 85_000n, connectionFeeMicros: 0n };
    let total = 0n;
    let floatReais = 0;
    for (let i = 0; i < N; i++) {
      const charge = chargeMicros((i % 3) + 1, rate);
      total += charge;
      floatReais += Number(charge) / 1_000_000;
    }
    // 333,333 cycles of (1,417 + 2,833 + 4,250) µBRL, then one more 1 s call.
    expect(total).toBe(333_333n * 8_500n + 1_417n);
    expect(total).toBe(2_833_331_917n);
    expect(floatReais * 1_000_000).not.toBe(2_833_331_917);
  });
});
