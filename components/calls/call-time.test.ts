import { describe, expect, it } from "vitest";
import { callElapsedSeconds, formatDuration } from "./call-time";

describe("formatDuration", () => {
  it.each([
    [0, "00:00"],
    [42, "00:42"],
    [59.9, "00:59"],
    [60, "01:00"],
    [725, "12:05"],
    [3599, "59:59"],
    [3723, "1:02:03"],
    [-5, "00:00"],
  ])("%s s → %s", (seconds, text) => expect(formatDuration(seconds)).toBe(text));
});

describe("callElapsedSeconds", () => {
  const startedAt = "2026-01-10T12:00:00.000Z";
  const now = Date.parse("2026-01-10T12:01:30.000Z");

  it("counts from the start while nobody has answered", () => {
    expect(callElapsedSeconds({ startedAt, answeredAt: null, endedAt: null, billsec: null }, now)).toBe(90);
  });

  it("counts talk time from the answer", () => {
    expect(callElapsedSeconds({ startedAt, answeredAt: "2026-01-10T12:00:50.000Z", endedAt: null, billsec: null }, now)).toBe(40);
  });

  it("stops at the end", () => {
    const call = { startedAt, answeredAt: "2026-01-10T12:00:10.000Z", endedAt: "2026-01-10T12:00:52.000Z", billsec: null };
    expect(callElapsedSeconds(call, now)).toBe(42);
  });

  it("shows the PBX's billsec once an answered call has ended", () => {
    const call = { startedAt, answeredAt: "2026-01-10T12:00:10.000Z", endedAt: "2026-01-10T12:00:18.000Z", billsec: 6 };
    expect(callElapsedSeconds(call, now)).toBe(6);
  });

  it("never goes negative when the browser clock is behind the server", () => {
    expect(callElapsedSeconds({ startedAt, answeredAt: null, endedAt: null, billsec: null }, Date.parse(startedAt) - 3000)).toBe(0);
  });
});
