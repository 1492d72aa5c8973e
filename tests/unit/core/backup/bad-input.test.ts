import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { VaultService } from '../../../../src-main/service';
import { recordsFingerprint, scratchDirs, tempDir, vaultFingerprint } from '../../../helpers/disk';
import { newService, pick, STRONG_PASSWORD, value } from '../../../helpers/service';

const OTHER_PASSWORD = 'a different long passphrase for vault two';

let service: VaultService;
let dataDir: string;
let usb: string;
let good: string;
let foreign: string;
let foreignRecovery: string;

beforeAll(async () => {
  ({ service, dataDir } = await newService());
  value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
  value(await service.invoke('notes.create', { title: 'Intake', body: 'first session' }));
  usb = tempDir('sv-usb-');
  good = value(await service.invoke('backup.create', { folder: await pick(service, 'backup-folder', usb) })).path;

  const other = await newService();
  foreignRecovery = value(await other.service.invoke('vault.create', { password: OTHER_PASSWORD })).recoveryKey;
  value(await other.service.invoke('notes.create', { title: 'Other', body: 'other vault' }));
  foreign = value(await other.service.invoke('backup.create', { folder: await pick(other.service, 'backup-folder', tempDir('sv-usb-other-')) })).path;
  other.service.close();
}, 120_000);

afterEach(() => vi.restoreAllMocks());

const backupFile = (file: string, s = service) => pick(s, 'backup-file', file);
const backupFolder = (dir: string, s = service) => pick(s, 'backup-folder', dir);

function copyWith(edit: (b: Buffer) => Buffer): string {
  const file = path.join(tempDir('sv-bad-'), 'edited.svbackup');
  fs.writeFileSync(file, edit(Buffer.from(fs.readFileSync(good))));
  return file;
}

describe('bad backup files', () => {
  it('refuses a backup of another vault with BACKUP_WRONG_VAULT, for verify and drill', async () => {
    const before = vaultFingerprint(dataDir);
    expect(await service.invoke('backup.verify', { backup: await backupFile(foreign) })).toMatchObject({ ok: false, error: { code: 'BACKUP_WRONG_VAULT' } });
    expect(await service.invoke('backup.drill', { backup: await backupFile(foreign) })).toMatchObject({ ok: false, error: { code: 'BACKUP_WRONG_VAULT' } });
    expect(vaultFingerprint(dataDir)).toBe(before);
  });

  it('verifies a file from elsewhere with its own password, without touching this vault', async () => {
    const records = recordsFingerprint(dataDir);
    const res = value(await service.invoke('backup.verify', { backup: await backupFile(foreign), password: OTHER_PASSWORD }));
    expect(res).toMatchObject({ verified: true, sameVault: false, notes: 1 });
    expect(recordsFingerprint(dataDir)).toBe(records);
    expect(await service.invoke('backup.verify', { backup: await backupFile(foreign), password: STRONG_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_CREDENTIALS' },
    });
    // The wrong password is recorded in the audit trail; no record changes.
    expect(recordsFingerprint(dataDir)).toBe(records);
  });

  it('refuses a newer format version with BACKUP_UNSUPPORTED_VERSION, also on a fresh install', async () => {
    const newer = copyWith((b) => {
      b[8] = 3;
      return b;
    });
    expect(await service.invoke('backup.verify', { backup: await backupFile(newer) })).toMatchObject({ ok: false, error: { code: 'BACKUP_UNSUPPORTED_VERSION' } });
    const fresh = await newService();
    try {
      const res = await fresh.service.invoke('backup.restore', { backup: await backupFile(newer, fresh.service), password: STRONG_PASSWORD });
      expect(res).toMatchObject({ ok: false, error: { code: 'BACKUP_UNSUPPORTED_VERSION' } });
      expect(value(await fresh.service.invoke('vault.status', {})).state).toBe('absent');
      expect(fs.existsSync(path.join(fresh.dataDir, 'vault.db'))).toBe(false);
    } finally {
      fresh.service.close();
    }
  });

  it('a damaged backup restored with the right password leaves the current vault byte-for-byte as it was', async () => {
    const damaged = copyWith((b) => {
      b[b.length - 5]! ^= 0x10; // inside the last chunk: every earlier chunk decrypts first
      return b;
    });
    const cut = copyWith((b) => b.subarray(0, b.length - 100));
    const before = vaultFingerprint(dataDir);
    for (const file of [damaged, cut]) {
      const res = await service.invoke('backup.restore', { backup: await backupFile(file), password: STRONG_PASSWORD });
      expect(res).toMatchObject({ ok: false, error: { code: 'BACKUP_CORRUPT' } });
    }
    expect(vaultFingerprint(dataDir)).toBe(before);
    expect(fs.readdirSync(dataDir).filter((n) => n.startsWith('vault.replaced'))).toEqual([]);
    expect(scratchDirs(dataDir)).toEqual([]);
    expect(value(await service.invoke('vault.status', {})).state).toBe('unlocked');
  });

  it('answers a wrong Recovery Key and a file gone since it was chosen with their codes; a zero-byte file and a folder cannot be chosen as a backup', async () => {
    const records = recordsFingerprint(dataDir);
    expect(await service.invoke('backup.restore', { backup: await backupFile(good), recoveryKey: foreignRecovery })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_CREDENTIALS' },
    });
    const before = vaultFingerprint(dataDir);
    const empty = path.join(tempDir('sv-bad-'), 'empty.svbackup');
    fs.writeFileSync(empty, '');
    // Refused when chosen, with the one answer every unfit path gets (it never reaches the reader).
    expect(await service.invoke('files.choose', { purpose: 'backup-file', typedPath: empty })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('not a SessionVault backup') },
    });
    expect(await service.invoke('files.choose', { purpose: 'backup-file', typedPath: usb })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const gone = path.join(tempDir('sv-bad-'), 'gone.svbackup');
    fs.copyFileSync(good, gone);
    const goneHandle = await backupFile(gone);
    fs.rmSync(gone);
    // Gone since it was chosen: the same one answer as any path that is not a backup.
    expect(await service.invoke('backup.verify', { backup: goneHandle })).toMatchObject({ ok: false, error: { code: 'BACKUP_CORRUPT' } });
    expect(vaultFingerprint(dataDir)).toBe(before);
    expect(recordsFingerprint(dataDir)).toBe(records);
  });
});

describe('bad backup targets', () => {
  it('a folder gone since it was chosen is IO_ERROR; a missing folder or a file cannot be chosen; nothing is written', async () => {
    const folder = tempDir('sv-usb-gone-');
    const handle = await backupFolder(folder);
    fs.rmSync(folder, { recursive: true });
    expect(await service.invoke('backup.create', { folder: handle })).toMatchObject({ ok: false, error: { code: 'IO_ERROR' } });
    expect(fs.existsSync(folder)).toBe(false);
    for (const typedPath of [path.join(usb, 'no-such-folder'), good]) {
      expect(await service.invoke('files.choose', { purpose: 'backup-folder', typedPath })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });

  it('a full disk is DISK_FULL: no partial file, older backups untouched', async () => {
    const target = tempDir('sv-usb-full-');
    const older = value(await service.invoke('backup.create', { folder: await backupFolder(target) })).path;
    const real = fs.writeSync;
    let calls = 0;
    vi.spyOn(fs, 'writeSync').mockImplementation(((...args: Parameters<typeof fs.writeSync>) => {
      if (++calls > 3) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      return (real as (...a: unknown[]) => number)(...args);
    }) as typeof fs.writeSync);
    const res = await service.invoke('backup.create', { folder: await backupFolder(target) });
    vi.restoreAllMocks();
    expect(res).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
    expect(fs.readdirSync(target)).toEqual([path.basename(older)]);
    expect(scratchDirs(dataDir)).toEqual([]);
  });

  it('a read-only drive is IO_ERROR with a plain message', async () => {
    const target = tempDir('sv-usb-ro-');
    const real = fs.openSync;
    vi.spyOn(fs, 'openSync').mockImplementation(((file: fs.PathLike, ...rest: unknown[]) => {
      if (String(file).endsWith('.partial')) throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
      return (real as (...a: unknown[]) => number)(file, ...rest);
    }) as typeof fs.openSync);
    const res = await service.invoke('backup.create', { folder: await backupFolder(target) });
    vi.restoreAllMocks();
    expect(res).toMatchObject({ ok: false, error: { code: 'IO_ERROR', message: expect.stringContaining('read-only') } });
    if (!res.ok) expect(res.error.message).not.toContain(target);
    expect(fs.readdirSync(target)).toEqual([]);
  });

  it('backing up needs the vault unlocked', async () => {
    const { service: s } = await newService();
    try {
      value(await s.invoke('vault.create', { password: STRONG_PASSWORD }));
      value(await s.invoke('vault.lock', {}));
      expect(await s.invoke('backup.create', { folder: await backupFolder(usb, s) })).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
      expect(await s.invoke('backup.drill', { backup: await backupFile(good, s) })).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    } finally {
      s.close();
    }
  });
});

describe('guessing a backup password through the app', () => {
  it('gets the same growing delay as the unlock screen', async () => {
    let clock = Date.UTC(2026, 5, 1);
    const fresh = await newService({ now: () => clock });
    try {
      for (let i = 0; i < 3; i++) {
        const res = await fresh.service.invoke('backup.restore', { backup: await backupFile(good, fresh.service), password: `guess number ${i} of many` });
        expect(res).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
      }
      const limited = await fresh.service.invoke('backup.verify', { backup: await backupFile(good, fresh.service), password: STRONG_PASSWORD });
      expect(limited).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', retryAfterSeconds: 2 } });
      clock += 2_000;
      expect(value(await fresh.service.invoke('backup.restore', { backup: await backupFile(good, fresh.service), password: STRONG_PASSWORD })).notes).toBe(1);
    } finally {
      fresh.service.close();
    }
  });
});
