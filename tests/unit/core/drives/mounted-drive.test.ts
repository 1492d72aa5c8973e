import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { BackupProgress } from '../../../../src-shared/ipc';
import { linuxDriveSource } from '../../../../src-main/core/drives/system-drives';
import type { VaultService } from '../../../../src-main/service';
import { tempDir } from '../../../helpers/disk';
import { newService, STRONG_PASSWORD, value } from '../../../helpers/service';

/**
 * Real mounts (Linux, as root, as CI runs): a tmpfs or a FAT32 image mounted where the desktop puts
 * USB sticks (a `media/<user>` folder of our own, given to the Linux reader as its media root), read
 * through the real /proc/self/mountinfo. Skipped, with the reason, only where mounting is impossible.
 */

function run(cmd: string, args: string[]): void {
  execFileSync(cmd, args, { stdio: 'pipe' });
}

function canRun(cmd: string, args: string[]): string | null {
  try {
    run(cmd, args);
    return null;
  } catch (e) {
    return (e as { stderr?: Buffer }).stderr?.toString().trim() || String(e);
  }
}

const probe = tempDir('sv-mount-probe-');
const cannotMount = process.platform !== 'linux' ? 'not Linux' : canRun('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe]);
if (!cannotMount) run('umount', [probe]);
/** A FAT32 image needs mkfs.vfat and a kernel that mounts vfat; an ext2 image (e2fsprogs, in every Debian) stands in for a stick to pull. */
function imageProblem(mkfs: string, args: string[]): string | null {
  if (cannotMount) return cannotMount;
  const image = path.join(tempDir('sv-image-probe-'), 'probe.img');
  fs.writeFileSync(image, Buffer.alloc(0));
  fs.truncateSync(image, 40 * 1024 ** 2);
  const made = canRun(mkfs, [...args, image]);
  if (made) return `${mkfs} failed: ${made}`;
  const at = tempDir('sv-image-mount-');
  const mounted = canRun('mount', ['-o', 'loop', image, at]);
  if (mounted) return `cannot mount the image here: ${mounted}`;
  canRun('umount', [at]);
  return null;
}
const noFat32 = imageProblem('mkfs.vfat', ['-F', '32']);
const noExt2 = imageProblem('mke2fs', ['-q', '-F']);

const mounted: string[] = [];
function mount(args: string[], at: string): void {
  fs.mkdirSync(at, { recursive: true });
  run('mount', [...args, at]);
  mounted.push(at);
}
afterAll(() => {
  for (const at of mounted.reverse()) canRun('umount', ['-l', at]);
});

let service: VaultService | undefined;
afterEach(() => {
  service?.close();
  service = undefined;
});

function media() {
  const root = tempDir('sv-media-');
  const mediaRoot = path.join(root, 'media', 'ann');
  fs.mkdirSync(mediaRoot, { recursive: true });
  return { mediaRoot, driveSource: linuxDriveSource({ mediaRoots: [mediaRoot] }) };
}

async function vaultWithNotes(o: Parameters<typeof newService>[0]) {
  const made = await newService(o);
  service = made.service;
  value(await made.service.invoke('vault.create', { password: STRONG_PASSWORD }));
  for (const title of ['Intake', 'Session 2']) value(await made.service.invoke('notes.create', { title, body: `${title} notes` }));
  return made.service;
}

describe.skipIf(cannotMount)(`a drive really mounted${cannotMount ? ` (skipped: cannot mount here: ${cannotMount})` : ''}`, () => {
  it('a tmpfs stick under /media/$USER: found, backed up to in one step, listed, and restored on a new computer', async () => {
    const { mediaRoot, driveSource } = media();
    const stick = path.join(mediaRoot, 'KINGSTON');
    mount(['-t', 'tmpfs', '-o', 'size=32m', 'tmpfs'], stick);
    const s = await vaultWithNotes({ driveSource });
    const [drive] = value(await s.invoke('drives.list', {})).drives;
    expect(drive).toMatchObject({ label: 'KINGSTON', fileSystem: 'tmpfs', readOnly: false, backups: [] });
    expect(drive!.totalBytes).toBe(32 * 1024 ** 2);

    const made = value(await s.invoke('backup.create', { folder: drive!.backupFolder }));
    expect(path.dirname(made.path)).toBe(path.join(stick, 'SessionVault Backups'));
    const [after] = value(await s.invoke('drives.list', {})).drives;
    expect(after!.backups.map((b) => [b.name, b.verified, b.notes])).toEqual([[path.basename(made.path), true, 2]]);
    expect(after!.freeBytes).toBeLessThan(drive!.freeBytes);

    const fresh = await newService({ driveSource });
    try {
      const [found] = value(await fresh.service.invoke('drives.list', {})).drives;
      expect(found!.backups).toHaveLength(1);
      const restored = value(await fresh.service.invoke('backup.restore', { backup: found!.backups[0]!.handle, password: STRONG_PASSWORD }));
      expect(restored.notes).toBe(2);
      expect(value(await fresh.service.invoke('notes.list', {})).map((n) => n.title).sort()).toEqual(['Intake', 'Session 2']);
    } finally {
      fresh.service.close();
    }
  });

  it('a stick too small for the backup: DISK_FULL naming it, before anything is written', async () => {
    const { mediaRoot, driveSource } = media();
    const stick = path.join(mediaRoot, 'TINY');
    mount(['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs'], stick);
    const s = await vaultWithNotes({ driveSource });
    const [drive] = value(await s.invoke('drives.list', {})).drives;
    const res = await s.invoke('backup.create', { folder: drive!.backupFolder });
    expect(res).toMatchObject({ ok: false, error: { code: 'DISK_FULL', message: expect.stringMatching(/^TINY has \d+ KB free, but this backup needs/) } });
    expect(fs.readdirSync(stick)).toEqual([]);
  });

  it('a read-only stick: IO_ERROR naming it by its label', async () => {
    const { mediaRoot, driveSource } = media();
    const stick = path.join(mediaRoot, 'LOCKED');
    mount(['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs'], stick);
    run('mount', ['-o', 'remount,ro', stick]);
    const s = await vaultWithNotes({ driveSource });
    const [drive] = value(await s.invoke('drives.list', {})).drives;
    expect(drive!.readOnly).toBe(true);
    const res = await s.invoke('backup.create', { folder: drive!.backupFolder });
    expect(res).toMatchObject({ ok: false, error: { code: 'IO_ERROR', message: 'LOCKED is read-only, so nothing can be written to it. Choose another drive or folder.' } });
  });

  function image(mkfs: string, args: string[]): string {
    const file = path.join(tempDir('sv-image-'), 'stick.img');
    fs.writeFileSync(file, Buffer.alloc(0));
    fs.truncateSync(file, 40 * 1024 ** 2);
    run(mkfs, [...args, file]);
    return file;
  }

  it.skipIf(noFat32)(`a FAT32 stick shows as FAT32 under its label and takes a backup${noFat32 ? ` (skipped: ${noFat32})` : ''}`, async () => {
    const { mediaRoot, driveSource } = media();
    const stick = path.join(mediaRoot, 'KINGSTON');
    mount(['-o', 'loop', image('mkfs.vfat', ['-F', '32', '-n', 'KINGSTON'])], stick);
    const s = await vaultWithNotes({ driveSource });
    const [drive] = value(await s.invoke('drives.list', {})).drives;
    expect(drive).toMatchObject({ label: 'KINGSTON', fileSystem: 'FAT32', warning: null });
    const made = value(await s.invoke('backup.create', { folder: drive!.backupFolder }));
    expect(value(await s.invoke('drives.list', {})).drives[0]!.backups.map((b) => b.name)).toEqual([path.basename(made.path)]);
  });

  it.skipIf(noExt2)(`a stick pulled during the backup: the message says so, and plugged in again it holds nothing that looks like a backup${noExt2 ? ` (skipped: ${noExt2})` : ''}`, async () => {
    const { mediaRoot, driveSource } = media();
    const file = image('mke2fs', ['-q', '-F']);
    const stick = path.join(mediaRoot, 'KINGSTON');
    mount(['-o', 'loop', file], stick);
    let pull = false;
    const s = await vaultWithNotes({
      driveSource,
      onEvent: (event, payload) => {
        // Lazily unmounted while the new file is read back: its path is gone at once, as when the stick is pulled.
        if (pull && event === 'backup.progress' && (payload as BackupProgress).phase === 'verify') {
          pull = false;
          run('umount', ['-l', stick]);
        }
      },
    });
    const [drive] = value(await s.invoke('drives.list', {})).drives;
    const first = value(await s.invoke('backup.create', { folder: drive!.backupFolder }));

    pull = true;
    const res = await s.invoke('backup.create', { folder: drive!.backupFolder });
    expect(res).toMatchObject({ ok: false, error: { code: 'IO_ERROR', message: expect.stringContaining('KINGSTON was removed before the backup was finished') } });
    expect(value(await s.invoke('drives.list', {})).drives).toEqual([]);

    // Plugged in again: the first backup is there and listed; the cut-off one never got a backup's name.
    await new Promise((r) => setTimeout(r, 200)); // the lazy unmount completes once the app's files are closed
    run('mount', ['-o', 'loop', file, stick]);
    const names = fs.readdirSync(path.join(stick, 'SessionVault Backups'));
    expect(names.filter((n) => n.endsWith('.svbackup'))).toEqual([path.basename(first.path)]);
    const [again] = value(await s.invoke('drives.list', {})).drives;
    expect(again!.backups.map((b) => b.name)).toEqual([path.basename(first.path)]);
  });
});
