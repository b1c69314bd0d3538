import { describe, expect, it } from "vitest";
import { addDays, dayKey } from "./history-days";

describe("history days", () => {
  it("names the São Paulo calendar day of an instant", () => {
    expect(dayKey(new Date("2026-03-05T02:59:59Z"))).toBe("2026-03-04");
    expect(dayKey(new Date("2026-03-05T03:00:00Z"))).toBe("2026-03-05");
  });
  it("adds days across month and year ends", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
  });
});
