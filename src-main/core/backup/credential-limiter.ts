import { VaultError } from '../errors';
import { secondsToWait } from '../vault/rate-limit';

/**
 * The unlock screen's growing delay, applied to passwords and Recovery Keys typed for a backup
 * file: a backup of this vault holds the same wrapped key as vault.db, so without this the
 * restore screen would be a way around the unlock rate limit. Kept in memory (checking a backup
 * must not write to the vault); someone with a copy of the file faces Argon2id instead.
 */
export class BackupCredentialLimiter {
  private failures = 0;
  private lastFailureAt = 0;

  constructor(private readonly now: () => number) {}

  async run<T>(attempt: () => Promise<T>): Promise<T> {
    const wait = secondsToWait(this.failures, this.lastFailureAt, this.now());
    if (wait > 0) {
      throw new VaultError('RATE_LIMITED', `Too many wrong attempts. Wait ${wait} ${wait === 1 ? 'second' : 'seconds'}, then try again.`, wait);
    }
    try {
      const result = await attempt();
      this.failures = 0;
      return result;
    } catch (e) {
      if (e instanceof VaultError && e.code === 'WRONG_CREDENTIALS') {
        this.failures++;
        this.lastFailureAt = this.now();
      }
      throw e;
    }
  }
}
