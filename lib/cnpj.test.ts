import { describe, expect, it } from "vitest";
import { cnpjCheckDigits, formatCnpj, generateCnpj, isValidCnpj, normalizeCnpj } from "./cnpj";
import { createRandom } from "../prisma/seed-data/random";

describe("normalizeCnpj", () => {
  it.each([
    ["12.345.678/0001-95", "12345678000195"],
    ["12345678000195", "12345678000195"],
    [" 12 345 678 0001 95 ", "12345678000195"],
    ["12.345.678/0001-9a", "1234567800019a"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(normalizeCnpj(input)).toBe(expected);
  });
});

describe("isValidCnpj", () => {
  it.each([["12.345.678/0001-95"], ["12345678000195"], ["11.222.333/0001-81"], ["11444777000161"], ["  11.444.777/0001-61  "]])(
    "accepts %j",
    (input) => {
      expect(isValidCnpj(input)).toBe(true);
    },
  );

  it.each([
    ["12.345.678/0001-96", "wrong second check digit"],
    ["12.345.678/0001-85", "wrong first check digit"],
    ["1234567800019", "13 digits"],
    ["123456780001950", "15 digits"],
    ["12.ABC.678/0001-95", "letters"],
    ["1234567800019a", "trailing letter"],
    ["529.982.247-25", "a CPF"],
    ["", "empty"],
    ["00000000000000", "all zeros"],
    ["11111111111111", "all ones"],
    ["99.999.999/9999-99", "all nines, masked"],
    ["12_345_678_0001_95", "unknown separator"],
  ])("rejects %j (%s)", (input) => {
    expect(isValidCnpj(input)).toBe(false);
  });

  it.each(Array.from({ length: 10 }, (_, d) => [String(d).repeat(14)]))("rejects repeated %s", (input) => {
    expect(isValidCnpj(input)).toBe(false);
  });
});

describe("formatCnpj", () => {
  it.each([
    ["12345678000195", "12.345.678/0001-95"],
    ["12.345.678/0001-95", "12.345.678/0001-95"],
    ["11444777000161", "11.444.777/0001-61"],
    ["123", "123"],
    ["abc", "abc"],
  ])("%j → %j", (input, expected) => {
    expect(formatCnpj(input)).toBe(expected);
  });
});

describe("cnpjCheckDigits", () => {
  it.each([
    ["123456780001", "95"],
    ["112223330001", "81"],
    ["114447770001", "61"],
  ])("%s → %s", (base, expected) => {
    expect(cnpjCheckDigits(base)).toBe(expected);
  });

  it.each([["12345678000"], ["1234567800011"], ["12345678000a"], [""]])("throws on %j", (base) => {
    expect(() => cnpjCheckDigits(base)).toThrow();
  });
});

describe("generateCnpj", () => {
  it("always produces valid 14-digit CNPJs", () => {
    const rng = createRandom(123);
    for (let i = 0; i < 1000; i++) {
      const cnpj = generateCnpj(rng.next);
      expect(cnpj).toMatch(/^\d{14}$/);
      expect(isValidCnpj(cnpj)).toBe(true);
    }
  });

  it.each([[0], [0.5], [0.999999]])("is valid for a constant rng of %s", (value) => {
    expect(isValidCnpj(generateCnpj(() => value))).toBe(true);
  });

  it("is deterministic for the same rng sequence", () => {
    expect(generateCnpj(createRandom(9).next)).toBe(generateCnpj(createRandom(9).next));
  });
});
