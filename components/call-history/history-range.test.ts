import { describe, expect, it } from "vitest";
import { displayNumber, exportHref, formatDuration, otherParty, rangeOf, toRouterFilter, type HistoryFilterState } from "./history-range";

const base: HistoryFilterState = {
  preset: "7d",
  fromDate: "2026-03-01",
  toDate: "2026-03-03",
  direction: null,
  disposition: null,
  userId: null,
  leadId: null,
  number: "",
};
const now = new Date("2026-03-10T02:00:00Z"); // 23:00 on the 9th in São Paulo

describe("history range", () => {
  it("turns presets into whole São Paulo days ending today", () => {
    expect(rangeOf({ ...base, preset: "today" }, now)).toEqual({
      from: new Date("2026-03-09T03:00:00Z"),
      to: new Date("2026-03-10T03:00:00Z"),
    });
    expect(rangeOf(base, now)).toEqual({ from: new Date("2026-03-03T03:00:00Z"), to: new Date("2026-03-10T03:00:00Z") });
  });
  it("includes both days of a custom range and refuses a reversed one", () => {
    expect(rangeOf({ ...base, preset: "custom" }, now)).toEqual({
      from: new Date("2026-03-01T03:00:00Z"),
      to: new Date("2026-03-04T03:00:00Z"),
    });
    expect(rangeOf({ ...base, preset: "custom", fromDate: "2026-03-05" }, now)).toBeNull();
    expect(toRouterFilter({ ...base, preset: "custom", toDate: "" }, now)).toBeNull();
  });
  it("keeps only the digits of the number and builds the export link", () => {
    const filter = toRouterFilter({ ...base, number: "(11) 98765-4321", direction: "inbound" }, now)!;
    expect(filter).toMatchObject({ number: "11987654321", direction: "inbound" });
    expect(exportHref(filter)).toBe(
      "/api/calls/export?from=2026-03-03T03%3A00%3A00.000Z&to=2026-03-10T03%3A00%3A00.000Z&direction=inbound&number=11987654321",
    );
  });
  it("formats the other party and durations", () => {
    expect(otherParty({ direction: "inbound", fromNumber: "5511987654321", toNumber: "1001", extensionNumber: "1001" })).toBe(
      "5511987654321",
    );
    expect(otherParty({ direction: "internal", fromNumber: "1001", toNumber: "1002", extensionNumber: "1001" })).toBe("1002");
    expect(displayNumber("5511987654321")).toBe("(11) 98765-4321");
    expect(displayNumber("1002")).toBe("1002");
    expect(formatDuration(75)).toBe("1:15");
    expect(formatDuration(3725)).toBe("1:02:05");
    expect(formatDuration(null)).toBe("—");
  });
});
