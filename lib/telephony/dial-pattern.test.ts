import { describe, expect, it } from "vitest";
import { isValidDialPattern, matchesDialPattern, parseDialPattern } from "./dial-pattern";

describe("dial patterns", () => {
  it.each([
    ["_0XX.", "011999990000", true],
    ["_0XX.", "01", false],
    ["_+55XXXXXXXXXX.", "+5511999990000", true],
    ["_+55XXXXXXXXXX.", "5511999990000", false],
    ["_55XXXXXXXXXX.", "5511999990000", true],
    ["_NXXXXXXX", "23456789", true],
    ["_NXXXXXXX", "13456789", false],
    ["_Z!", "1", true],
    ["_[15-7]X", "62", true],
    ["_[15-7]X", "42", false],
    ["5511999990000", "5511999990000", true],
    ["5511999990000", "55119999900001", false],
  ])("%s against %s is %s", (pattern, number, expected) => {
    expect(matchesDialPattern(pattern, number)).toBe(expected);
  });

  it.each(["", "_", "_0X.X", "_0X;", "_0X\n.", "_0X,1", "_0X)", "_${EXTEN}", "_0X[", "_0X[a]", "_ção", "abc", "_...", "0 1"])(
    "refuses %j",
    (pattern) => {
      expect(isValidDialPattern(pattern)).toBe(false);
    },
  );

  it("says why a pattern is refused", () => {
    expect(parseDialPattern("_0X.X")).toEqual({ ok: false, error: "wildcard_not_last" });
    expect(parseDialPattern("_0X;")).toEqual({ ok: false, error: "bad_character" });
  });
});
