import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BackupProgress } from '../../../../src-shared/ipc';
import { folderDriveSource } from '../../../../src-main/dev/folder-drives';
import type { VaultService } from '../../../../src-main/service';
import { scratchDirs, tempDir } from '../../../helpers/disk';
import { newService, STRONG_PASSWORD, value } from '../../../helpers/service';

/**
 * Faults on the backup drive: a stick pulled mid-backup, one that corrupts what it stores, one
 * too small or read-only. The drive is a folder standing for a plugged-in stick (folder-drives.ts);
 * tests/unit/core/drives/mounted-drive.test.ts does the same on real mounts.
 */

let service: VaultService | undefined;
afterEach(() => {
  vi.restoreAllMocks();
  service?.close();
  service = undefined;
});

async function withStick() {
  const drives = tempDir('sv-drives-');
  const stick = path.join(drives, 'KINGSTON');
  fs.mkdirSync(stick);
  let onProgress: (p: BackupProgress) => void = () => {};
  const made = await newService({
    driveSource: folderDriveSource(drives),
    onEvent: (event, payload) => {
      if (event === 'backup.progress') onProgress(payload as BackupProgress);
    },
  });
  service = made.service;
  value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
  value(await service.invoke('notes.create', { title: 'Intake', body: 'first session' }));
  const [drive] = value(await service.invoke('drives.list', {})).drives;
  return {
    s: service,
    dataDir: made.dataDir,
    stick,
    backups: path.join(stick, 'SessionVault Backups'),
    folder: drive!.backupFolder,
    during: (hook: (p: BackupProgress) => void) => (onProgress = hook),
  };
}

const looksLikeBackup = (name: string) => name.endsWith('.svbackup');

describe('a backup on a drive keeps a temporary name until it is verified', () => {
  it('while the new file is read back and checked, nothing in the folder looks like a backup', async () => {
    const { s, backups, folder, during } = await withStick();
    const seen: string[][] = [];
    during((p) => {
      if (p.phase === 'verify') seen.push(fs.readdirSync(backups));
    });
    const made = value(await s.invoke('backup.create', { folder }));
    expect(seen.length).toBeGreaterThan(0);
    for (const names of seen) {
      expect(names.filter(looksLikeBackup)).toEqual([]);
      expect(names).toEqual([`${path.basename(made.path)}.partial`]);
    }
    expect(fs.readdirSync(backups)).toEqual([path.basename(made.path)]);
  });

  it('a stick that corrupts what it stores: the check fails, the bad file is removed, the older backup stays', async () => {
    const { s, backups, folder, during } = await withStick();
    const older = value(await s.invoke('backup.create', { folder })).path;
    during((p) => {
      if (p.phase !== 'encrypt' || p.done !== p.total) return;
      // One bit lost on the stick after it was written.
      const partial = path.join(backups, fs.readdirSync(backups).find((n) => n.endsWith('.partial'))!);
      const bytes = fs.readFileSync(partial);
      bytes[bytes.length - 40]! ^= 0x01;
      fs.writeFileSync(partial, bytes);
    });
    const res = await s.invoke('backup.create', { folder });
    expect(res).toMatchObject({ ok: false, error: { code: 'BACKUP_CORRUPT', message: expect.stringContaining('did not pass its check') } });
    expect(fs.readdirSync(backups)).toEqual([path.basename(older)]);
    const listed = value(await s.invoke('backup.list', { folder }));
    expect(listed.map((b) => [b.name, b.verified])).toEqual([[path.basename(older), true]]);
  });

  it('a stick pulled during the backup: the message says it was removed, and it holds nothing that looks like a backup', async () => {
    const { s, dataDir, stick, folder, during } = await withStick();
    const pulled = `${stick}-pulled`;
    during((p) => {
      // Renaming keeps what was on the stick for inspection; its path is gone, as when it is pulled.
      if (p.phase === 'verify' && fs.existsSync(stick)) fs.renameSync(stick, pulled);
    });
    const res = await s.invoke('backup.create', { folder });
    expect(res).toMatchObject({ ok: false, error: { code: 'IO_ERROR', message: expect.stringContaining('KINGSTON was removed') } });
    if (!res.ok) expect(res.error.message).not.toContain(stick);
    const left = fs.readdirSync(path.join(pulled, 'SessionVault Backups'));
    expect(left.filter(looksLikeBackup)).toEqual([]);
    expect(scratchDirs(dataDir)).toEqual([]);

    // Plugged in again: no backup is listed from the cut-off attempt, and the next backup tidies its leftover.
    during(() => {});
    fs.renameSync(pulled, stick);
    const [drive] = value(await s.invoke('drives.list', {})).drives;
    expect(drive!.backups).toEqual([]);
    const made = value(await s.invoke('backup.create', { folder }));
    expect(fs.readdirSync(path.join(stick, 'SessionVault Backups'))).toEqual([path.basename(made.path)]);
  });
});

describe('a drive that cannot take the backup is refused before anything is written', () => {
  it('too small: DISK_FULL naming the drive, and not even the backup folder is made', async () => {
    const { s, stick, dataDir, folder } = await withStick();
    const real = fs.statfsSync;
    vi.spyOn(fs, 'statfsSync').mockImplementation(((target: fs.PathLike, ...rest: unknown[]) => {
      const stats = (real as (...a: unknown[]) => fs.StatsFs)(target, ...rest);
      // 40 KB free on the stick: smaller than any backup.
      return String(target).startsWith(stick) ? { ...stats, bsize: 4096, bavail: 10, bfree: 10 } : stats;
    }) as typeof fs.statfsSync);
    const res = await s.invoke('backup.create', { folder });
    expect(res).toMatchObject({ ok: false, error: { code: 'DISK_FULL', message: expect.stringMatching(/^KINGSTON has 40 KB free, but this backup needs .*nothing was written/) } });
    expect(fs.readdirSync(stick)).toEqual([]);
    expect(scratchDirs(dataDir)).toEqual([]);
  });

  it('read-only: IO_ERROR that names the drive by its label, never its path', async () => {
    const { s, stick, folder } = await withStick();
    const real = fs.mkdirSync;
    vi.spyOn(fs, 'mkdirSync').mockImplementation(((target: fs.PathLike, ...rest: unknown[]) => {
      if (String(target).startsWith(stick)) throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
      return (real as (...a: unknown[]) => unknown)(target, ...rest);
    }) as typeof fs.mkdirSync);
    const res = await s.invoke('backup.create', { folder });
    expect(res).toMatchObject({ ok: false, error: { code: 'IO_ERROR', message: 'KINGSTON is read-only, so nothing can be written to it. Choose another drive or folder.' } });
    expect(fs.readdirSync(stick)).toEqual([]);
  });
});
