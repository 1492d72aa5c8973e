import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { VaultError } from '../errors';
import { secondsToWait } from '../vault/rate-limit';

/**
 * The unlock screen's growing delay, applied to passwords and Recovery Keys typed for a backup
 * file: a backup of this vault holds the same wrapped key as vault.db, so without this the
 * restore screen would be a way around the unlock rate limit. The counters live in a small
 * plaintext file beside the vault (checking a backup must not write to the vault, and a fresh
 * install has no vault yet), so a restart does not reset them. Deleting the file does: the known
 * limit of any counter the attacker can reach (docs/security.md); every wrong attempt is also
 * recorded in the audit trail, which the file's deletion does not undo.
 */
export const BACKUP_ATTEMPTS_FILE = 'backup-attempts.json';

const counters = z.object({ failures: z.number().int().min(0), lastFailureAt: z.number() });
type Counters = z.infer<typeof counters>;

export class BackupCredentialLimiter {
  private readonly file: string;

  constructor(
    dataDir: string,
    private readonly now: () => number,
  ) {
    this.file = path.join(dataDir, BACKUP_ATTEMPTS_FILE);
  }

  async run<T>(attempt: () => Promise<T>): Promise<T> {
    const { failures, lastFailureAt } = this.read();
    const wait = secondsToWait(failures, lastFailureAt, this.now());
    if (wait > 0) {
      throw new VaultError('RATE_LIMITED', `Too many wrong attempts. Wait ${wait} ${wait === 1 ? 'second' : 'seconds'}, then try again.`, wait);
    }
    try {
      const result = await attempt();
      if (failures !== 0) this.write({ failures: 0, lastFailureAt });
      return result;
    } catch (e) {
      if (e instanceof VaultError && e.code === 'WRONG_CREDENTIALS') this.write({ failures: this.read().failures + 1, lastFailureAt: this.now() });
      throw e;
    }
  }

  /** A missing or unreadable file counts as no failures: it must never lock anyone out. */
  private read(): Counters {
    try {
      const parsed = counters.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data : { failures: 0, lastFailureAt: 0 };
    } catch {
      return { failures: 0, lastFailureAt: 0 };
    }
  }

  private write(c: Counters): void {
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
      const tmp = `${this.file}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(c), { mode: 0o600 });
      fs.renameSync(tmp, this.file);
    } catch {
      // A read-only data folder: the delay then lasts only as long as this process, as before.
    }
  }
}
