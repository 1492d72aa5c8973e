import path from 'node:path';
import { DRIVE_BACKUP_FOLDER } from './drives';
import { driveSpace, fatWarning } from './drive-space';
import type { MountedVolume } from './volume';

/** One backup file found on a drive, as the backup lister describes it (with its path, kept in main). */
export interface FoundBackup {
  path: string;
  createdAt: number | null;
  name: string;
}

export interface DriveReport<B extends FoundBackup> {
  volume: MountedVolume;
  freeBytes: number;
  totalBytes: number;
  warning: string | null;
  /** The drive's own folder and `SessionVault Backups/`, newest first. */
  backups: B[];
  backupFolder: string;
}

/**
 * What the Backups and Restore screens show for a drive: space, a FAT32 warning, and the backups
 * in its top folder and in `SessionVault Backups/`. Null when the drive is gone meanwhile.
 * `list` reads one folder (missing folder: throws, and counts as none).
 */
export function reportDrive<B extends FoundBackup>(volume: MountedVolume, o: { backupBytes: number | null; list: (dir: string) => B[] }): DriveReport<B> | null {
  const space = driveSpace(volume.mountPath);
  if (!space) return null;
  const backupFolder = path.join(volume.mountPath, DRIVE_BACKUP_FOLDER);
  const backups: B[] = [];
  for (const dir of [volume.mountPath, backupFolder]) {
    try {
      backups.push(...o.list(dir));
    } catch {
      // No such folder on this drive (or it cannot be read): nothing from it.
    }
  }
  backups.sort((a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0) || b.name.localeCompare(a.name));
  return { volume, ...space, warning: fatWarning(volume, o.backupBytes), backups, backupFolder };
}
