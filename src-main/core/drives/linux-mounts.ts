import path from 'node:path';
import { fileSystemName, type MountedVolume } from './volume';

/**
 * Linux removable drives from /proc/self/mountinfo and /sys/block, no admin rights needed.
 * Pure functions over the files' text; system-drives.ts reads them.
 */

export interface MountEntry {
  source: string;
  mountPoint: string;
  fsType: string;
  readOnly: boolean;
}

/** `/sys/block/<disk>/removable` and the disk's partitions (`/sys/block/<disk>/<part>/partition`). */
export type SysBlock = Record<string, { removable: boolean; partitions: string[] }>;

/** mountinfo escapes space, tab, newline and backslash as octal (`\040`). */
function unescapeMount(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_m, oct: string) => String.fromCharCode(parseInt(oct, 8)));
}

/**
 * Parses /proc/self/mountinfo: `id parent maj:min root mountPoint options [optional…] - fsType source superOptions`.
 * Lines that do not have that shape are skipped.
 */
export function parseMountinfo(text: string): MountEntry[] {
  const out: MountEntry[] = [];
  for (const line of text.split('\n')) {
    const fields = line.trim().split(' ');
    const dash = fields.indexOf('-');
    if (dash < 6 || fields.length < dash + 3) continue;
    const options = fields[5]!.split(',');
    const superOptions = (fields[dash + 3] ?? '').split(',');
    out.push({
      source: unescapeMount(fields[dash + 2]!),
      mountPoint: unescapeMount(fields[4]!),
      fsType: fields[dash + 1]!,
      readOnly: options.includes('ro') || superOptions.includes('ro'),
    });
  }
  return out;
}

/** The whole disk a block device belongs to: `sdb1` → `sdb`, `mmcblk0p1` → `mmcblk0`; null when unknown. */
export function diskOf(device: string, sys: SysBlock): string | null {
  if (sys[device]) return device;
  for (const [disk, info] of Object.entries(sys)) if (info.partitions.includes(device)) return disk;
  return null;
}

/** Where a removable disk is never the clinician's drive: the system's own folders (a live USB's root). */
const SYSTEM_MOUNTS = ['/boot', '/snap', '/usr', '/var', '/etc', '/proc', '/sys', '/dev', '/run'];

function isUnder(child: string, parent: string): boolean {
  const rel = path.posix.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.posix.isAbsolute(rel);
}

/**
 * The removable drives among the mounts: anything the desktop mounted under `mediaRoots`
 * (/media/$USER, /run/media/$USER: udisks puts USB sticks, SD cards and external disks there,
 * including USB SSDs whose `removable` flag is 0), and any block device whose disk is flagged
 * removable in /sys, wherever it is mounted, except the system's own folders.
 */
export function linuxRemovableVolumes(mountinfo: string, sys: SysBlock, mediaRoots: string[]): MountedVolume[] {
  const byMountPoint = new Map<string, MountedVolume>();
  for (const m of parseMountinfo(mountinfo)) {
    const underMedia = mediaRoots.some((root) => isUnder(m.mountPoint, root));
    const device = m.source.startsWith('/dev/') ? path.posix.basename(m.source) : null;
    const disk = device ? diskOf(device, sys) : null;
    const removable = disk !== null && sys[disk]!.removable;
    const systemPlace = m.mountPoint === '/' || SYSTEM_MOUNTS.some((p) => m.mountPoint === p || (isUnder(m.mountPoint, p) && !isUnder(m.mountPoint, '/run/media')));
    if (!underMedia && !(removable && !systemPlace)) {
      byMountPoint.delete(m.mountPoint); // A later mount over the same folder hides the drive.
      continue;
    }
    byMountPoint.set(m.mountPoint, {
      label: path.posix.basename(m.mountPoint),
      mountPath: m.mountPoint,
      fileSystem: fileSystemName(m.fsType),
      readOnly: m.readOnly,
    });
  }
  return [...byMountPoint.values()];
}
