import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { VaultService } from '../../../../src-main/service';
import { tempDir } from '../../../helpers/disk';
import { newService, pick, STRONG_PASSWORD, value } from '../../../helpers/service';

let service: VaultService | undefined;
afterEach(() => {
  service?.close();
  service = undefined;
});

async function vaultWithBackup() {
  const clock = { now: Date.UTC(2026, 5, 1) };
  const made = await newService({ now: () => clock.now });
  value(await made.service.invoke('vault.create', { password: STRONG_PASSWORD }));
  value(await made.service.invoke('notes.create', { title: 'A', body: 'b' }));
  const backup = value(await made.service.invoke('backup.create', { folder: await pick(made.service, 'backup-folder', tempDir('sv-usb-')) })).path;
  value(await made.service.invoke('vault.lock', {}));
  made.service.close();
  return { clock, dataDir: made.dataDir, backup };
}

describe('the backup-password delay', () => {
  it('survives a restart of the app, like the unlock delay', async () => {
    const { clock, backup } = await vaultWithBackup();
    const freshInstall = tempDir('sv-fresh-');
    ({ service } = await newService({ dataDir: freshInstall, now: () => clock.now }));
    const file = await pick(service, 'backup-file', backup);
    for (let i = 0; i < 3; i++) {
      expect(await service.invoke('backup.restore', { backup: file, password: `wrong guess ${i} here` })).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    }
    service.close();
    ({ service } = await newService({ dataDir: freshInstall, now: () => clock.now }));
    const again = await pick(service, 'backup-file', backup);
    expect(await service.invoke('backup.restore', { backup: again, password: STRONG_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED', retryAfterSeconds: 2 },
    });
    clock.now += 2000;
    value(await service.invoke('backup.restore', { backup: again, password: STRONG_PASSWORD }));
  });

  it('every wrong backup password is in the audit trail, so deleting the counter file does not hide the guessing', async () => {
    const { clock, dataDir, backup } = await vaultWithBackup();
    ({ service } = await newService({ dataDir, now: () => clock.now }));
    // Locked: the attempts wait unsealed, then are sealed at the next unlock, marked as such.
    const file = await pick(service, 'backup-file', backup);
    for (let i = 0; i < 2; i++) await service.invoke('backup.restore', { backup: file, password: `locked guess ${i} here` });
    fs.rmSync(path.join(dataDir, 'backup-attempts.json'));
    clock.now += 1000;
    value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD }));
    // Unlocked: a wrong password for a backup is sealed at once.
    await service.invoke('backup.verify', { backup: file, password: 'unlocked guess here' });
    const failed = value(await service.invoke('audit.list', { type: 'vault.unlockFailed' }));
    expect(failed.map((e) => [e.detail, e.whileLocked ?? false])).toEqual([
      ['backup', false],
      ['backup', true],
      ['backup', true],
    ]);
    expect(value(await service.invoke('audit.verify', {})).ok).toBe(true);
  });
});
