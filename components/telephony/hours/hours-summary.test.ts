import { describe, expect, it } from "vitest";
import { summarizeRules } from "./hours-summary";

const label = (day: string) => day[0]!.toUpperCase() + day.slice(1);

describe("summarizeRules", () => {
  it("folds consecutive weekdays into ranges, in week order", () => {
    expect(
      summarizeRules(
        [
          { days: ["fri", "mon", "tue", "wed", "thu"], open: "08:00", close: "18:00" },
          { days: ["sat"], open: "09:00", close: "13:00" },
        ],
        label,
      ),
    ).toBe("Mon–Fri 08:00–18:00 · Sat 09:00–13:00");
  });

  it("lists pairs and gaps plainly", () => {
    expect(summarizeRules([{ days: ["mon", "tue", "thu", "sat", "sun"], open: "10:00", close: "12:00" }], label)).toBe(
      "Mon, Tue, Thu, Sat, Sun 10:00–12:00",
    );
  });
});
