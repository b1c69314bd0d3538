import { describe, expect, it } from "vitest";
import { quickRescheduleTarget } from "./reschedule-options";

describe("quick reschedule targets (São Paulo time)", () => {
  // Wednesday 2026-03-11, 23:30 in São Paulo (02:30 UTC on Thursday).
  const lateWednesday = new Date("2026-03-12T02:30:00Z");

  it("in an hour is an hour from now", () => {
    expect(quickRescheduleTarget("inHour", lateWednesday).toISOString()).toBe("2026-03-12T03:30:00.000Z");
  });

  it("tomorrow 9:00 is the next local day, not the next UTC day", () => {
    expect(quickRescheduleTarget("tomorrow", lateWednesday).toISOString()).toBe("2026-03-12T12:00:00.000Z");
  });

  it("next week is the coming Monday at 9:00, a full week ahead on a Monday", () => {
    expect(quickRescheduleTarget("nextWeek", lateWednesday).toISOString()).toBe("2026-03-16T12:00:00.000Z");
    expect(quickRescheduleTarget("nextWeek", new Date("2026-03-16T15:00:00Z")).toISOString()).toBe("2026-03-23T12:00:00.000Z");
    expect(quickRescheduleTarget("nextWeek", new Date("2026-03-15T15:00:00Z")).toISOString()).toBe("2026-03-16T12:00:00.000Z");
  });
});
