import type { ClientRect } from "@dnd-kit/core";

const STEPS: Record<string, 1 | -1> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/**
 * Where a card picked up with the keyboard goes on an arrow key: the top of the next (→ ↓) or
 * previous (← ↑) column, staying put at either end. Returns the new top-left of the dragged card,
 * or undefined for any other key (or a column not measured yet).
 */
export function columnJump(
  code: string,
  order: readonly string[],
  currentStageId: string,
  rects: ReadonlyMap<string, ClientRect>,
): { x: number; y: number } | undefined {
  const step = STEPS[code];
  if (!step) return undefined;
  const current = order.indexOf(currentStageId);
  if (current === -1) return undefined;
  const target = order[Math.min(order.length - 1, Math.max(0, current + step))]!;
  const rect = rects.get(target);
  // Inside the column, below its header: the column is then the card's largest overlap.
  return rect ? { x: rect.left + 8, y: rect.top + 80 } : undefined;
}
