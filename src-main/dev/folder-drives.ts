import fs from 'node:fs';
import path from 'node:path';
import type { DriveSource, MountedVolume } from '../core/drives/volume';

/**
 * Preview and tests only: every folder in `root` stands for a plugged-in removable drive (its name
 * is the label), so a drive can be "plugged in" by making a folder and "pulled" by removing it.
 * `fileSystems` gives a drive another file system than FAT32 (what most USB sticks come with).
 */
export function folderDriveSource(root: string, fileSystems: Record<string, string> = {}): DriveSource {
  return async () => {
    let names: string[];
    try {
      names = fs.readdirSync(root).sort();
    } catch {
      return [];
    }
    const out: MountedVolume[] = [];
    for (const name of names) {
      const mountPath = path.join(root, name);
      try {
        if (!fs.statSync(mountPath).isDirectory()) continue;
      } catch {
        continue; // Pulled meanwhile.
      }
      out.push({ label: name, mountPath, fileSystem: fileSystems[name] ?? 'FAT32', readOnly: false });
    }
    return out;
  };
}
