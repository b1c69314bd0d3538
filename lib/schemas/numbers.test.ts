import { describe, expect, it } from "vitest";
import { HOSTILE_FRAGMENTS, hostileStrings } from "@/lib/telephony/hostile-strings";
import { BRAZIL_TIMEZONES, BusinessHoursFields, DidRouteInput, RingGroupFields } from "./numbers";

const ID = "0195f0a0-0000-7000-8000-000000000001";
const hours = (patch: object = {}) => ({
  name: "Comercial",
  timezone: "America/Sao_Paulo",
  rules: [{ days: ["mon"], open: "08:00", close: "18:00" }],
  ...patch,
});

describe("numbers schemas", () => {
  it("accept every Brazilian zone of the list, and nothing else", () => {
    for (const timezone of BRAZIL_TIMEZONES) expect(BusinessHoursFields.safeParse(hours({ timezone })).success, timezone).toBe(true);
    for (const timezone of ["UTC", "America/New_York", "america/sao_paulo", "America/Sao_Paulo ", ""]) {
      expect(BusinessHoursFields.safeParse(hours({ timezone })).success, timezone).toBe(false);
    }
  });

  it("refuse hundreds of hostile timezones and times (they are written into GotoIfTime)", () => {
    for (const timezone of hostileStrings(300, 11, "America/Sao_Paulo")) {
      expect(BusinessHoursFields.safeParse(hours({ timezone })).success, JSON.stringify(timezone)).toBe(false);
    }
    for (const [i, time] of hostileStrings(300, 12, "08:00").entries()) {
      const rule = i % 2 ? { days: ["mon"], open: time, close: "23:00" } : { days: ["mon"], open: "00:00", close: time };
      expect(BusinessHoursFields.safeParse(hours({ rules: [rule] })).success, JSON.stringify(time)).toBe(false);
    }
  });

  it("refuse names with config syntax, quotes, control or invisible characters; accents are welcome", () => {
    const letters = new Set(["ç", "é", "中"]);
    const hostile = hostileStrings(400, 13, "Vendas").filter((s) => HOSTILE_FRAGMENTS.some((f) => !letters.has(f) && s.includes(f)));
    expect(hostile.length).toBeGreaterThan(250);
    for (const name of hostile) {
      expect(RingGroupFields.safeParse({ name, strategy: "ringall", ringSeconds: 20, memberIds: [ID] }).success, JSON.stringify(name)).toBe(
        false,
      );
      expect(BusinessHoursFields.safeParse(hours({ name })).success, JSON.stringify(name)).toBe(false);
    }
    expect(RingGroupFields.parse({ name: " Recepção & Vendas / SP ", strategy: "ringall", ringSeconds: 20, memberIds: [ID] }).name).toBe(
      "Recepção & Vendas / SP",
    );
  });

  it("normalise a DID route: unavailable carries no target, no hours carries no after-hours", () => {
    expect(
      DidRouteInput.parse({
        didId: ID,
        destination: { type: "unavailable", targetId: ID },
        afterHours: { type: "extension", targetId: ID },
      }),
    ).toEqual({ didId: ID, destination: { type: "unavailable", targetId: null }, businessHoursId: null, afterHours: null });
    const split = DidRouteInput.parse({
      didId: ID,
      destination: { type: "ring_group", targetId: ID },
      businessHoursId: ID,
      afterHours: { type: "unavailable" },
    });
    expect(split.afterHours).toEqual({ type: "unavailable", targetId: null });
    expect(DidRouteInput.safeParse({ didId: ID, destination: { type: "trunk" } }).success).toBe(false);
    expect(DidRouteInput.safeParse({ didId: ID, destination: { type: "extension", targetId: "1001" } }).success).toBe(false);
  });
});
