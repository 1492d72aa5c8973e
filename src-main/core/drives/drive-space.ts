import fs from 'node:fs';
import { isFat, type MountedVolume } from './volume';

/** The largest file FAT32 can hold: 4 GiB minus one byte. */
export const FAT_MAX_FILE_BYTES = 4 * 1024 ** 3 - 1;
/** Warn once a backup is three quarters of the way there: a vault grows a little every day. */
const FAT_WARN_BYTES = Math.floor(FAT_MAX_FILE_BYTES * 0.75);

export interface DriveSpace {
  freeBytes: number;
  totalBytes: number;
}

/** Free and total bytes of the disk holding `dir`; null when it cannot be read (a drive just pulled). */
export function driveSpace(dir: string): DriveSpace | null {
  try {
    const s = fs.statfsSync(dir);
    return { freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize };
  } catch {
    return null;
  }
}

/** "14.2 GB", "40 MB", "12 KB" (binary units, as the OS file managers of the clinician's laptop show them). */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${Math.round(bytes / 1024 ** 2)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** About what a backup of the vault file takes now (the snapshot is the file; encryption adds ~0.03 %). */
export function estimateBackupBytes(vaultFile: string): number | null {
  try {
    let bytes = fs.statSync(vaultFile).size;
    try {
      bytes += fs.statSync(`${vaultFile}-wal`).size;
    } catch {
      // No WAL: the file is the whole vault.
    }
    return bytes;
  } catch {
    return null;
  }
}

/** Said on a FAT drive when the vault's backups come near (or past) the 4 GB file limit; null otherwise. */
export function fatWarning(volume: Pick<MountedVolume, 'label' | 'fileSystem'>, backupBytes: number | null): string | null {
  if (!isFat(volume.fileSystem) || backupBytes === null || backupBytes < FAT_WARN_BYTES) return null;
  const fix = 'Reformat the drive as exFAT (this erases it) or use another drive.';
  if (backupBytes > FAT_MAX_FILE_BYTES) {
    return `${volume.label} is formatted ${volume.fileSystem}, which cannot hold a file of 4 GB or more, and a backup of this vault is now ${formatSize(backupBytes)}. ${fix}`;
  }
  return `${volume.label} is formatted ${volume.fileSystem}, which cannot hold a file of 4 GB or more; a backup of this vault is already ${formatSize(backupBytes)}. ${fix}`;
}
