import { describe, expect, it } from "vitest";
import type { BoardCard, BoardOutput } from "@/lib/schemas/pipeline";
import { moveCard, removeCard, stageOfCard } from "./board-state";

const entered = new Date("2026-01-01T12:00:00Z");
const now = new Date("2026-01-21T12:00:00Z");

function card(id: string, stageId: string, value: string): BoardCard {
  return {
    id,
    title: `Card ${id}`,
    value,
    stageId,
    lead: null,
    owner: null,
    expectedCloseOn: null,
    stageEnteredAt: entered,
    ageDays: 20,
    rotting: true,
    nextTask: null,
    overdueTasks: 0,
  };
}

function board(): BoardOutput {
  return {
    pipeline: { id: "p", name: "Vendas" },
    columns: [
      {
        id: "s1",
        name: "Prospecção",
        probability: 10,
        rottingDays: 14,
        count: 2,
        total: "0.30",
        weighted: "0.03",
        cards: [card("a", "s1", "0.10"), card("b", "s1", "0.20")],
        truncated: false,
      },
      {
        id: "s2",
        name: "Qualificação",
        probability: 25,
        rottingDays: 14,
        count: 1,
        total: "1234.57",
        weighted: "308.64",
        cards: [card("c", "s2", "1234.57")],
        truncated: false,
      },
    ],
    totals: { count: 3, total: "1234.87", weighted: "308.67" },
  };
}

describe("board reducer", () => {
  it("moves a card to the top of the target column, restarting its age, with exact totals", () => {
    const before = board();
    const after = moveCard(before, "b", "s2", now);
    expect(after.columns.map((c) => [c.cards.map((x) => x.id), c.count, c.total, c.weighted])).toEqual([
      [["a"], 1, "0.10", "0.01"],
      [["b", "c"], 2, "1234.77", "308.69"],
    ]);
    expect(after.totals).toEqual({ count: 3, total: "1234.87", weighted: "308.70" });
    expect(after.columns[1]!.cards[0]).toMatchObject({ stageId: "s2", ageDays: 0, rotting: false, stageEnteredAt: now });
    // Pure: the snapshot a rollback restores is untouched.
    expect(before).toEqual(board());
  });

  it("rolling back is restoring the snapshot: moving back gives the same columns and totals", () => {
    const moved = moveCard(board(), "a", "s2", now);
    const back = moveCard(moved, "a", "s1", now);
    expect(back.columns.map((c) => [c.count, c.total, c.weighted])).toEqual(board().columns.map((c) => [c.count, c.total, c.weighted]));
    expect(back.totals).toEqual(board().totals);
  });

  it("ignores a drop on the same column, an unknown card or an unknown column", () => {
    const b = board();
    expect(moveCard(b, "a", "s1", now)).toBe(b);
    expect(moveCard(b, "zz", "s2", now)).toBe(b);
    expect(moveCard(b, "a", "nowhere", now)).toBe(b);
  });

  it("removes a closed card with its value", () => {
    const after = removeCard(board(), "c");
    expect(after.columns[1]).toMatchObject({ count: 0, total: "0.00", weighted: "0.00", cards: [] });
    expect(after.totals).toEqual({ count: 2, total: "0.30", weighted: "0.03" });
    expect(stageOfCard(after, "a")).toBe("s1");
    expect(stageOfCard(after, "c")).toBeUndefined();
  });
});
