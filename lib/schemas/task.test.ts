import { describe, expect, it } from "vitest";
import { fromZonedInputValues, startOfZonedDay, TaskFormFields, zonedInputValues, zonedTimeOnDay } from "./task";

describe("task time in America/Sao_Paulo", () => {
  it.each([
    // [instant, start of its São Paulo day]
    ["2026-03-10T02:30:00Z", "2026-03-09T03:00:00.000Z"], // 23:30 on the 9th locally
    ["2026-03-10T03:00:00Z", "2026-03-10T03:00:00.000Z"], // exactly local midnight
    ["2026-03-10T02:59:59Z", "2026-03-09T03:00:00.000Z"],
    ["2026-12-31T23:00:00Z", "2026-12-31T03:00:00.000Z"], // 20:00 on New Year's Eve
  ])("the day of %s starts at %s", (instant, start) => {
    expect(startOfZonedDay(new Date(instant)).toISOString()).toBe(start);
  });

  it("shifts whole days across month and year ends", () => {
    expect(startOfZonedDay(new Date("2026-12-31T12:00:00Z"), 1).toISOString()).toBe("2027-01-01T03:00:00.000Z");
    expect(zonedTimeOnDay(new Date("2026-02-28T12:00:00Z"), 1, 9).toISOString()).toBe("2026-03-01T12:00:00.000Z");
  });

  it("applies the daylight-saving offset São Paulo used to have (2018: −2 h in summer)", () => {
    expect(fromZonedInputValues("2018-12-15", "09:00")?.toISOString()).toBe("2018-12-15T11:00:00.000Z");
    expect(fromZonedInputValues("2018-07-15", "09:00")?.toISOString()).toBe("2018-07-15T12:00:00.000Z");
  });

  it("round-trips input values and refuses malformed or impossible dates", () => {
    const at = new Date("2026-05-04T18:45:00Z");
    const { date, time } = zonedInputValues(at);
    expect({ date, time }).toEqual({ date: "2026-05-04", time: "15:45" });
    expect(fromZonedInputValues(date, time)).toEqual(at);
    for (const [d, t] of [
      ["2026-02-31", "10:00"],
      ["2026-13-01", "10:00"],
      ["2026-01-01", "24:00"],
      ["01/02/2026", "10:00"],
      ["2026-01-01", ""],
    ]) {
      expect(fromZonedInputValues(d!, t!)).toBeNull();
    }
  });

  it("the task form turns date and time into one instant, or a field error on the date", () => {
    const ok = TaskFormFields.safeParse({
      title: " Ligar ",
      type: "call",
      dueDate: "2026-05-04",
      dueTime: "09:30",
      assigneeId: null,
      notes: "",
    });
    expect(ok.success && ok.data).toEqual({
      title: "Ligar",
      type: "call",
      dueAt: new Date("2026-05-04T12:30:00Z"),
      assigneeId: null,
      notes: null,
    });
    const bad = TaskFormFields.safeParse({ title: "x", type: "call", dueDate: "2026-02-30", dueTime: "09:30", assigneeId: null });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["dueDate", "tasks.errors.dueAtInvalid"]]);
  });
});
