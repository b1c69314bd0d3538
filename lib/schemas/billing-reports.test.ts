import { describe, expect, it } from "vitest";
import { ReportRangeInput, resolveReportRange } from "./billing-reports";

const resolve = (input: object, now: string) => resolveReportRange(ReportRangeInput.parse(input), new Date(now));

describe("resolveReportRange", () => {
  it("takes presets on São Paulo's calendar, not UTC's", () => {
    // 02:00Z on 1 March is still 28 February, 23:00, in São Paulo.
    const now = "2026-03-01T02:00:00Z";
    expect(resolve({}, now)).toEqual({ from: "2026-02-01", to: "2026-02-28", days: 28 });
    expect(resolve({ preset: "last_month" }, now)).toEqual({ from: "2026-01-01", to: "2026-01-31", days: 31 });
    expect(resolve({ preset: "last_7_days" }, now)).toEqual({ from: "2026-02-22", to: "2026-02-28", days: 7 });
    expect(resolve({ preset: "last_30_days" }, now)).toEqual({ from: "2026-01-30", to: "2026-02-28", days: 30 });
    // An hour later it is March there too.
    expect(resolve({ preset: "this_month" }, "2026-03-01T03:00:00Z")).toEqual({ from: "2026-03-01", to: "2026-03-01", days: 1 });
  });

  it("crosses years and leap days", () => {
    expect(resolve({ preset: "last_month" }, "2027-01-15T12:00:00Z")).toEqual({ from: "2026-12-01", to: "2026-12-31", days: 31 });
    expect(resolve({ preset: "last_month" }, "2028-03-10T12:00:00Z")).toEqual({ from: "2028-02-01", to: "2028-02-29", days: 29 });
    expect(resolve({ preset: "last_7_days" }, "2028-03-02T12:00:00Z")).toEqual({ from: "2028-02-25", to: "2028-03-02", days: 7 });
  });

  it("keeps a custom range as given, both days included", () => {
    expect(resolve({ preset: "custom", from: "2026-10-05", to: "2026-10-05" }, "2030-01-01T00:00:00Z")).toEqual({
      from: "2026-10-05",
      to: "2026-10-05",
      days: 1,
    });
    expect(resolve({ preset: "custom", from: "2028-01-01", to: "2028-12-31" }, "2030-01-01T00:00:00Z").days).toBe(366);
  });
});

describe("ReportRangeInput", () => {
  const issues = (input: object) => {
    const result = ReportRangeInput.safeParse(input);
    return result.success ? [] : result.error.issues.map((i) => [i.path.join("."), i.message]);
  };

  it("accepts presets without dates and custom ranges up to 366 days", () => {
    expect(issues({ preset: "last_30_days" })).toEqual([]);
    expect(issues({ preset: "custom", from: "2028-01-01", to: "2028-12-31" })).toEqual([]);
  });

  it("says which field is wrong and why", () => {
    expect(issues({ preset: "custom" })).toEqual([
      ["from", "errors.required"],
      ["to", "errors.required"],
    ]);
    expect(issues({ preset: "custom", from: "2026-05-02", to: "2026-05-01" })).toEqual([["to", "billingReports.errors.range_order"]]);
    expect(issues({ preset: "custom", from: "2027-01-01", to: "2028-01-01" })).toEqual([]);
    expect(issues({ preset: "custom", from: "2027-01-01", to: "2028-01-02" })).toEqual([
      ["to", "billingReports.errors.range_too_long?max=366"],
    ]);
    expect(issues({ preset: "custom", from: "2026-02-29", to: "2026-03-01" })).toEqual([["from", "billingReports.errors.invalid_day"]]);
    expect(issues({ preset: "custom", from: "2026-13-01", to: "2026-03-01" })).toEqual([["from", "billingReports.errors.invalid_day"]]);
  });
});
