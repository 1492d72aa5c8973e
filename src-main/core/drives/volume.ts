/** A mounted volume that is a removable drive, as a platform reader found it. Paths stay in main. */
export interface MountedVolume {
  /** The volume label ("KINGSTON"), or the mount folder's name when it has none. */
  label: string;
  /** Where it is mounted: `/media/ann/KINGSTON`, `/Volumes/KINGSTON`, `E:\`. */
  mountPath: string;
  /** Display name of the file system (`fileSystemName`). */
  fileSystem: string;
  /** Mounted read-only, when the platform says so. */
  readOnly: boolean;
}

/** Lists the removable drives plugged in now. Never throws: no drives found is an empty list. */
export type DriveSource = () => Promise<MountedVolume[]>;

const NAMES: Record<string, string> = {
  vfat: 'FAT32',
  msdos: 'FAT32',
  fat32: 'FAT32',
  fat: 'FAT16',
  exfat: 'exFAT',
  ntfs: 'NTFS',
  ntfs3: 'NTFS',
  apfs: 'APFS',
  hfs: 'Mac OS Extended',
  hfsplus: 'Mac OS Extended',
  ext2: 'ext2',
  ext3: 'ext3',
  ext4: 'ext4',
  btrfs: 'Btrfs',
  xfs: 'XFS',
  udf: 'UDF',
  tmpfs: 'tmpfs',
};

/** The name a clinician would recognise for an OS's file-system type (vfat, msdos, FAT32 → FAT32). */
export function fileSystemName(raw: string | null | undefined): string {
  if (!raw) return 'Unknown';
  return NAMES[raw.toLowerCase()] ?? raw;
}

/** FAT file systems cannot hold a file of 4 GiB or more (FAT16 less still). */
export function isFat(fileSystem: string): boolean {
  return fileSystem === 'FAT32' || fileSystem === 'FAT16';
}
