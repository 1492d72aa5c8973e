import fs from 'node:fs';
import path from 'node:path';
import type { MasterKey } from '../crypto/keys';
import { BACKUP_NAME_PATTERN } from './backup-format';
import type { BackupContext } from './backup-context';
import { forgetBackups } from './backup-log';
import { listBackups, type BackupFileInfo } from './backup-list';

/**
 * Which files rotation removes: only backups of this vault with the app's own file names that
 * still match what this vault sealed when it verified them, ordered by the times it sealed (never
 * by a file's own header, which the drive's holder can edit), beyond the newest `keep` — where the
 * file just written always counts as one and is never removed. A file that changed since it was
 * verified, was never verified, belongs to another vault or was renamed is never removed, and
 * never counts toward `keep`: a damaged or edited file cannot push a good one out.
 */
export function planRotation(listing: BackupFileInfo[], keep: number, justWritten: string): string[] {
  const older = listing
    .filter((b) => b.state === 'verified' && b.createdAt !== null && BACKUP_NAME_PATTERN.test(b.name) && b.path !== justWritten)
    .sort((a, b) => b.createdAt! - a.createdAt!);
  return older.slice(Math.max(1, keep) - 1).map((b) => b.path);
}

/** Deletes what `planRotation` picks; returns the removed paths. A file that will not delete stays. */
export function rotateBackups(ctx: BackupContext, masterKey: MasterKey, dir: string, vaultId: string, keep: number, justWritten: string): string[] {
  const removed: string[] = [];
  for (const file of planRotation(listBackups(ctx, dir), keep, path.resolve(justWritten))) {
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
