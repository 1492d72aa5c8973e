import path from 'node:path';
import type { DriveSource, MountedVolume } from './volume';

/** The folder on a drive where SessionVault puts its backups (and looks for them, with the drive's top folder). */
export const DRIVE_BACKUP_FOLDER = 'SessionVault Backups';

/** The removable drives plugged in now, and which one holds a given path. */
export class Drives {
  private reading: Promise<MountedVolume[]> | null = null;

  constructor(
    private readonly source: DriveSource,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  /** Read afresh each time (a stick pulled a second ago must not show); calls that overlap share one read. */
  volumes(): Promise<MountedVolume[]> {
    this.reading ??= this.source()
      .catch(() => [] as MountedVolume[])
      .finally(() => {
        this.reading = null;
      });
    return this.reading;
  }

  /** The drive whose mount holds `file` (the deepest mount wins), or null for the computer's own disks. */
  async driveOf(file: string): Promise<MountedVolume | null> {
    const fold = (p: string) => (this.platform === 'win32' ? p.toLowerCase() : p);
    const target = fold(path.resolve(file));
    let best: MountedVolume | null = null;
    for (const v of await this.volumes()) {
      const mount = fold(path.resolve(v.mountPath));
      const rel = path.relative(mount, target);
      const inside = rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
      if (inside && (!best || v.mountPath.length > best.mountPath.length)) best = v;
    }
    return best;
  }
}
