// A card re-mounts when it changes column (after a move, or a rollback of one), which drops the
// keyboard focus. The board asks for it back here; the card takes it when it mounts again.
let pending: string | null = null;

export function requestCardFocus(id: string): void {
  pending = id;
}

/** True once for the card that asked for focus. */
export function takeCardFocus(id: string): boolean {
  if (pending !== id) return false;
  pending = null;
  return true;
}
