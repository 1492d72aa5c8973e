import { parsePlist, type PlistValue } from './plist';
import { fileSystemName, type MountedVolume } from './volume';

/**
 * macOS removable drives: every entry of /Volumes except the boot volume, described by
 * `diskutil info -plist <mount>` (no admin rights). Pure over the plist text; system-drives.ts
 * lists /Volumes and runs diskutil.
 */

const str = (v: PlistValue | undefined): string | null => (typeof v === 'string' ? v : null);
const bool = (v: PlistValue | undefined): boolean => v === true;

/** FAT16 and FAT32 are both `msdos`; the long name tells them apart. */
function macFileSystem(info: Record<string, PlistValue>): string {
  const type = str(info.FilesystemType);
  const name = str(info.FilesystemName) ?? str(info.FilesystemUserVisibleName) ?? '';
  if (type === 'msdos' && /FAT16|FAT12/.test(name)) return 'FAT16';
  return fileSystemName(type ?? name);
}

/**
 * The drive `diskutil info -plist` describes, or null when it is not a removable drive: the boot
 * volume (mounted at /), a disk image, or an internal disk that is not removable media.
 */
export function macVolumeFromDiskutil(plist: string, mountPath: string): MountedVolume | null {
  let parsed: PlistValue;
  try {
    parsed = parsePlist(plist);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const info = parsed;
  const mountPoint = str(info.MountPoint) ?? mountPath;
  if (mountPoint === '/' || str(info.BusProtocol) === 'Disk Image') return null;
  const external = bool(info.RemovableMediaOrExternalDevice) || bool(info.Removable) || bool(info.RemovableMedia) || bool(info.Ejectable) || info.Internal === false;
  if (!external) return null;
  return {
    label: str(info.VolumeName) || mountPoint.split('/').pop() || mountPoint,
    mountPath: mountPoint,
    fileSystem: macFileSystem(info),
    readOnly: info.WritableVolume === false,
  };
}
