import { describe, expect, it } from "vitest";
import {
  addMonths,
  daysBetween,
  daysInMonth,
  lastDayOf,
  monthOfInstant,
  periodDate,
  previousBillingMonth,
  saoPauloDay,
} from "./billing-month";

describe("billing months (São Paulo calendar)", () => {
  it("knows month lengths, leap years included", () => {
    expect(daysInMonth("2024-02")).toBe(29);
    expect(daysInMonth("2023-02")).toBe(28);
    expect(daysInMonth("2100-02")).toBe(28);
    expect(daysInMonth("2096-02")).toBe(29);
    expect(daysInMonth("2026-12")).toBe(31);
    expect(lastDayOf("2026-11")).toBe("2026-11-30");
  });

  it("places instants on São Paulo's day and month, not UTC's", () => {
    expect(saoPauloDay(new Date("2026-11-01T02:59:59Z"))).toBe("2026-10-31");
    expect(saoPauloDay(new Date("2026-11-01T03:00:00Z"))).toBe("2026-11-01");
    expect(monthOfInstant(new Date("2026-11-01T02:00:00Z"))).toBe("2026-10");
    // 2018 still had daylight saving time (UTC−2 from November): midnight was 02:00Z.
    expect(saoPauloDay(new Date("2018-12-01T02:30:00Z"))).toBe("2018-12-01");
  });

  it("defaults a run to the previous month, across a year", () => {
    expect(previousBillingMonth(new Date("2026-11-21T12:00:00Z"))).toBe("2026-10");
    expect(previousBillingMonth(new Date("2027-01-01T12:00:00Z"))).toBe("2026-12");
    // 1 January 01:00 UTC is still 31 December in São Paulo.
    expect(previousBillingMonth(new Date("2027-01-01T01:00:00Z"))).toBe("2026-11");
    expect(addMonths("2026-12", 1)).toBe("2027-01");
  });

  it("counts days and gives the period's DATE", () => {
    expect(daysBetween("2024-02-10", "2024-02-20")).toBe(10);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(periodDate("2024-02").toISOString()).toBe("2024-02-01T00:00:00.000Z");
  });
});
