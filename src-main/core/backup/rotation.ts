import fs from 'node:fs';
import path from 'node:path';
import type { MasterKey } from '../crypto/keys';
import { BACKUP_NAME_PATTERN } from './backup-format';
import type { BackupContext } from './backup-context';
import { forgetBackups } from './backup-log';
import { listBackups, type BackupFileInfo } from './backup-list';

/**
 * Which files rotation removes: only verified backups of this vault with the app's own file
 * names, beyond the newest `keep`. The newest verified backup is never among them (keep >= 1),
 * and unverified, foreign or renamed files are never touched.
 */
export function planRotation(listing: BackupFileInfo[], keep: number): string[] {
  const verified = listing
    .filter((b) => b.sameVault && b.verified && b.createdAt !== null && BACKUP_NAME_PATTERN.test(b.name))
    .sort((a, b) => b.createdAt! - a.createdAt!);
  return verified.slice(Math.max(1, keep)).map((b) => b.path);
}

/** Deletes what `planRotation` picks; returns the removed paths. A file that will not delete stays. */
export function rotateBackups(ctx: BackupContext, masterKey: MasterKey, dir: string, vaultId: string, keep: number): string[] {
  const removed: string[] = [];
  for (const file of planRotation(listBackups(ctx, dir), keep)) {
    try {
      fs.rmSync(file);
      removed.push(file);
    } catch {
      // A read-only stick or a file in use: keeping an extra backup is the safe failure.
    }
  }
  if (removed.length) {
    forgetBackups(ctx.dataDir, masterKey, vaultId, removed.map((f) => path.resolve(f)));
  }
  return removed;
}
