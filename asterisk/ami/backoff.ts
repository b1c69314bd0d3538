export type BackoffOptions = { initialMs: number; maxMs: number };

/**
 * Delay before reconnect attempt number `failures + 1`: exponential from `initialMs`, capped at `maxMs`,
 * with "equal jitter" (half fixed, half random) so that many app instances do not reconnect in step.
 */
export function reconnectDelayMs(failures: number, { initialMs, maxMs }: BackoffOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, initialMs * 2 ** Math.min(Math.max(failures, 0), 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
