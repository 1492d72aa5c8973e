import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { DiskEncryption } from './facts';

/**
 * Whether the disk holding `dir` is encrypted by the OS, learned without admin rights. Only a
 * positive finding (or macOS's own answer) counts: anything else is 'unknown', never a guess.
 */
export function detectDiskEncryption(dir: string, platform: NodeJS.Platform = process.platform): DiskEncryption {
  try {
    if (platform === 'linux') return linuxDmCrypt(dir) ? { state: 'on', how: 'LUKS (dm-crypt)' } : { state: 'unknown' };
    if (platform === 'darwin') return macFileVault();
  } catch {
    // Fall through: an unreadable /sys or a missing tool tells us nothing.
  }
  return { state: 'unknown' };
}

function macFileVault(): DiskEncryption {
  let out: string;
  try {
    out = execFileSync('/usr/bin/fdesetup', ['isactive'], { encoding: 'utf8', timeout: 5000, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (error) {
    // `fdesetup isactive` exits 1 and prints "false" when FileVault is off.
    out = String((error as { stdout?: unknown }).stdout ?? '');
  }
  const answer = out.trim();
  if (answer === 'true') return { state: 'on', how: 'FileVault' };
  if (answer === 'false') return { state: 'off', how: 'FileVault' };
  return { state: 'unknown' };
}

/** `root` lets tests point at a fake /sys and /proc tree. */
export function linuxDmCrypt(dir: string, root = '/', statDev: (p: string) => number = (p) => fs.statSync(p).dev): boolean {
  const names = new Set<string>();
  const fromDev = blockNameFromDev(root, statDev(dir));
  if (fromDev) names.add(fromDev);
  const fromMounts = blockNameFromMounts(root, dir);
  if (fromMounts) names.add(fromMounts);
  return [...names].some((name) => isCryptBacked(root, name, 0));
}

/** glibc's encoding of st_dev into major:minor. */
function majorMinor(dev: number): string {
  const d = BigInt(dev);
  const major = ((d >> 8n) & 0xfffn) | ((d >> 32n) & ~0xfffn);
  const minor = (d & 0xffn) | ((d >> 12n) & ~0xffn);
  return `${major}:${minor}`;
}

function blockNameFromDev(root: string, dev: number): string | null {
  try {
    return path.basename(fs.realpathSync(path.join(root, 'sys/dev/block', majorMinor(dev))));
  } catch {
    return null;
  }
}

/** The device of the longest mount point containing `dir`, from /proc/mounts. */
function blockNameFromMounts(root: string, dir: string): string | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(root, 'proc/mounts'), 'utf8');
  } catch {
    return null;
  }
  const target = safeRealpath(dir);
  let best: { point: string; device: string } | null = null;
  for (const line of text.split('\n')) {
    const [device, rawPoint] = line.split(' ');
    if (!device || !rawPoint || !device.startsWith('/dev/')) continue;
    const point = rawPoint.replace(/\\040/g, ' ');
    const inside = point === '/' || target === point || target.startsWith(`${point}/`);
    if (inside && (!best || point.length > best.point.length)) best = { point, device };
  }
  if (!best) return null;
  // /dev/mapper/<name> is a symlink to /dev/dm-N; a real /dev is not there under a test root.
  const devPath = root === '/' ? safeRealpath(best.device) : best.device;
  const mapper = /^\/dev\/mapper\/(.+)$/.exec(devPath);
  return mapper ? dmNameToBlock(root, mapper[1]!) : path.basename(devPath);
}

function dmNameToBlock(root: string, mapperName: string): string | null {
  const sysBlock = path.join(root, 'sys/block');
  for (const name of listDir(sysBlock)) {
    if (readText(path.join(sysBlock, name, 'dm/name')) === mapperName) return name;
  }
  return null;
}

/** A dm device whose uuid starts with CRYPT- is dm-crypt; LVM on LUKS is found through `slaves`. */
function isCryptBacked(root: string, name: string, depth: number): boolean {
  if (depth > 8) return false;
  const base = path.join(root, 'sys/class/block', name);
  if (readText(path.join(base, 'dm/uuid'))?.startsWith('CRYPT-')) return true;
  return listDir(path.join(base, 'slaves')).some((slave) => isCryptBacked(root, slave, depth + 1));
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

function listDir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

function safeRealpath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}
