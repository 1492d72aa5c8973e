import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchDirs, tempDir } from '../../../helpers/disk';
import { newService, pick, value } from '../../../helpers/service';

/**
 * A backup written by format version 1 (tests/fixtures/backup-v1, frozen: made by the app before
 * version 2 existed) must keep restoring, verifying and drilling on every later version.
 */
const FIXTURE = path.join(__dirname, '../../../fixtures/backup-v1/SessionVault-v1.svbackup');
const PASSWORD = 'frozen fixture: backup format 1';
const VAULT_ID = '3840f1a0943f529645452a3a227b7ec5';
const noteBody = (i: number) => `Version-1 fixture note ${i}. `.padEnd(8000, `Line ${i} of a note that fills a chunk. `);

/** A copy, so nothing a test does can change the committed file. */
function fixtureCopy(): string {
  const file = path.join(tempDir('sv-usb-'), 'SessionVault-2026-12-02-004535.svbackup');
  fs.copyFileSync(FIXTURE, file);
  return file;
}

describe('a version-1 backup (frozen fixture)', () => {
  it('is still version 1 on disk', () => {
    expect(fs.readFileSync(FIXTURE).subarray(0, 9).toString('latin1')).toBe('SVBACKUP\x01');
  });

  it('restores on a fresh install with its password: every note and the client, word for word', async () => {
    const { service, dataDir } = await newService();
    const restored = value(await service.invoke('backup.restore', { backup: await pick(service, 'backup-file', fixtureCopy()), password: PASSWORD }));
    expect(restored).toMatchObject({ vaultId: VAULT_ID, notes: 24, clients: 1, replacedFile: null });
    const list = value(await service.invoke('notes.list', {}));
    expect(list.map((n) => n.title).sort()).toEqual(Array.from({ length: 24 }, (_, i) => `Fixture note ${i}`).sort());
    for (const meta of list) {
      const i = Number(meta.title.replace('Fixture note ', ''));
      expect(value(await service.invoke('notes.get', { id: meta.id })).body).toBe(noteBody(i));
    }
    expect(value(await service.invoke('clients.list', {})).map((c) => c.displayName)).toEqual(['Fixture Client']);
    expect(scratchDirs(dataDir)).toEqual([]);
  });

  it('verifies and drills with the restored vault, and a wrong password is refused', async () => {
    const { service } = await newService();
    const file = fixtureCopy();
    const wrong = await service.invoke('backup.restore', { backup: await pick(service, 'backup-file', file), password: 'not the fixture password' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    value(await service.invoke('backup.restore', { backup: await pick(service, 'backup-file', file), password: PASSWORD }));
    expect(value(await service.invoke('backup.verify', { backup: await pick(service, 'backup-file', file) }))).toMatchObject({ verified: true, sameVault: true, notes: 24 });
    expect(value(await service.invoke('backup.drill', { backup: await pick(service, 'backup-file', file) }))).toMatchObject({ notes: 24, clients: 1, damaged: 0 });
  });
});
