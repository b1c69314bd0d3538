import { describe, expect, it } from "vitest";
import { usageTone } from "./usage-bar";

describe("usageTone", () => {
  it.each([
    [0, 10, "normal"],
    [7, 10, "normal"],
    [8, 10, "warning"],
    [9, 10, "warning"],
    [10, 10, "full"],
    [11, 10, "full"],
    [3, 4, "normal"],
    [4, 5, "warning"],
    [0, 0, "full"],
    [1, 1, "full"],
  ] as const)("%i of %i is %s", (used, limit, tone) => {
    expect(usageTone(used, limit)).toBe(tone);
  });
});
