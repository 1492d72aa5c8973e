import fs from 'node:fs';
import path from 'node:path';
import { VaultError } from '../errors';

/** File-system helpers shared by the backup writer, reader and restore. */


const SCRATCH_PREFIX = '.sv-backup-tmp-';

/** Scratch folders left by a backup or restore that was cut off (crash, power loss). */
export function removeStaleScratch(dataDir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dataDir);
  } catch {
    return; // No data folder yet.
  }
  for (const name of names) if (name.startsWith(SCRATCH_PREFIX)) removeQuietly(path.join(dataDir, name));
}

/**
 * A private (0700) scratch directory inside `parent`, on the same disk so a finished restore
 * can be renamed into place. Removed by the caller in `finally`.
 */
export function privateTempDir(parent: string): string {
  try {
    fs.mkdirSync(parent, { recursive: true, mode: 0o700 });
    return fs.mkdtempSync(path.join(parent, SCRATCH_PREFIX));
  } catch (e) {
    throw fileError(e, 'data folder');
  }
}

export function removeQuietly(target: string): void {
  try {
    fs.rmSync(target, { recursive: true, force: true });
  } catch {
    // Best effort: a leftover scratch copy holds only record-encrypted pages, like vault.db itself.
  }
}

/** Maps a Node file-system error to a code and a sentence the clinician can act on; never echoes a path. */
export function fileError(error: unknown, place: 'backup folder' | 'backup file' | 'data folder'): VaultError {
  if (error instanceof VaultError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'SQLITE_FULL':
      return new VaultError('DISK_FULL', 'The disk is full. Free some space or choose another drive; nothing was lost.');
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return new VaultError('IO_ERROR', `The ${place} cannot be written to (it is read-only or not permitted). Choose another place.`);
    case 'ENOENT':
    case 'ENOTDIR':
      return new VaultError('IO_ERROR', `The ${place} was not found. Check that the drive is connected.`);
    default:
      return new VaultError('IO_ERROR', `The ${place} could not be read or written. Check the drive and try again.`);
  }
}

/** Lets IPC, progress events and the idle timer run between chunks of a long backup. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
