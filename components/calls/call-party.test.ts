import { describe, expect, it } from "vitest";
import { displayNumber, otherPartyNumber } from "./call-party";

describe("displayNumber", () => {
  it.each([
    ["1002", "1002"],
    ["+5511999990000", "(11) 99999-0000"],
    ["5511999990000", "(11) 99999-0000"],
    ["+14155552671", "+1 415 555 2671"],
    ["anonymous", "anonymous"],
  ])("%s → %s", (input, output) => expect(displayNumber(input)).toBe(output));
});

describe("otherPartyNumber", () => {
  it("is the caller of an inbound call and the callee otherwise", () => {
    expect(otherPartyNumber({ direction: "inbound", fromNumber: "+5511", toNumber: "1001" })).toBe("+5511");
    expect(otherPartyNumber({ direction: "outbound", fromNumber: "1001", toNumber: "+5511" })).toBe("+5511");
    expect(otherPartyNumber({ direction: "internal", fromNumber: "1001", toNumber: "1002" })).toBe("1002");
  });
});
