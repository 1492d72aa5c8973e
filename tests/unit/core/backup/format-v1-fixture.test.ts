import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../../../../src-main/core/crypto/sodium';
import { makeBackupV1, V1_NOTES, V1_PASSWORD, v1NoteBody } from '../../../fixtures/make-backup-v1';
import { scratchDirs, tempDir } from '../../../helpers/disk';
import { newService, pick, TEST_KDF, value } from '../../../helpers/service';

/**
 * A backup of format version 1, written from that version's definition (tests/fixtures/make-backup-v1.ts)
 * of a vault as the app wrote it then, must keep restoring, verifying and drilling on every later version.
 */
let made: { file: string; vaultId: string };
beforeAll(async () => {
  await initCrypto();
  made = makeBackupV1(tempDir('sv-v1-backup-'), V1_PASSWORD, TEST_KDF, V1_NOTES);
});

/** A copy, so nothing a test does can change the file made for the whole file's tests. */
function fixtureCopy(): string {
  const file = path.join(tempDir('sv-usb-'), path.basename(made.file));
  fs.copyFileSync(made.file, file);
  return file;
}

describe('a version-1 backup', () => {
  it('is version 1 on disk, in several chunks', () => {
    const bytes = fs.readFileSync(made.file);
    expect(bytes.subarray(0, 9).toString('latin1')).toBe('SVBACKUP\x01');
    // Four 64 KiB chunks, so the mutation fuzz can drop, swap and duplicate them.
    const header = JSON.parse(bytes.subarray(13, 13 + bytes.readUInt32BE(9)).toString('utf8')) as { chunkBytes: number; snapshotBytes: number };
    expect(header.chunkBytes).toBe(65_536);
    expect(header.snapshotBytes).toBeGreaterThan(3 * 65_536);
  });

  it('restores on a fresh install with its password: every note and the client, word for word', async () => {
    const { service, dataDir } = await newService();
    const restored = value(await service.invoke('backup.restore', { backup: await pick(service, 'backup-file', fixtureCopy()), password: V1_PASSWORD }));
    expect(restored).toMatchObject({ vaultId: made.vaultId, notes: 24, clients: 0, replacedFile: null });
    const list = value(await service.invoke('notes.list', {}));
    expect(list.map((n) => n.title).sort()).toEqual(Array.from({ length: 24 }, (_, i) => `Fixture note ${i}`).sort());
    for (const meta of list) {
      const i = Number(meta.title.replace('Fixture note ', ''));
      expect(value(await service.invoke('notes.get', { id: meta.id })).body).toBe(v1NoteBody(i));
    }
    expect(scratchDirs(dataDir)).toEqual([]);
  });

  it('verifies and drills with the restored vault, and a wrong password is refused', async () => {
    const { service } = await newService();
    const file = fixtureCopy();
    const wrong = await service.invoke('backup.restore', { backup: await pick(service, 'backup-file', file), password: 'not the fixture password' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    value(await service.invoke('backup.restore', { backup: await pick(service, 'backup-file', file), password: V1_PASSWORD }));
    expect(value(await service.invoke('backup.verify', { backup: await pick(service, 'backup-file', file) }))).toMatchObject({ verified: true, sameVault: true, notes: 24 });
    expect(value(await service.invoke('backup.drill', { backup: await pick(service, 'backup-file', file) }))).toMatchObject({ notes: 24, clients: 0, damaged: 0 });
  });
});
