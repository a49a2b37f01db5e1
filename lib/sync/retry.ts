const MINUTE = 60_000;

/**
 * When to try again after `failures` failures in a row: 1, 2, 4 … up to 60 minutes, each
 * spread by ±25 % so that a team's browsers do not all come back at the same second.
 */
export function retryDelayMs(failures: number, random: () => number = Math.random): number {
  const base = Math.min(60, 2 ** Math.max(0, failures - 1)) * MINUTE;
  return Math.round(base * (0.75 + random() * 0.5));
}
