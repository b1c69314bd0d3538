import { describe, expect, it } from "vitest";
import { AmountInput, DayInput, fromCents, lineAmount, sumAmounts, toCents, weightedAmount } from "./opportunity";

describe("decimal amounts", () => {
  it("adds in cents, never in floating point", () => {
    expect(sumAmounts(["0.10", "0.20"])).toBe("0.30");
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumAmounts([])).toBe("0.00");
    expect(sumAmounts(["9999999999.99", "0.01"])).toBe("10000000000.00");
    expect(sumAmounts(Array.from({ length: 1000 }, () => "0.01"))).toBe("10.00");
  });

  it.each([
    ["1234.57", 25, "308.64"], // 308.6425 rounds down
    ["0.10", 25, "0.03"], // 0.025 rounds half up
    ["0.30", 10, "0.03"],
    ["100.00", 0, "0.00"],
    ["100.00", 100, "100.00"],
    ["99999999999.99", 90, "89999999999.99"], // beyond float precision: 89999999999.991
    ["0.05", 10, "0.01"], // 0.005 → half up
    ["0.04", 10, "0.00"],
  ])("weighted %s × %i %% = %s", (amount, probability, expected) => {
    expect(weightedAmount(amount, probability)).toBe(expected);
  });

  it("multiplies lines exactly", () => {
    expect(lineAmount(3, "0.10")).toBe("0.30");
    expect(lineAmount(25, "49.90")).toBe("1247.50");
    expect(lineAmount(100000, "9999999999.99")).toBe("999999999999000.00");
  });

  it("converts both ways and rejects non-canonical text", () => {
    expect(toCents("1234.56")).toBe(123456n);
    expect(fromCents(123456n)).toBe("1234.56");
    expect(fromCents(5n)).toBe("0.05");
    expect(fromCents(-5n)).toBe("-0.05");
    expect(() => toCents("1234.5")).toThrow();
    expect(() => toCents("1,234.56")).toThrow();
  });
});

describe("amount and day inputs", () => {
  it("accept amounts typed either way and carry them as canonical strings", () => {
    expect(AmountInput.parse("R$ 1.234,56")).toBe("1234.56");
    expect(AmountInput.parse("1234.5")).toBe("1234.50");
    expect(AmountInput.safeParse("abc").error?.issues[0]?.message).toBe("pipelines.errors.invalid_amount");
    expect(AmountInput.safeParse("").error?.issues[0]?.message).toBe("errors.required");
  });

  it("accept real calendar days only, empty meaning none", () => {
    expect(DayInput.parse("2026-12-31")).toBe("2026-12-31");
    expect(DayInput.parse("")).toBeNull();
    for (const bad of ["2026-02-30", "2026-13-01", "31/12/2026", "1999-12-31"]) {
      expect(DayInput.safeParse(bad).error?.issues[0]?.message).toBe("pipelines.errors.invalid_date");
    }
  });
});
