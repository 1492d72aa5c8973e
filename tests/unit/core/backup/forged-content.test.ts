import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VaultService } from '../../../../src-main/service';
import { newService, pick, STRONG_PASSWORD, value } from '../../../helpers/service';
import { damageTablePage, editSnapshot, openBackup, sealBackup, type OpenedBackup } from './forge';
import { scratchDirs, tempDir, vaultFingerprint } from '../../../helpers/disk';

/**
 * Backups that decrypt with the right key but must still be refused: the checks after decryption
 * (last chunk, integrity_check, vault id, counts) are what stands between them and the vault.
 */
let service: VaultService;
let dataDir: string;
let opened: OpenedBackup;
let snapshot: Buffer;

beforeAll(async () => {
  ({ service, dataDir } = await newService());
  value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
  const client = value(await service.invoke('clients.create', { displayName: 'Kept Client' }));
  // ~240 KB: several chunks at the forger's 64 KiB, so a last chunk not sealed as last sits after others.
  for (let i = 0; i < 6; i++) value(await service.invoke('notes.create', { title: `n${i}`, body: 'x'.repeat(40_000), clientId: client.id }));
  const real = value(await service.invoke('backup.create', { folder: await pick(service, 'backup-folder', tempDir('sv-usb-')) })).path;
  opened = await openBackup(real, STRONG_PASSWORD);
  snapshot = fs.readFileSync(opened.snapshotFile);
}, 120_000);
afterAll(() => service?.close());

/** Seals a forged backup on the drive and returns the handle the user gets for it when choosing it. */
async function forged(name: string, o: { snapshot?: Buffer; finalTag?: boolean; counts?: OpenedBackup['header']['counts'] } = {}): Promise<string> {
  const file = path.join(tempDir('sv-forged-'), `${name}.svbackup`);
  sealBackup(file, { header: { ...opened.header, ...(o.counts ? { counts: o.counts } : {}) }, snapshot: o.snapshot ?? snapshot, masterKey: opened.masterKey, finalTag: o.finalTag, chunkBytes: 64 * 1024 });
  return pick(service, 'backup-file', file);
}

describe('backups that decrypt but are not whole', () => {
  it('the forger itself makes backups the app accepts (so each refusal below is about one defect)', async () => {
    expect(value(await service.invoke('backup.verify', { backup: await forged('faithful') }))).toMatchObject({ verified: true, notes: 6 });
  });

  it('a stream whose last chunk is not sealed as the last, though it holds every promised byte, is refused', async () => {
    const file = await forged('no-final', { finalTag: false });
    const before = vaultFingerprint(dataDir);
    for (const attempt of [
      () => service.invoke('backup.verify', { backup: file }),
      () => service.invoke('backup.drill', { backup: file }),
      () => service.invoke('backup.restore', { backup: file, password: STRONG_PASSWORD }),
    ]) {
      expect(await attempt()).toMatchObject({ ok: false, error: { code: 'BACKUP_CORRUPT' } });
    }
    expect(vaultFingerprint(dataDir)).toBe(before);
    expect(scratchDirs(dataDir)).toEqual([]);
  });

  it('a vault copy with a damaged page (integrity_check fails, counts still right) is refused by verify, drill and restore', async () => {
    const file = await forged('damaged-page', { snapshot: damageTablePage(snapshot, 'audit') });
    const before = vaultFingerprint(dataDir);
    for (const channel of ['backup.verify', 'backup.drill'] as const) {
      expect(await service.invoke(channel, { backup: file })).toMatchObject({ ok: false, error: { code: 'BACKUP_CORRUPT' } });
    }
    expect(await service.invoke('backup.restore', { backup: file, password: STRONG_PASSWORD })).toMatchObject({ ok: false, error: { code: 'BACKUP_CORRUPT' } });
    expect(vaultFingerprint(dataDir)).toBe(before);
  });

  it('restore of a backup with wrong counts, another vault id inside, or a failed integrity check leaves the vault untouched', async () => {
    const cases = {
      counts: await forged('counts', { counts: { ...opened.header.counts, records: opened.header.counts.records + 1 } }),
      'vault id': await forged('vault-id', {
        snapshot: editSnapshot(opened.snapshotFile, (db) => {
          const row = db.prepare("SELECT value FROM meta WHERE key = 'header'").get() as { value: string };
          const header = JSON.parse(row.value) as { vaultId: string };
          db.prepare("UPDATE meta SET value = ? WHERE key = 'header'").run(JSON.stringify({ ...header, vaultId: 'f'.repeat(32) }));
        }),
      }),
      integrity: await forged('integrity', { snapshot: damageTablePage(snapshot, 'audit') }),
    };
    for (const [why, file] of Object.entries(cases)) {
      const before = vaultFingerprint(dataDir);
      const result = await service.invoke('backup.restore', { backup: file, password: STRONG_PASSWORD });
      expect({ why, result }).toMatchObject({ why, result: { ok: false, error: { code: 'BACKUP_CORRUPT' } } });
      expect(vaultFingerprint(dataDir)).toBe(before);
      expect(fs.readdirSync(dataDir).filter((n) => n.startsWith('vault.replaced-'))).toEqual([]);
    }
    // Still this vault, still unlocked with its own notes.
    expect(value(await service.invoke('notes.list', {}))).toHaveLength(6);
  });

  it('backup.create refuses to call a copy of a vault with a damaged page verified, and removes it', async () => {
    const made = await newService();
    value(await made.service.invoke('vault.create', { password: STRONG_PASSWORD }));
    value(await made.service.invoke('notes.create', { title: 'kept', body: 'kept' }));
    made.service.close();
    // Damage the audit table's page in vault.db itself: notes, heads and meta still read.
    const file = path.join(made.dataDir, 'vault.db');
    fs.writeFileSync(file, damageTablePage(fs.readFileSync(file), 'audit'));
    const db = new Database(file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).not.toBe('ok');
    db.close();
    const reopened = await newService({ dataDir: made.dataDir });
    value(await reopened.service.invoke('vault.unlock', { password: STRONG_PASSWORD }));
    const usb = tempDir('sv-usb-');
    expect(await reopened.service.invoke('backup.create', { folder: await pick(reopened.service, 'backup-folder', usb) })).toMatchObject({
      ok: false,
      error: { code: 'BACKUP_CORRUPT' },
    });
    expect(fs.readdirSync(usb)).toEqual([]);
    reopened.service.close();
  });
});
