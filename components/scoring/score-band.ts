export type ScoreBand = "hot" | "warm" | "cold";

/** ≥70 hot, 40–69 warm, below 40 cold: the bands the recommended rules are tuned for. */
export function scoreBand(score: number): ScoreBand {
  if (score >= 70) return "hot";
  if (score >= 40) return "warm";
  return "cold";
}

export const BAND_CLASSES: Record<ScoreBand, string> = {
  hot: "border-rose-500/40 bg-rose-500/10 text-rose-700 dark:text-rose-300",
  warm: "border-amber-500/40 bg-amber-500/10 text-amber-700 dark:text-amber-300",
  cold: "border-sky-500/40 bg-sky-500/10 text-sky-700 dark:text-sky-300",
};

/** Bar colours of the distribution chart, per band (CSS colours, readable in both themes). */
export const BAND_FILL: Record<ScoreBand, string> = {
  hot: "oklch(0.645 0.215 16.4)",
  warm: "oklch(0.769 0.165 70)",
  cold: "oklch(0.685 0.148 237.3)",
};
