import { describe, expect, it } from "vitest";
import { calendarDay, calendarDaysBetween, startOfCalendarDay } from "./calendar-day";

describe("calendar days in São Paulo", () => {
  it("starts the day at 03:00 UTC", () => {
    expect(startOfCalendarDay(new Date("2026-03-20T15:00:00Z")).toISOString()).toBe("2026-03-20T03:00:00.000Z");
    expect(startOfCalendarDay(new Date("2026-03-20T02:59:59Z")).toISOString()).toBe("2026-03-19T03:00:00.000Z");
    expect(startOfCalendarDay(new Date("2026-03-20T03:00:00Z")).toISOString()).toBe("2026-03-20T03:00:00.000Z");
  });

  it("counts whole calendar days between two instants", () => {
    expect(calendarDaysBetween(new Date("2026-03-19T23:00:00Z"), new Date("2026-03-20T02:00:00Z"))).toBe(0);
    expect(calendarDaysBetween(new Date("2026-03-19T23:00:00Z"), new Date("2026-03-20T03:00:00Z"))).toBe(1);
    expect(calendarDaysBetween(new Date("2025-12-31T12:00:00Z"), new Date("2026-03-01T12:00:00Z"))).toBe(60);
    expect(calendarDay(new Date("1970-01-01T03:00:00Z"))).toBe(0);
  });
});
