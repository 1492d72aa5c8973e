import path from 'node:path';
import { backupKey, copyKey } from '../crypto/keys';
import { memzero } from '../crypto/sodium';
import { VaultError } from '../errors';
import { phaseReporter, type BackupContext } from './backup-context';
import { fileError, privateTempDir, removeQuietly } from './backup-files';
import { readBackupHeader } from './backup-reader';
import { decryptAndCheck, recordCheck } from './backup-verify';
import { writeBackupFile } from './backup-writer';
import { rotateBackups } from './rotation';
import { countSnapshot } from './snapshot';

export const DEFAULT_KEEP = 10;

export interface CreatedBackup {
  path: string;
  bytes: number;
  notes: number;
  createdAt: number;
  /** Older verified backups of this vault removed by rotation. */
  removed: string[];
}

/**
 * Snapshot -> encrypt to `<name>.partial` -> fsync, rename -> read back and verify every chunk and
 * the decrypted database -> only then rotate. A backup that fails its check is removed and
 * reported; older backups are never touched in that case.
 */
export async function createBackup(ctx: BackupContext, dir: string, keep = DEFAULT_KEEP): Promise<CreatedBackup> {
  const session = ctx.vault.unlocked();
  // Own copies: the vault may lock (idle) mid-backup, which zeroes the session's keys in place.
  const masterKey = copyKey(session.masterKey);
  const vaultHeader = session.header;
  const key = backupKey(masterKey);
  let scratch: string | undefined;
  try {
    scratch = privateTempDir(ctx.dataDir);
    const snapshot = path.join(scratch, 'snapshot.db');
    ctx.onProgress?.({ phase: 'snapshot', done: 0, total: 1 });
    try {
      ctx.vault.snapshotTo(snapshot);
    } catch (e) {
      throw fileError(e, 'data folder');
    }
    ctx.onProgress?.({ phase: 'snapshot', done: 1, total: 1 });
    const counts = countSnapshot(snapshot);
    const createdAt = ctx.now();
    const written = await writeBackupFile({
      snapshotFile: snapshot,
      dir,
      header: { vaultId: vaultHeader.vaultId, createdAt, counts, vault: vaultHeader },
      key,
      onProgress: phaseReporter(ctx, 'encrypt'),
    });
    removeQuietly(snapshot);
    const parsed = readBackupHeader(written.file);
    try {
      await decryptAndCheck(ctx, written.file, parsed, key, path.join(scratch, 'readback.db'), { phase: 'verify', durable: false });
    } catch (e) {
      removeQuietly(written.file);
      const why = e instanceof VaultError ? e.message : 'it could not be read back';
      throw new VaultError(
        e instanceof VaultError && (e.code === 'DISK_FULL' || e.code === 'IO_ERROR') ? e.code : 'BACKUP_CORRUPT',
        `The backup was written but did not pass its check, so it was removed; older backups are untouched. Check the drive. (${why})`,
      );
    }
    recordCheck(ctx, masterKey, written.file, parsed, true);
    const removed = rotateBackups(ctx, masterKey, dir, vaultHeader.vaultId, keep);
    return { path: written.file, bytes: written.bytes, notes: counts.byKind.note ?? 0, createdAt, removed };
  } finally {
    if (scratch) removeQuietly(scratch);
    memzero(key, masterKey);
  }
}
