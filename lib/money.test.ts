import { describe, expect, it } from "vitest";
import { formatBrl, formatBrlInput, parseBrl } from "./money";

describe("parseBrl", () => {
  it.each([
    ["1.234,56", "1234.56"],
    ["1234,56", "1234.56"],
    ["1234.56", "1234.56"],
    ["1,234.56", "1234.56"],
    ["R$ 1.234,56", "1234.56"],
    ["R$\u00a01.234,56", "1234.56"],
    ["r$1234", "1234.00"],
    ["  599  ", "599.00"],
    ["0", "0.00"],
    ["0,99", "0.99"],
    ["1,5", "1.50"],
    ["1.5", "1.50"],
    ["1.234", "1234.00"],
    ["1,234", "1234.00"],
    ["1.234.567", "1234567.00"],
    ["1,234,567.89", "1234567.89"],
    ["1.234.567,89", "1234567.89"],
    ["007,10", "7.10"],
    ["9999999999,99", "9999999999.99"],
    ["9.999.999.999,99", "9999999999.99"],
  ])("%j → %j", (input, expected) => {
    expect(parseBrl(input)).toBe(expected);
  });

  it.each([
    ["", "empty"],
    ["   ", "blank"],
    ["R$", "symbol only"],
    ["-10", "negative"],
    ["10-", "trailing minus"],
    ["abc", "letters"],
    ["12a", "digit then letter"],
    ["1.2345", "lone separator with four digits"],
    ["1,234,56", "comma groups with a two-digit tail"],
    ["1.23.456", "badly grouped thousands"],
    ["1.234,567", "three decimals after a comma"],
    ["1,234.567", "three decimals after a dot"],
    ["12,", "separator without decimals"],
    [",50", "no integer part"],
    ["1.234.56", "dots as thousands and decimal"],
    ["10000000000", "eleven integer digits"],
    ["1e3", "exponent"],
  ])("rejects %j (%s)", (input) => {
    expect(parseBrl(input)).toBeNull();
  });

  it("ignores spaces a formatter or a paste may leave between digit groups", () => {
    expect(parseBrl("1 234,56")).toBe("1234.56");
  });
});

describe("formatBrl / formatBrlInput", () => {
  it("formats in the reader's locale", () => {
    expect(formatBrl("1234.56", "pt-BR").replace(/\s/g, " ")).toBe("R$ 1.234,56");
    expect(formatBrl("1234.5", "en")).toBe("R$1,234.50");
    expect(formatBrlInput("1234.5", "pt-BR")).toBe("1.234,50");
    expect(formatBrlInput("1234.5", "en")).toBe("1,234.50");
  });

  it.each([["0.00"], ["0.99"], ["199.00"], ["1234.56"], ["9999999999.99"]])("%s survives a round trip in both locales", (amount) => {
    expect(parseBrl(formatBrlInput(amount, "pt-BR"))).toBe(amount);
    expect(parseBrl(formatBrlInput(amount, "en"))).toBe(amount);
    expect(parseBrl(formatBrl(amount, "pt-BR"))).toBe(amount);
    expect(parseBrl(formatBrl(amount, "en"))).toBe(amount);
  });
});
