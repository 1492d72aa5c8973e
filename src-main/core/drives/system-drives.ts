import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { linuxRemovableVolumes, type SysBlock } from './linux-mounts';
import { macVolumeFromDiskutil } from './mac-volumes';
import type { DriveSource, MountedVolume } from './volume';
import { parseWindowsVolumes, WINDOWS_VOLUMES_SCRIPT } from './windows-volumes';

/**
 * The one place that reads the OS for drives: files on Linux, `diskutil` on macOS, PowerShell on
 * Windows. Everything it reads goes through the pure readers beside it. Never needs admin rights,
 * never throws: a failure means "no drives found", and the OS dialog still works.
 */

const COMMAND_TIMEOUT_MS = 8000;

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: COMMAND_TIMEOUT_MS, windowsHide: true, maxBuffer: 1024 * 1024 }, (error, stdout) => {
      if (error) reject(error);
      else resolve(stdout);
    });
  });
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** /sys/block: each disk's `removable` flag and its partitions (sub-folders holding a `partition` file). */
export function readSysBlock(sysBlockDir: string): SysBlock {
  const out: SysBlock = {};
  let disks: string[];
  try {
    disks = fs.readdirSync(sysBlockDir);
  } catch {
    return out;
  }
  for (const disk of disks) {
    const dir = path.join(sysBlockDir, disk);
    let entries: string[];
    try {
      entries = fs.readdirSync(dir);
    } catch {
      continue;
    }
    out[disk] = {
      removable: readText(path.join(dir, 'removable'))?.trim() === '1',
      partitions: entries.filter((e) => fs.existsSync(path.join(dir, e, 'partition'))),
    };
  }
  return out;
}

function currentUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? '';
  }
}

export interface LinuxDriveOptions {
  mountinfoFile?: string;
  sysBlockDir?: string;
  /** Where the desktop mounts drives: /media/$USER and /run/media/$USER (tests point it elsewhere). */
  mediaRoots?: string[];
}

export function linuxDriveSource(o: LinuxDriveOptions = {}): DriveSource {
  const user = currentUser();
  const mediaRoots = o.mediaRoots ?? (user ? [`/media/${user}`, `/run/media/${user}`] : []);
  return async () => linuxRemovableVolumes(readText(o.mountinfoFile ?? '/proc/self/mountinfo') ?? '', readSysBlock(o.sysBlockDir ?? '/sys/block'), mediaRoots);
}

function macDriveSource(): DriveSource {
  return async () => {
    let names: string[];
    try {
      names = fs.readdirSync('/Volumes');
    } catch {
      return [];
    }
    const out: MountedVolume[] = [];
    for (const name of names) {
      const mount = path.join('/Volumes', name);
      try {
        // The boot volume appears in /Volumes as a link to /: no need to ask diskutil about it.
        if (fs.realpathSync(mount) === '/') continue;
        const volume = macVolumeFromDiskutil(await run('diskutil', ['info', '-plist', mount]), mount);
        if (volume) out.push(volume);
      } catch {
        // Gone meanwhile, or diskutil had nothing to say: not a drive we can use.
      }
    }
    return out;
  };
}

function windowsDriveSource(): DriveSource {
  return async () => {
    try {
      return parseWindowsVolumes(await run('powershell.exe', ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', WINDOWS_VOLUMES_SCRIPT]));
    } catch {
      return [];
    }
  };
}

/** The reader for this computer's OS. */
export function systemDriveSource(platform: NodeJS.Platform = process.platform): DriveSource {
  if (platform === 'win32') return windowsDriveSource();
  if (platform === 'darwin') return macDriveSource();
  return linuxDriveSource();
}
