import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { folderDriveSource } from '../../../src-main/dev/folder-drives';
import type { VaultService } from '../../../src-main/service';
import { tempDir } from '../../helpers/disk';
import { newService, pick, STRONG_PASSWORD, value } from '../../helpers/service';

/**
 * The renderer names no path: every file or folder reaches main as a handle the user chose, for
 * one purpose. These are the attacks a compromised renderer would try, through `invoke`.
 */

const services: VaultService[] = [];
afterEach(() => {
  for (const s of services.splice(0)) s.close();
});

async function unlocked(overrides: Parameters<typeof newService>[0] = {}) {
  const made = await newService(overrides);
  services.push(made.service);
  value(await made.service.invoke('vault.create', { password: STRONG_PASSWORD }));
  value(await made.service.invoke('notes.create', { title: 'Intake', body: 'first session' }));
  return made;
}

const invalid = { ok: false, error: { code: 'INVALID_INPUT' } };

describe('a compromised renderer cannot name files', () => {
  it('a path where a handle belongs is refused at the boundary, for every channel that touches a file', async () => {
    const { service } = await unlocked();
    const target = tempDir('sv-attacker-');
    const victim = path.join(tempDir('sv-victim-'), 'secret.key');
    fs.writeFileSync(victim, 'key bytes');
    const attempts: [string, unknown][] = [
      ['backup.create', { folder: target }],
      ['backup.list', { folder: target }],
      ['backup.verify', { backup: victim }],
      ['backup.drill', { backup: victim }],
      ['backup.restore', { backup: victim, recoveryKey: 'x' }],
      ['vault.changePassword', { current: STRONG_PASSWORD, next: 'another long passphrase here', keyFile: victim }],
      ['vault.rotateRecoveryKey', { password: STRONG_PASSWORD, keyFile: victim }],
      ['export.client', { clientId: 'abcdef0123456789', folder: target }],
      ['incident.export', { id: 'abcdef0123456789', folder: target }],
      ['settings.update', { backupDir: target }],
    ];
    for (const [channel, input] of attempts) expect(await service.invoke(channel, input), channel).toMatchObject(invalid);
    expect(fs.readdirSync(target)).toEqual([]);
  });

  it('a handle chosen for one purpose does nothing for another: a key file is not a backup folder, a backup folder is not a key file', async () => {
    const { service } = await unlocked();
    const keyDir = tempDir('sv-keys-');
    const keyFile = path.join(keyDir, 'photo.jpg');
    fs.writeFileSync(keyFile, 'not really a photo');
    const keyHandle = await pick(service, 'key-file', keyFile);
    const usb = tempDir('sv-usb-');
    const folder = await pick(service, 'backup-folder', usb);
    const exportFolder = await pick(service, 'export-folder', usb);

    expect(await service.invoke('backup.create', { folder: keyHandle })).toMatchObject(invalid);
    expect(await service.invoke('backup.create', { folder: exportFolder })).toMatchObject(invalid);
    expect(await service.invoke('vault.rotateRecoveryKey', { password: STRONG_PASSWORD, keyFile: folder })).toMatchObject(invalid);
    const made = value(await service.invoke('backup.create', { folder }));
    expect(await service.invoke('backup.restore', { backup: folder, password: STRONG_PASSWORD })).toMatchObject(invalid);
    expect(await service.invoke('backup.verify', { backup: keyHandle })).toMatchObject(invalid);
    expect(await service.invoke('vault.unlock', { password: STRONG_PASSWORD, keyFile: made.handle })).toMatchObject(invalid);
    expect(fs.readdirSync(keyDir)).toEqual(['photo.jpg']);
    // A made-up handle of the right shape is refused the same way, with no hint of why.
    const forged = await service.invoke('backup.verify', { backup: `fh_${'ab'.repeat(16)}` });
    expect(forged).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'That file or folder was not chosen for this. Choose it again.' } });
  });

  it('what is chosen must exist and be the right kind; the answer never repeats the path', async () => {
    const { service } = await unlocked();
    const dir = tempDir('sv-choose-');
    const file = path.join(dir, 'note.txt');
    fs.writeFileSync(file, 'x');
    const cases: [string, string][] = [
      ['backup-folder', file],
      ['export-folder', path.join(dir, 'missing')],
      ['backup-file', dir],
      ['key-file', path.join(dir, 'missing.key')],
      ['key-file', 'relative/photo.jpg'],
    ];
    for (const [purpose, typedPath] of cases) {
      const res = await service.invoke('files.choose', { purpose, typedPath });
      expect(res, `${purpose} ${typedPath}`).toMatchObject(invalid);
      if (!res.ok) expect(res.error.message).not.toContain(dir);
    }
    // Closing the chooser without a choice is not an error.
    expect(value(await service.invoke('files.choose', { purpose: 'backup-folder' }))).toEqual({ chosen: null });
    expect(value(await service.invoke('files.choose', { purpose: 'export-folder', typedPath: dir })).chosen).toMatchObject({ name: path.basename(dir), drive: null });
  });
});

describe('drives and the backups on them', () => {
  it('lists plugged-in drives with space, file system and the backups in their top folder and `SessionVault Backups/`, newest first', async () => {
    const drives = tempDir('sv-drives-');
    fs.mkdirSync(path.join(drives, 'KINGSTON'));
    fs.mkdirSync(path.join(drives, 'T7'));
    let clock = Date.UTC(2026, 0, 31, 18, 0, 0);
    const { service } = await unlocked({ driveSource: folderDriveSource(drives, { T7: 'exFAT' }), now: () => clock });
    const first = value(await service.invoke('drives.list', {}));
    expect(first.chooser).toBe('typed');
    expect(first.drives.map((d) => [d.label, d.fileSystem, d.readOnly, d.warning, d.backups])).toEqual([
      ['KINGSTON', 'FAT32', false, null, []],
      ['T7', 'exFAT', false, null, []],
    ]);
    expect(first.drives[0]!.freeBytes).toBeGreaterThan(0);
    expect(first.drives[0]!.totalBytes).toBeGreaterThanOrEqual(first.drives[0]!.freeBytes);

    const older = value(await service.invoke('backup.create', { folder: first.drives[0]!.backupFolder }));
    expect(path.dirname(older.path)).toBe(path.join(drives, 'KINGSTON', 'SessionVault Backups'));
    clock += 3_600_000;
    // A backup someone copied to the drive's top folder by hand is found too.
    const newer = value(await service.invoke('backup.create', { folder: first.drives[0]!.backupFolder }));
    fs.renameSync(newer.path, path.join(drives, 'KINGSTON', path.basename(newer.path)));

    const [kingston] = value(await service.invoke('drives.list', {})).drives;
    expect(kingston!.backups.map((b) => [b.name, b.createdAt, b.notes, b.sameVault])).toEqual([
      [path.basename(newer.path), clock, 1, true],
      [path.basename(older.path), clock - 3_600_000, 1, true],
    ]);
    expect(kingston!.backups[1]!.verified).toBe(true);
    // Polling gives the same handles: nothing piles up in main.
    expect(value(await service.invoke('drives.list', {})).drives[0]!.backups.map((b) => b.handle)).toEqual(kingston!.backups.map((b) => b.handle));

    // Locked: still listed, not checked against the vault.
    value(await service.invoke('vault.lock', {}));
    const locked = value(await service.invoke('drives.list', {})).drives[0]!;
    expect(locked.backups.map((b) => b.verified)).toEqual([false, false]);
    expect(locked.backups.map((b) => b.notes)).toEqual([1, 1]);
  });

  it('remembers the folder of the last backup as a handle; the renderer cannot set it', async () => {
    const drives = tempDir('sv-drives-');
    fs.mkdirSync(path.join(drives, 'KINGSTON'));
    const { service } = await unlocked({ driveSource: folderDriveSource(drives) });
    expect(value(await service.invoke('backup.lastFolder', {}))).toEqual({ folder: null });
    const [drive] = value(await service.invoke('drives.list', {})).drives;
    value(await service.invoke('backup.create', { folder: drive!.backupFolder }));
    const { folder } = value(await service.invoke('backup.lastFolder', {}));
    expect(folder).toMatchObject({ name: 'SessionVault Backups', drive: 'KINGSTON' });
    expect(value(await service.invoke('backup.list', { folder: folder!.handle }))).toHaveLength(1);
    expect(await service.invoke('settings.update', { backupDir: '/tmp' })).toMatchObject(invalid);
    // Unplugged: nothing to offer; plugged in again: the same folder.
    fs.renameSync(path.join(drives, 'KINGSTON'), path.join(drives, 'elsewhere'));
    expect(value(await service.invoke('backup.lastFolder', {}))).toEqual({ folder: null });
    fs.renameSync(path.join(drives, 'elsewhere'), path.join(drives, 'KINGSTON'));
    expect(value(await service.invoke('backup.lastFolder', {})).folder?.handle).toBe(folder!.handle);
  });

  it('warns on a FAT32 drive when the vault nears the 4 GB file limit, not on exFAT', async () => {
    const drives = tempDir('sv-drives-');
    fs.mkdirSync(path.join(drives, 'KINGSTON'));
    fs.mkdirSync(path.join(drives, 'T7'));
    const dataDir = tempDir('sv-big-vault-');
    // A sparse 3.5 GB vault file: only its size matters here (the listing never needs to open it).
    const fd = fs.openSync(path.join(dataDir, 'vault.db'), 'w');
    fs.ftruncateSync(fd, 3.5 * 1024 ** 3);
    fs.closeSync(fd);
    const made = await newService({ dataDir, driveSource: folderDriveSource(drives, { T7: 'exFAT' }) });
    services.push(made.service);
    const listed = value(await made.service.invoke('drives.list', {})).drives;
    expect(listed.map((d) => d.warning)).toEqual([
      'KINGSTON is formatted FAT32, which cannot hold a file of 4 GB or more; a backup of this vault is already 3.5 GB. Reformat the drive as exFAT (this erases it) or use another drive.',
      null,
    ]);
  });

  it('on a new computer the drive\'s backup restores straight from the list: no path anywhere', async () => {
    const drives = tempDir('sv-drives-');
    fs.mkdirSync(path.join(drives, 'KINGSTON'));
    const { service } = await unlocked({ driveSource: folderDriveSource(drives) });
    const [drive] = value(await service.invoke('drives.list', {})).drives;
    value(await service.invoke('backup.create', { folder: drive!.backupFolder }));

    const fresh = await newService({ driveSource: folderDriveSource(drives) });
    services.push(fresh.service);
    const [found] = value(await fresh.service.invoke('drives.list', {})).drives;
    expect(found!.backups).toHaveLength(1);
    expect(found!.backups[0]).toMatchObject({ verified: false, sameVault: false, readable: true, notes: 1 });
    const restored = value(await fresh.service.invoke('backup.restore', { backup: found!.backups[0]!.handle, password: STRONG_PASSWORD }));
    expect(restored).toMatchObject({ notes: 1, replacedFile: null });
    expect(value(await fresh.service.invoke('notes.list', {})).map((n) => n.title)).toEqual(['Intake']);
  });
});
