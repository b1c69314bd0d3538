import { describe, expect, it } from "vitest";
import { isOpenAt, localWeekdayAndTime, type BusinessHoursLike } from "./business-hours";

// Brazil has had no DST since 2019, so each zone below is a fixed UTC offset in 2025.
const comercial = (timezone: string): BusinessHoursLike => ({
  timezone,
  rules: [
    { days: ["mon", "tue", "wed", "thu", "fri"], open: "08:00", close: "18:00" },
    { days: ["sat"], open: "09:00", close: "13:00" },
  ],
});

describe("isOpenAt", () => {
  // 2025-03-10 is a Monday.
  const cases: [string, string, boolean][] = [
    ["America/Sao_Paulo", "2025-03-10T11:00:00Z", true], // 08:00 local: opening minute counts
    ["America/Sao_Paulo", "2025-03-10T10:59:59Z", false], // 07:59:59
    ["America/Sao_Paulo", "2025-03-10T20:59:00Z", true], // 17:59
    ["America/Sao_Paulo", "2025-03-10T21:00:00Z", false], // 18:00: closing minute does not
    ["America/Sao_Paulo", "2025-03-15T12:30:00Z", true], // Saturday 09:30
    ["America/Sao_Paulo", "2025-03-15T16:00:00Z", false], // Saturday 13:00
    ["America/Sao_Paulo", "2025-03-16T15:00:00Z", false], // Sunday
    ["America/Manaus", "2025-03-10T11:30:00Z", false], // 07:30 in Manaus (UTC−4) while São Paulo opened
    ["America/Manaus", "2025-03-10T12:00:00Z", true], // 08:00 in Manaus
    ["America/Rio_Branco", "2025-03-10T22:30:00Z", true], // 17:30 in Rio Branco (UTC−5)
    ["America/Noronha", "2025-03-10T19:59:00Z", true], // 17:59 in Noronha (UTC−2)
    ["America/Noronha", "2025-03-10T20:00:00Z", false],
    // Late Friday in UTC is still Friday in Brazil; early Saturday UTC is still Friday evening there.
    ["America/Sao_Paulo", "2025-03-15T00:30:00Z", false], // Friday 21:30 local
    ["America/Cuiaba", "2025-03-14T21:30:00Z", true], // Friday 17:30 local (UTC−4)
  ];
  it.each(cases)("%s at %s → %s", (timezone, iso, open) => {
    expect(isOpenAt(comercial(timezone), new Date(iso))).toBe(open);
  });

  it("is closed with no rule for the day and open across several rules of one day", () => {
    const split: BusinessHoursLike = {
      timezone: "America/Recife",
      rules: [
        { days: ["wed"], open: "08:00", close: "12:00" },
        { days: ["wed"], open: "14:00", close: "18:00" },
      ],
    };
    expect(isOpenAt(split, new Date("2025-03-12T12:00:00Z"))).toBe(true); // 09:00
    expect(isOpenAt(split, new Date("2025-03-12T16:00:00Z"))).toBe(false); // 13:00, lunch
    expect(isOpenAt(split, new Date("2025-03-12T18:00:00Z"))).toBe(true); // 15:00
    expect(isOpenAt(split, new Date("2025-03-13T12:00:00Z"))).toBe(false); // Thursday
  });

  it("reads the local weekday and time in 24-hour form", () => {
    expect(localWeekdayAndTime("America/Sao_Paulo", new Date("2025-03-10T03:05:00Z"))).toEqual({ day: "mon", time: "00:05" });
    expect(localWeekdayAndTime("America/Sao_Paulo", new Date("2025-03-10T02:59:00Z"))).toEqual({ day: "sun", time: "23:59" });
  });
});
