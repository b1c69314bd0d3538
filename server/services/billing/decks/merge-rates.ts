import type { NewRate } from "./deck-version";

/**
 * The "merge" import, pure: the file's prices apply on the periods they cover, the deck's current
 * prices everywhere else. A current rate keeps its price on whatever part of its period no file
 * row of its prefix covers — shortened where the file starts a new price, split in two around a
 * file period inside it, dropped when covered entirely. Prefixes the file does not mention are
 * kept as they are. The file's own rows never overlap (parseRateCsv refuses that), so neither
 * does the result.
 */
export function mergeRates(current: readonly NewRate[], file: readonly NewRate[]): NewRate[] {
  const fileByPrefix = new Map<string, NewRate[]>();
  for (const row of file) {
    const list = fileByPrefix.get(row.prefix);
    if (list) list.push(row);
    else fileByPrefix.set(row.prefix, [row]);
  }
  for (const list of fileByPrefix.values()) list.sort((a, b) => a.effectiveFrom - b.effectiveFrom);

  const merged: NewRate[] = [];
  for (const rate of current) {
    const covering = fileByPrefix.get(rate.prefix);
    if (!covering) {
      merged.push(rate);
      continue;
    }
    merged.push(...uncovered(rate, covering));
  }
  merged.push(...file);
  return merged;
}

/** The parts of `rate`'s period outside every period of `covering` (sorted, disjoint). */
function uncovered(rate: NewRate, covering: readonly NewRate[]): NewRate[] {
  const end = rate.effectiveTo ?? Infinity;
  const pieces: NewRate[] = [];
  let from = rate.effectiveFrom;
  for (const row of covering) {
    const rowEnd = row.effectiveTo ?? Infinity;
    if (rowEnd <= from) continue;
    if (row.effectiveFrom >= end) break;
    if (row.effectiveFrom > from) pieces.push(piece(rate, from, row.effectiveFrom));
    from = Math.max(from, rowEnd);
    if (from >= end) return pieces;
  }
  pieces.push(piece(rate, from, end));
  return pieces;
}

function piece(rate: NewRate, from: number, to: number): NewRate {
  return { ...rate, effectiveFrom: from, effectiveTo: to === Infinity ? null : to };
}
