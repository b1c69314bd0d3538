// Strings built to break out of an Asterisk config line, section or dialplan application. The
// injection tests of every form that feeds Asterisk (and of the renderers) draw from these.

/**
 * Fragments no allow-list accepts in any field: the ones the issue names (newline, `;`, `[`, `]`,
 * `,`, `)`, `${`), other dialplan syntax, quotes, control characters and non-ASCII.
 */
export const HOSTILE_FRAGMENTS = [
  "\n",
  "\r",
  ";",
  "[",
  "]",
  ",",
  ")",
  "(",
  "${",
  "$[",
  '"',
  "\\",
  "\t",
  "\u0000",
  "ç",
  "é",
  "中",
  "🙂",
  "\u200b",
] as const;

const SAFE = "abcXYZ0123456789_.-+";

/** A deterministic pseudo-random generator (mulberry32), so a failing case can be replayed by seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` strings, each a plausible value (`base`, or safe characters) with one or more hostile
 * fragments spliced in at random places. Every returned string contains at least one fragment.
 */
export function hostileStrings(count: number, seed = 1, base?: string): string[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let value = base ?? Array.from({ length: 1 + Math.floor(random() * 10) }, () => pick(SAFE.split(""))).join("");
    const fragments = 1 + Math.floor(random() * 3);
    for (let f = 0; f < fragments; f++) {
      const at = Math.floor(random() * (value.length + 1));
      value = value.slice(0, at) + pick(HOSTILE_FRAGMENTS) + value.slice(at);
    }
    out.push(value);
  }
  return out;
}

/** Whether a value contains anything from HOSTILE_FRAGMENTS (used to assert on rendered files). */
export function containsHostileFragment(value: string): boolean {
  return HOSTILE_FRAGMENTS.some((fragment) => value.includes(fragment));
}
