import { describe, expect, it } from "vitest";
import { formatPhone, isE164, normalizePhone } from "./phone";

describe("normalizePhone", () => {
  it.each([
    ["(11) 98765-4321", "+5511987654321", "BR mobile, masked"],
    ["11987654321", "+5511987654321", "BR mobile, digits only"],
    ["+55 11 98765-4321", "+5511987654321", "BR mobile, international"],
    ["5511987654321", "+5511987654321", "country code without +"],
    ["011 98765-4321", "+5511987654321", "trunk prefix 0"],
    ["0 21 11 98765-4321", "+5511987654321", "trunk prefix + carrier code"],
    ["  (21) 99876-5432  ", "+5521998765432", "surrounding whitespace"],
    ["(11) 3456-7890", "+551134567890", "BR landline SP"],
    ["(92) 3234-5678", "+559232345678", "BR landline Manaus"],
    ["(51) 2345-6789", "+555123456789", "BR landline starting with 2"],
    ["0800 123 4567", "+558001234567", "BR toll-free"],
    ["+1 415 555 2671", "+14155552671", "US"],
    ["+44 20 7946 0958", "+442079460958", "UK"],
  ])("%j → %s (%s)", (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each([
    ["", "empty"],
    ["   ", "blank"],
    ["123", "too short"],
    ["(11) 98765-432", "mobile missing a digit"],
    ["(11) 98765-43210", "mobile with an extra digit"],
    ["(00) 98765-4321", "DDD 00"],
    ["(23) 98765-4321", "unassigned DDD 23"],
    ["(11) 8765-4321", "pre-2016 8-digit mobile"],
    ["(11) 1234-5678", "landline starting with 1"],
    ["abc", "letters only"],
    ["11 9876a-4321", "letter inside"],
    ["11 98765-4321 abc", "trailing letters"],
    ["+55 11 98765-4321 ext 2", "extension"],
    ["1-800-FLOWERS", "vanity number"],
    ["+1 415 555 267", "foreign too short"],
  ])("%j → null (%s)", (input) => {
    expect(normalizePhone(input)).toBeNull();
  });

  it.each([
    ["415 555 2671", "US", "+14155552671"],
    ["(11) 98765-4321", "US", null],
    ["020 7946 0958", "GB", "+442079460958"],
    ["+55 11 98765-4321", "US", "+5511987654321"],
  ] as const)("%j with default country %s → %s", (input, country, expected) => {
    expect(normalizePhone(input, country)).toBe(expected);
  });

  it.each([["+5511987654321"], ["+551134567890"], ["+14155552671"]])("is idempotent for %s", (e164) => {
    expect(normalizePhone(e164)).toBe(e164);
  });
});

describe("formatPhone", () => {
  it.each([
    ["+5511987654321", "(11) 98765-4321"],
    ["+551134567890", "(11) 3456-7890"],
    ["+5585999887766", "(85) 99988-7766"],
    ["+558001234567", "0800 123 4567"],
    ["+14155552671", "+1 415 555 2671"],
    ["+442079460958", "+44 20 7946 0958"],
    ["not a phone", "not a phone"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(formatPhone(input)).toBe(expected);
  });

  it.each([["+5511987654321"], ["+551134567890"], ["+14155552671"], ["+442079460958"]])("round-trips %s through normalizePhone", (e164) => {
    expect(normalizePhone(formatPhone(e164))).toBe(e164);
  });
});

describe("isE164", () => {
  it.each([
    ["+5511987654321", true],
    ["+14155552671", true],
    ["+12345678", true],
    ["+123456789012345", true],
    ["+1234567", false],
    ["+1234567890123456", false],
    ["5511987654321", false],
    ["+0511987654321", false],
    ["+55 11 98765-4321", false],
    ["+5511987654321\n", false],
    ["", false],
  ])("%j → %s", (input, expected) => {
    expect(isE164(input)).toBe(expected);
  });
});
