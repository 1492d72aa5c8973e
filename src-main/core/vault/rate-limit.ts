import type { Db } from './vault-db';
import { readMetaNumber, writeMetaNumber } from './vault-header';
import { VaultError } from '../errors';

/**
 * Growing delay after failed unlocks: three free tries, then 2 s, 4 s, 8 s … up to 5 minutes.
 * The counters live in the vault's plaintext meta table so a restart does not reset them. They
 * slow guessing through the app only; someone holding a copy of the file faces Argon2id instead.
 */
const FREE_ATTEMPTS = 3;
const MAX_DELAY_S = 300;
const FAILURES = 'unlock_failures';
const LAST_FAILURE = 'unlock_last_failure';

export function delayAfterFailures(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_S, 2 ** (failures - FREE_ATTEMPTS + 1));
}

/** Seconds the user must still wait before the next attempt (0 = may try now). */
export function secondsToWait(failures: number, lastFailureAtMs: number, nowMs: number): number {
  const delay = delayAfterFailures(failures);
  const waitUntil = lastFailureAtMs + delay * 1000;
  // Capped at the delay itself: a clock set back must not lock the clinician out for days.
  return Math.min(delay, Math.max(0, Math.ceil((waitUntil - nowMs) / 1000)));
}

/** The persisted counters of one vault file. */
export class UnlockLimiter {
  constructor(private readonly db: Db) {}

  /** Throws RATE_LIMITED (with the seconds to wait) while the delay after the last failure runs. */
  check(nowMs: number): void {
    const wait = secondsToWait(readMetaNumber(this.db, FAILURES), readMetaNumber(this.db, LAST_FAILURE), nowMs);
    if (wait > 0) {
      const unit = wait === 1 ? 'second' : 'seconds';
      throw new VaultError('RATE_LIMITED', `Too many wrong attempts. Wait ${wait} ${unit}, then try again.`, wait);
    }
  }

  recordFailure(nowMs: number): void {
    const failures = readMetaNumber(this.db, FAILURES);
    this.db.transaction(() => {
      writeMetaNumber(this.db, FAILURES, failures + 1);
      writeMetaNumber(this.db, LAST_FAILURE, nowMs);
    })();
  }

  /** After a success. Writes only when there is something to reset, so a plain unlock changes no byte. */
  reset(): void {
    if (readMetaNumber(this.db, FAILURES) !== 0) writeMetaNumber(this.db, FAILURES, 0);
  }
}
