import fs from 'node:fs';
import path from 'node:path';
import { copyKey } from '../crypto/keys';
import { memzero } from '../crypto/sodium';
import { VaultError } from '../errors';
import { phaseReporter, type BackupContext } from './backup-context';
import { fileError, privateTempDir, removeQuietly } from './backup-files';
import { readBackupHeader } from './backup-reader';
import { readBackAndCheck, recordCheck } from './backup-verify';
import { commitBackupFile, discardPartial, writeBackupFile, type BackupTarget, type PartialBackup } from './backup-writer';
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

/** When the folder vanished after writing began, the drive was pulled: say so rather than "could not be written". */
function removedMeanwhile(error: unknown, target: BackupTarget, begun: boolean): VaultError | null {
  if (!begun || fs.existsSync(target.dir)) return null;
  if (error instanceof VaultError && !['IO_ERROR', 'NOT_FOUND', 'BACKUP_CORRUPT'].includes(error.code)) return null;
  const what = target.driveLabel ?? 'The drive holding the backup folder';
  return new VaultError('IO_ERROR', `${what} was removed before the backup was finished, so no backup was made there. Plug it in again and back up again.`);
}

function checkFailed(error: unknown): VaultError {
  const why = error instanceof VaultError ? error.message : 'it could not be read back';
  return new VaultError(
    error instanceof VaultError && (error.code === 'DISK_FULL' || error.code === 'IO_ERROR') ? error.code : 'BACKUP_CORRUPT',
    `The backup was written but did not pass its check, so it was removed; older backups are untouched. Check the drive. (${why})`,
  );
}

/**
 * Snapshot -> encrypt to `<name>.svbackup.partial` and fsync -> read it back, decrypt every
 * chunk, compare it with the snapshot and check that database -> only then rename it to its
 * final name -> rotate. A backup
 * that fails its check, or whose drive is pulled, never gets a name that looks like a backup;
 * older backups are never touched in that case.
 */
export async function createBackup(ctx: BackupContext, target: BackupTarget, keep = DEFAULT_KEEP): Promise<CreatedBackup> {
  const session = ctx.vault.unlocked();
  // Not there from the start: "not connected", not "removed during the backup".
  if (!fs.existsSync(target.createFolder ? path.dirname(target.dir) : target.dir)) throw fileError({ code: 'ENOENT' }, 'backup folder', target.driveLabel);
  // Own copies: the vault may lock (idle) mid-backup, which zeroes the session's keys in place.
  const masterKey = copyKey(session.masterKey);
  const vaultHeader = session.header;
  let scratch: string | undefined;
  let written: PartialBackup | undefined;
  let begun = false; // Some of the file reached the folder: from now on a vanished folder means a pulled drive.
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
    const reportEncrypt = phaseReporter(ctx, 'encrypt');
    written = await writeBackupFile({
      snapshotFile: snapshot,
      target,
      header: { vaultId: vaultHeader.vaultId, createdAt, counts, vault: vaultHeader },
      masterKey,
      onProgress: (done, total) => {
        begun = true;
        reportEncrypt(done, total);
      },
    });
    const parsed = readBackupHeader(written.partial);
    try {
      await readBackAndCheck(ctx, written.partial, parsed, masterKey, snapshot);
    } catch (e) {
      throw removedMeanwhile(e, target, begun) ?? checkFailed(e);
    }
    const file = commitBackupFile(written, target);
    written = undefined; // It is a verified backup now: nothing to discard.
    recordCheck(ctx, masterKey, file, parsed, true);
    // A records custodian only adds: rotation would delete the clinician's older backups.
    const removed = session.custodian ? [] : rotateBackups(ctx, masterKey, target.dir, vaultHeader.vaultId, keep, file);
    return { path: file, bytes: parsed.size, notes: counts.byKind.note ?? 0, createdAt, removed };
  } catch (e) {
    throw removedMeanwhile(e, target, begun) ?? e;
  } finally {
    if (written) discardPartial(written);
    if (scratch) removeQuietly(scratch);
    memzero(masterKey);
  }
}
