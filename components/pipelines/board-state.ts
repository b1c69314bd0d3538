import { fromCents, sumAmounts, toCents, weightedAmount } from "@/lib/schemas/opportunity";
import type { BoardColumn, BoardOutput } from "@/lib/schemas/pipeline";

// Pure changes to a cached board, applied optimistically before the server answers (and undone by
// restoring the snapshot when it refuses). Totals are recomputed exactly, as the server would.

/** The column with its cards replaced and one card's value added (+1) or taken away (-1). */
function adjusted(column: BoardColumn, cards: BoardColumn["cards"], sign: 1 | -1, value: string): BoardColumn {
  const total = fromCents(toCents(column.total) + BigInt(sign) * toCents(value));
  return { ...column, cards, count: column.count + sign, total, weighted: weightedAmount(total, column.probability) };
}

function withTotals(board: BoardOutput, columns: BoardColumn[]): BoardOutput {
  return {
    ...board,
    columns,
    totals: {
      count: columns.reduce((n, c) => n + c.count, 0),
      total: sumAmounts(columns.map((c) => c.total)),
      weighted: sumAmounts(columns.map((c) => c.weighted)),
    },
  };
}

/**
 * The card moves to the top of `toStageId` (the server orders a column by arrival), its age in stage
 * restarts and rotting clears. A move to the same column, or of a card not on the board, is a no-op.
 */
export function moveCard(board: BoardOutput, cardId: string, toStageId: string, now: Date): BoardOutput {
  const from = board.columns.find((c) => c.cards.some((card) => card.id === cardId));
  const to = board.columns.find((c) => c.id === toStageId);
  if (!from || !to || from.id === to.id) return board;
  const card = from.cards.find((c) => c.id === cardId)!;
  const moved = { ...card, stageId: to.id, stageEnteredAt: now, ageDays: 0, rotting: false };
  return withTotals(
    board,
    board.columns.map((column) => {
      if (column.id === from.id)
        return adjusted(
          column,
          column.cards.filter((c) => c.id !== cardId),
          -1,
          card.value,
        );
      if (column.id === to.id) return adjusted(column, [moved, ...column.cards], 1, card.value);
      return column;
    }),
  );
}

/** A closed (won/lost) or deleted opportunity leaves the board. */
export function removeCard(board: BoardOutput, cardId: string): BoardOutput {
  const from = board.columns.find((c) => c.cards.some((card) => card.id === cardId));
  if (!from) return board;
  const card = from.cards.find((c) => c.id === cardId)!;
  return withTotals(
    board,
    board.columns.map((column) =>
      column.id === from.id
        ? adjusted(
            column,
            column.cards.filter((c) => c.id !== cardId),
            -1,
            card.value,
          )
        : column,
    ),
  );
}

/** The column a card is in, if it is on the board. */
export function stageOfCard(board: BoardOutput | undefined, cardId: string): string | undefined {
  return board?.columns.find((c) => c.cards.some((card) => card.id === cardId))?.id;
}
