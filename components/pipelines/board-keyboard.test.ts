import type { ClientRect } from "@dnd-kit/core";
import { describe, expect, it } from "vitest";
import { columnJump } from "./board-keyboard";

const rect = (left: number): ClientRect => ({ left, top: 100, width: 280, height: 600, right: left + 280, bottom: 700 });
const order = ["s1", "s2", "s3"];
const rects = new Map([
  ["s1", rect(0)],
  ["s2", rect(300)],
  ["s3", rect(600)],
]);

describe("keyboard moves on the board", () => {
  it("arrows jump to the next or previous column, one column per press", () => {
    expect(columnJump("ArrowRight", order, "s1", rects)).toEqual({ x: 308, y: 180 });
    expect(columnJump("ArrowDown", order, "s1", rects)).toEqual({ x: 308, y: 180 });
    expect(columnJump("ArrowLeft", order, "s3", rects)).toEqual({ x: 308, y: 180 });
    expect(columnJump("ArrowUp", order, "s2", rects)).toEqual({ x: 8, y: 180 });
  });

  it("stays in the first or last column at the ends", () => {
    expect(columnJump("ArrowLeft", order, "s1", rects)).toEqual({ x: 8, y: 180 });
    expect(columnJump("ArrowRight", order, "s3", rects)).toEqual({ x: 608, y: 180 });
  });

  it("leaves other keys (Space, Enter, Escape, Tab) to the sensor", () => {
    for (const code of ["Space", "Enter", "Escape", "Tab", "KeyA"]) expect(columnJump(code, order, "s1", rects)).toBeUndefined();
  });

  it("does nothing for a column it does not know or has not measured", () => {
    expect(columnJump("ArrowRight", order, "elsewhere", rects)).toBeUndefined();
    expect(columnJump("ArrowRight", order, "s1", new Map())).toBeUndefined();
  });
});
