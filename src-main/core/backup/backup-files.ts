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

/** Where a file operation failed, for the message: a kind of place, and the drive's label when it is on one. */
export type Place = 'backup folder' | 'backup file' | 'data folder';

/**
 * Maps a Node file-system error to a code and a sentence the clinician can act on. Never echoes a
 * path; names the drive by its label (`drive`) when the place is on a removable drive.
 */
export function fileError(error: unknown, place: Place, drive?: string | null): VaultError {
  if (error instanceof VaultError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const where = drive ? `The ${place} on ${drive}` : `The ${place}`;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'SQLITE_FULL':
      return new VaultError('DISK_FULL', `${drive ? `${drive} is full` : 'The disk is full'}. Free some space or choose another drive; nothing was lost.`);
    case 'EROFS':
      return new VaultError('IO_ERROR', drive ? `${drive} is read-only, so nothing can be written to it. Choose another drive or folder.` : `${where} is read-only. Choose another place.`);
    case 'EACCES':
    case 'EPERM':
      return new VaultError('IO_ERROR', `${where} cannot be written to (it is read-only or not permitted). Choose another place.`);
    case 'ENOENT':
    case 'ENOTDIR':
      return new VaultError('IO_ERROR', `${where} was not found. Check that ${drive ?? 'the drive'} is connected.`);
    case 'EFBIG':
      return new VaultError('IO_ERROR', `${where} cannot hold a file this large (FAT32 stops at 4 GB). Use a drive formatted as exFAT or NTFS.`);
    default:
      return new VaultError('IO_ERROR', `${where} could not be read or written. Check ${drive ?? 'the drive'} and try again.`);
  }
}

/** How much a backup or restore encrypts or decrypts between two yields to the event loop (a few milliseconds of work). */
export const YIELD_BYTES = 1024 * 1024;

/** Lets IPC, progress events and the idle timer run between chunks of a long backup. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
