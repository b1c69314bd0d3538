export type Random = {
  /** Float in [0, 1). */
  next(): number;
  pick<T>(arr: readonly T[]): T;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
};

/** mulberry32: tiny, fast and good enough for reproducible demo data (not for anything secret). */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(arr: readonly T[]): T => {
    if (arr.length === 0) throw new Error("pick() from an empty array");
    return arr[Math.floor(next() * arr.length)]!;
  };
  return { next, pick, int };
}
