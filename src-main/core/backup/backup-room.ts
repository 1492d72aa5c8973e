import { VaultError } from '../errors';
import { driveSpace, FAT_MAX_FILE_BYTES, formatSize } from '../drives/drive-space';
import { isFat } from '../drives/volume';
import fs from 'node:fs';
import path from 'node:path';

/** Where a backup goes: the folder, and what is known about the drive it is on. */
export interface BackupTarget {
  dir: string;
  /** The drive's label for messages ("KINGSTON"); null on this computer's own disks. */
  driveLabel: string | null;
  /** The drive's file system when known (FAT32 cannot hold a file of 4 GB). */
  fileSystem: string | null;
  /** Make `dir` (one level) when missing: only for a drive's own `SessionVault Backups/` folder. */
  createFolder: boolean;
}

/** Room is counted with a little slack for the file system's own bookkeeping. */
const SLACK_BYTES = 1024 * 1024;

/**
 * Refuses a backup before anything is written when it cannot fit: past FAT's 4 GB file limit
 * (IO_ERROR), or more than the drive has free (DISK_FULL). Unknown space is not a refusal: the
 * write itself then reports a full disk.
 */
export function assertRoomFor(target: BackupTarget, bytes: number): void {
  const where = target.driveLabel ?? 'The backup drive';
  if (target.fileSystem && isFat(target.fileSystem) && bytes > FAT_MAX_FILE_BYTES) {
    throw new VaultError(
      'IO_ERROR',
      `${where} is formatted ${target.fileSystem}, which cannot hold a file of 4 GB or more, and this backup is ${formatSize(bytes)}. Use a drive formatted as exFAT or NTFS; nothing was written.`,
    );
  }
  const folder = fs.existsSync(target.dir) || !target.createFolder ? target.dir : path.dirname(target.dir);
  const space = driveSpace(folder);
  if (space && space.freeBytes < bytes + SLACK_BYTES) {
    throw new VaultError(
      'DISK_FULL',
      `${where} has ${formatSize(space.freeBytes)} free, but this backup needs ${formatSize(bytes + SLACK_BYTES)}. Free some space or choose another drive; nothing was written.`,
    );
  }
}
