import { describe, expect, it } from "vitest";
import { reconnectDelayMs } from "./backoff";
import { amiField, amiFieldList, normalizeAmiFields } from "./fields";

describe("normalizeAmiFields", () => {
  it.each([
    ["VarSet's bare variable name", { variable: { LINHA_CALL_ID: "" } }, { variable: "LINHA_CALL_ID" }],
    ["one name=value variable", { variable: { A: "1=2" } }, { variable: "A=1=2" }],
    ["several channel variables", { chanvariable: { A: "1", B: "" } }, { chanvariable: ["A=1", "B"] }],
    ["repeated headers", { output: ["", " x", "y"] }, { output: ["", " x", "y"] }],
    ["a header without the space after its colon", { "output:": "", output: "a" }, { output: ["", "a"] }],
    ["undefined values", { event: "Hangup", cause: undefined }, { event: "Hangup" }],
  ])("keeps %s as header text", (_, raw, expected) => {
    expect(normalizeAmiFields(raw as Parameters<typeof normalizeAmiFields>[0])).toEqual(expected);
  });

  it("reads first values and lists case-insensitively", () => {
    const fields = normalizeAmiFields({ output: ["a", "b"], message: "ok" });
    expect(amiField(fields, "Output")).toBe("a");
    expect(amiFieldList(fields, "OUTPUT")).toEqual(["a", "b"]);
    expect(amiFieldList(fields, "message")).toEqual(["ok"]);
    expect(amiFieldList(fields, "missing")).toEqual([]);
    expect(amiField(fields, "missing")).toBeUndefined();
  });
});

describe("reconnectDelayMs", () => {
  const options = { initialMs: 500, maxMs: 30_000 };

  it.each([
    [0, 250, 500],
    [1, 500, 1_000],
    [3, 2_000, 4_000],
    [6, 15_000, 30_000],
    [50, 15_000, 30_000],
  ])("after %i failures waits between %i and %i ms", (failures, low, high) => {
    expect(reconnectDelayMs(failures, options, () => 0)).toBe(low);
    expect(reconnectDelayMs(failures, options, () => 1)).toBe(high);
    const random = reconnectDelayMs(failures, options);
    expect(random).toBeGreaterThanOrEqual(low);
    expect(random).toBeLessThanOrEqual(high);
  });
});
