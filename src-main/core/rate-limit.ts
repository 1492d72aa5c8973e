/**
 * Growing delay after failed unlocks: three free tries, then 2 s, 4 s, 8 s … up to 5 minutes.
 * The counters live in the vault's plaintext meta table so a restart does not reset them.
 */
const FREE_ATTEMPTS = 3;
const MAX_DELAY_S = 300;

export function delayAfterFailures(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_S, 2 ** (failures - FREE_ATTEMPTS + 1));
}

/** Seconds the user must still wait before the next attempt (0 = may try now). */
export function secondsToWait(failures: number, lastFailureAtMs: number, nowMs: number): number {
  const waitUntil = lastFailureAtMs + delayAfterFailures(failures) * 1000;
  return Math.max(0, Math.ceil((waitUntil - nowMs) / 1000));
}
