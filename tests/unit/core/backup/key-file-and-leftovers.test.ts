import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchDirs, tempDir } from '../../../helpers/disk';
import { newService, pick, STRONG_PASSWORD, value } from '../../../helpers/service';

describe('backups of a vault with a key file', () => {
  it('restore on a new computer needs the key file with the password; the Recovery Key alone is enough', async () => {
    const keyFile = path.join(tempDir('sv-key-'), 'vault.key');
    fs.writeFileSync(keyFile, crypto.getRandomValues(new Uint8Array(64)));
    const { service } = await newService();
    let backup: string;
    let recoveryKey: string;
    try {
      recoveryKey = value(await service.invoke('vault.create', { password: STRONG_PASSWORD, keyFile: await pick(service, 'key-file', keyFile) })).recoveryKey;
      value(await service.invoke('notes.create', { title: 'Key file vault', body: 'kept' }));
      backup = value(await service.invoke('backup.create', { folder: await pick(service, 'backup-folder', tempDir('sv-usb-')) })).path;
    } finally {
      service.close();
    }

    const fresh = await newService();
    try {
      const chosen = await pick(fresh.service, 'backup-file', backup);
      const noKey = await fresh.service.invoke('backup.restore', { backup: chosen, password: STRONG_PASSWORD });
      expect(noKey).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS', message: expect.stringContaining('key file') } });
      const otherKey = path.join(tempDir('sv-key-'), 'other.key');
      fs.writeFileSync(otherKey, 'not the key file');
      const wrongKey = await fresh.service.invoke('backup.restore', { backup: chosen, password: STRONG_PASSWORD, keyFile: await pick(fresh.service, 'key-file', otherKey) });
      expect(wrongKey).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
      expect(value(await fresh.service.invoke('vault.status', {})).state).toBe('absent');

      expect(value(await fresh.service.invoke('backup.restore', { backup: chosen, password: STRONG_PASSWORD, keyFile: await pick(fresh.service, 'key-file', keyFile) })).notes).toBe(1);
      expect(value(await fresh.service.invoke('notes.list', {})).map((n) => n.title)).toEqual(['Key file vault']);
    } finally {
      fresh.service.close();
    }

    const viaRecovery = await newService();
    try {
      expect(value(await viaRecovery.service.invoke('backup.restore', { backup: await pick(viaRecovery.service, 'backup-file', backup), recoveryKey })).notes).toBe(1);
    } finally {
      viaRecovery.service.close();
    }
  });
});

describe('scratch folders left by a crash', () => {
  it('are removed when the app starts again', async () => {
    const dataDir = tempDir();
    const left = path.join(dataDir, '.sv-backup-tmp-abc123');
    fs.mkdirSync(left);
    fs.writeFileSync(path.join(left, 'snapshot.db'), 'half a snapshot');
    const { service } = await newService({ dataDir });
    service.close();
    expect(scratchDirs(dataDir)).toEqual([]);
  });
});
