import { describe, expect, it } from "vitest";
import {
  DeckCreateInput,
  formatEffectiveText,
  normalizePrefix,
  parseDurationText,
  parseEffectiveText,
  parseIncrementText,
  RateFields,
  SimulateInput,
} from "./billing-tariffs";

const iso = (d: Date | null) => d?.toISOString() ?? null;

describe("effective dates", () => {
  it.each([
    ["2026-11-01", "2026-11-01T03:00:00.000Z"],
    ["2026-11-01 14:30", "2026-11-01T17:30:00.000Z"],
    ["2026-11-01T14:30:05", "2026-11-01T17:30:05.000Z"],
    ["2026-11-01 14:30:05.25", "2026-11-01T17:30:05.250Z"],
    ["01/11/2026", "2026-11-01T03:00:00.000Z"],
    ["01/11/2026 23:59", "2026-11-02T02:59:00.000Z"],
    ["2026-11-01T00:00:00Z", "2026-11-01T00:00:00.000Z"],
    ["2026-11-01T00:00:00-03:00", "2026-11-01T03:00:00.000Z"],
    ["2026-11-01T00:00:00+0100", "2026-10-31T23:00:00.000Z"],
    // São Paulo kept summer time (UTC-2) until 2019: its midnight then was 02:00 UTC.
    ["2018-01-15", "2018-01-15T02:00:00.000Z"],
  ])("%s is %s", (text, expected) => {
    expect(iso(parseEffectiveText(text))).toBe(expected);
  });

  it.each([
    "",
    "2026-13-01",
    "2026-02-30",
    "31/02/2026",
    "2026-11-01 24:00",
    "2026-11-01 10:60",
    "1969-12-31",
    "ontem",
    "2026/11/01",
    "1/11/2026",
  ])("refuses %j", (text) => {
    expect(parseEffectiveText(text)).toBeNull();
  });

  it("writes what it reads back: days at midnight, date-times otherwise", () => {
    for (const text of ["2026-11-01", "2026-11-01 14:30:00", "2026-11-01 14:30:05.250", "2018-01-15", "2030-06-30 23:59:59.999"]) {
      expect(formatEffectiveText(parseEffectiveText(text)!)).toBe(text);
    }
    expect(formatEffectiveText(new Date("2026-11-01T03:00:00Z"))).toBe("2026-11-01");
    expect(formatEffectiveText(new Date("2026-11-01T00:00:00Z"))).toBe("2026-10-31 21:00:00");
  });
});

describe("rate fields as typed", () => {
  it.each([
    ["30/6", 30, 6],
    ["60/60", 60, 60],
    ["1/1", 1, 1],
    [" 30 / 6 ", 30, 6],
    ["0/1", 0, 1],
    ["6", 6, 6],
  ])("billing %j is %d/%d", (text, min, increment) => {
    expect(parseIncrementText(text)).toEqual({ minSeconds: min, incrementSeconds: increment });
  });

  it.each(["30/0", "0", "3601/1", "30/3601", "30-6", "a/b", "", "30/6/1"])("refuses billing %j", (text) => {
    expect(parseIncrementText(text)).toBeNull();
  });

  it("keeps a prefix's digits only", () => {
    expect(normalizePrefix("+55 11")).toBe("5511");
    expect(normalizePrefix("55-119")).toBe("55119");
    expect(normalizePrefix("1234567890123456")).toBeNull();
    expect(normalizePrefix("55a")).toBeNull();
    expect(normalizePrefix("")).toBeNull();
  });

  it("reads talk time as seconds, m:ss or h:mm:ss", () => {
    expect(parseDurationText("90")).toBe(90);
    expect(parseDurationText("1:30")).toBe(90);
    expect(parseDurationText("0:00")).toBe(0);
    expect(parseDurationText("1:02:03")).toBe(3723);
    expect(parseDurationText("125:00")).toBe(7500);
    expect(parseDurationText("1:60")).toBeNull();
    expect(parseDurationText("1:60:00")).toBeNull();
    expect(parseDurationText("-5")).toBeNull();
    expect(parseDurationText("1,5")).toBeNull();
  });

  it("parses a whole rate into integers and instants, in either decimal style", () => {
    const base = { prefix: "+55 11", description: " Brasil Fixo SP ", increment: "30/6", effectiveFrom: "2026-11-01", effectiveTo: "" };
    const pt = RateFields.parse({ ...base, pricePerMinute: "0,085", connectionFee: "" });
    expect(pt).toEqual({
      prefix: "5511",
      description: "Brasil Fixo SP",
      pricePerMinute: 85_000n,
      connectionFee: 0n,
      increment: { minSeconds: 30, incrementSeconds: 6 },
      effectiveFrom: new Date("2026-11-01T03:00:00Z"),
      effectiveTo: null,
    });
    expect(RateFields.parse({ ...base, pricePerMinute: "0.085", connectionFee: "R$ 0,05" })).toMatchObject({
      pricePerMinute: 85_000n,
      connectionFee: 50_000n,
    });
  });

  it("names each bad field with its own message", () => {
    const result = RateFields.safeParse({
      prefix: "55x",
      description: "",
      pricePerMinute: "-0,10",
      connectionFee: "0,0000001",
      increment: "30/0",
      effectiveFrom: "2026-11-01",
      effectiveTo: "2026-10-01",
    });
    expect(result.success).toBe(false);
    // The period is checked once every field reads (zod runs object refinements on clean input).
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages).toEqual({
      prefix: "tariffs.errors.invalid_prefix",
      description: "errors.required",
      pricePerMinute: "tariffs.errors.negative_money",
      connectionFee: "tariffs.errors.invalid_money",
      increment: "tariffs.errors.invalid_increment",
    });
    const period = RateFields.safeParse({
      prefix: "55",
      description: "Brasil",
      pricePerMinute: "0,1",
      connectionFee: "",
      increment: "60/60",
      effectiveFrom: "2026-11-01",
      effectiveTo: "2026-11-01",
    });
    expect(period.error?.issues).toMatchObject([{ path: ["effectiveTo"], message: "tariffs.errors.to_before_from" }]);
  });

  it("ties a deck's kind to its owner type", () => {
    const input = { name: "X", ownerId: "01a1fd16-ecc9-7f42-a57a-df8e8fbbf798" };
    expect(DeckCreateInput.safeParse({ ...input, kind: "buy", ownerType: "gateway" }).success).toBe(true);
    expect(DeckCreateInput.safeParse({ ...input, kind: "sell", ownerType: "tenant" }).success).toBe(true);
    const wrong = DeckCreateInput.safeParse({ ...input, kind: "sell", ownerType: "provider" });
    expect(wrong.error?.issues[0]).toMatchObject({ path: ["ownerType"], message: "tariffs.errors.owner_kind_mismatch" });
  });

  it("reads the simulator's inputs", () => {
    const id = "01a1fd16-ecc9-7f42-a57a-df8e8fbbf798";
    expect(SimulateInput.parse({ tenantId: id, number: "(11) 98765-4321", duration: "2:05" })).toMatchObject({ duration: 125, at: null });
    expect(SimulateInput.parse({ tenantId: id, number: "5511", duration: "0", at: "2026-11-01 10:00" }).at).toEqual(
      new Date("2026-11-01T13:00:00Z"),
    );
    expect(SimulateInput.safeParse({ tenantId: id, number: "11 9876; DROP", duration: "1" }).success).toBe(false);
    expect(SimulateInput.safeParse({ tenantId: id, number: "5511", duration: "99999999" }).success).toBe(false);
  });
});
