import { describe, expect, it } from "vitest";
import { monthDays, monthsOffered } from "./usage-calendar";

describe("usage calendar", () => {
  it("offers the months back to the tenant's first, two years at most, newest first, across years", () => {
    expect(monthsOffered("2026-11", "2026-09")).toEqual(["2026-11", "2026-10", "2026-09"]);
    expect(monthsOffered("2026-02", "2025-12")).toEqual(["2026-02", "2026-01", "2025-12"]);
    expect(monthsOffered("2026-11", "2026-11")).toEqual(["2026-11"]);
    const long = monthsOffered("2026-11", "2010-01");
    expect(long).toHaveLength(24);
    expect(long.at(-1)).toBe("2024-12");
  });

  it("lists a month's days, leap Februaries included, up to today for the month under way", () => {
    expect(monthDays("2026-02")).toHaveLength(28);
    expect(monthDays("2028-02").at(-1)).toBe("2028-02-29");
    expect(monthDays("2026-11", "2026-11-03")).toEqual(["2026-11-01", "2026-11-02", "2026-11-03"]);
  });
});
