import { describe, expect, it } from "vitest";
import { pbxNumberToE164 } from "./pbx-number";

describe("pbxNumberToE164", () => {
  it.each([
    ["5511999990000", "+5511999990000"],
    ["+5511999990000", "+5511999990000"],
    ["11999990000", "+5511999990000"],
    ["011999990000", "+5511999990000"],
    ["551130000001", "+551130000001"],
    ["1130000001", "+551130000001"],
    ["005521988880000", "+5521988880000"],
    ["14155552671", "+14155552671"],
  ])("%s → %s", (input, expected) => {
    expect(pbxNumberToE164(input)).toBe(expected);
  });

  it.each([[null], [""], ["1001"], ["anonymous"], ["5511abc"], ["123456789012345678"]])("%s is not a phone number", (input) => {
    expect(pbxNumberToE164(input)).toBeNull();
  });
});
