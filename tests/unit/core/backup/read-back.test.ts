import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decryptBackup, readBackupHeader } from '../../../../src-main/core/backup/backup-reader';
import { sameAsSink } from '../../../../src-main/core/backup/plain-sinks';
import { tempDir } from '../../../helpers/disk';
import { newService, pick, STRONG_PASSWORD, value } from '../../../helpers/service';
import { openBackup, type OpenedBackup } from './forge';

/**
 * Create's read-back proves the written file decrypts to exactly the snapshot it was made from
 * (then checks that snapshot): a file that decrypts to anything else, one byte or one chunk off,
 * must fail it, or integrity_check would vouch for bytes the backup does not hold.
 */
let opened: OpenedBackup;
let backupFile: string;

beforeAll(async () => {
  const { service } = await newService();
  value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
  for (let i = 0; i < 4; i++) value(await service.invoke('notes.create', { title: `n${i}`, body: 'y'.repeat(30_000) }));
  backupFile = value(await service.invoke('backup.create', { folder: await pick(service, 'backup-folder', tempDir('sv-usb-')) })).path;
  opened = await openBackup(backupFile, STRONG_PASSWORD);
}, 60_000);

function snapshotLike(edit: (bytes: Buffer) => Buffer): string {
  const file = path.join(tempDir('sv-readback-'), 'snapshot.db');
  fs.writeFileSync(file, edit(fs.readFileSync(opened.snapshotFile)));
  return file;
}

const readBack = (snapshot: string) => decryptBackup(backupFile, readBackupHeader(backupFile), opened.masterKey, () => sameAsSink(snapshot));

describe("create's read-back compares the decrypted file with the snapshot", () => {
  it('passes for the snapshot the file was written from', async () => {
    await expect(readBack(snapshotLike((b) => b))).resolves.toBeUndefined();
  });

  it('fails when one byte differs, or the snapshot is longer than what the file holds', async () => {
    const flipped = snapshotLike((b) => {
      b[b.length - 100]! ^= 1;
      return b;
    });
    await expect(readBack(flipped)).rejects.toMatchObject({ code: 'BACKUP_CORRUPT' });
    await expect(readBack(snapshotLike((b) => Buffer.concat([b, Buffer.alloc(4096)])))).rejects.toMatchObject({ code: 'BACKUP_CORRUPT' });
  });
});
