import { describe, expect, it } from "vitest";
import { defaultOutcome, nextTaskDueAt } from "./after-call-values";

describe("defaultOutcome", () => {
  it.each([
    ["answered", "connected"],
    ["no_answer", "no_answer"],
    ["busy", "busy"],
    ["failed", null],
    ["agent_missed", null],
    [null, null],
  ] as const)("%s → %s", (disposition, outcome) => expect(defaultOutcome(disposition)).toBe(outcome));
});

describe("nextTaskDueAt (America/Sao_Paulo, UTC-3)", () => {
  // Wednesday 2026-01-14 at 16:30 in São Paulo.
  const now = new Date("2026-01-14T19:30:00.000Z");

  it("tomorrow at 9:00", () => expect(nextTaskDueAt("tomorrow", now).toISOString()).toBe("2026-01-15T12:00:00.000Z"));
  it("in 2 days at 9:00", () => expect(nextTaskDueAt("twoDays", now).toISOString()).toBe("2026-01-16T12:00:00.000Z"));
  it("next Monday at 9:00", () => expect(nextTaskDueAt("nextWeek", now).toISOString()).toBe("2026-01-19T12:00:00.000Z"));
  it("late at night São Paulo's tomorrow is still the next local day", () => {
    // 23:30 local on the 14th is already the 15th in UTC.
    expect(nextTaskDueAt("tomorrow", new Date("2026-01-15T02:30:00.000Z")).toISOString()).toBe("2026-01-15T12:00:00.000Z");
  });
});
