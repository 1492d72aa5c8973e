import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { VaultService } from '../../../../src-main/service';
import { tempDir } from '../../../helpers/disk';
import { FakeClock } from '../../../helpers/fake-clock';
import { createdVault, pick, STRONG_PASSWORD, value, vaultService } from '../../../helpers/service';

let service: VaultService | undefined;
afterEach(() => service?.close());

/** A file with this content, chosen by the user as a key file: the handle main gives for it. */
async function keyFileWith(s: VaultService, content: string): Promise<string> {
  const file = path.join(tempDir('sv-keyfile-'), 'practice.jpg');
  fs.writeFileSync(file, content);
  return pick(s, 'key-file', file);
}

describe('adding a key file to a password-only vault', () => {
  it('after adding: the password alone fails, password + key file opens, the Recovery Key still opens; across a restart', async () => {
    const clock = new FakeClock();
    const v = await createdVault({ now: clock.now });
    service = v.service;
    const { id } = value(await service.invoke('notes.create', { title: 'Intake', body: 'Sleep.' }));
    const keyFilePath = path.join(tempDir('sv-keyfile-'), 'garden.jpg');
    fs.writeFileSync(keyFilePath, 'a photo of the garden, kept on another drive');
    const keyFile = await pick(service, 'key-file', keyFilePath);
    clock.setTime(clock.now() + 86_400_000);
    value(await service.invoke('vault.addKeyFile', { password: STRONG_PASSWORD, keyFile }));
    expect(value(await service.invoke('vault.status', {}))).toMatchObject({ state: 'unlocked', hasKeyFile: true });
    value(await service.invoke('vault.lock', {}));

    service.close();
    ({ service } = await vaultService({ dataDir: v.dataDir, now: clock.now }));
    expect(value(await service.invoke('vault.status', {}))).toMatchObject({ state: 'locked', hasKeyFile: true });
    expect(await service.invoke('vault.unlock', { password: STRONG_PASSWORD })).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    const other = await service.invoke('vault.unlock', { password: STRONG_PASSWORD, keyFile: await keyFileWith(service, 'another photo') });
    expect(other).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS', message: expect.stringContaining('key file') } });
    clock.setTime(clock.now() + 60_000); // past the growing delay after two wrong tries
    value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD, keyFile: await pick(service, 'key-file', keyFilePath) }));
    expect(value(await service.invoke('notes.get', { id })).title).toBe('Intake');
    value(await service.invoke('vault.lock', {}));
    value(await service.invoke('vault.unlock', { recoveryKey: v.recoveryKey }));

    // The password did not change: the Security Checkup keeps its date, and now shows the second factor.
    const lines = value(await service.invoke('checkup.run', {}));
    expect(lines.find((l) => l.id === 'password-age')?.detail).toContain('Changed yesterday');
    expect(lines.find((l) => l.id === 'key-file')).toMatchObject({ status: 'green' });
  });

  it('needs the right password, refuses a second key file and an unreadable one, and changes nothing then', async () => {
    const v = await createdVault();
    service = v.service;
    const keyFile = await keyFileWith(service, 'photo');
    expect(await service.invoke('vault.addKeyFile', { password: 'not my password at all', keyFile })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_CREDENTIALS' },
    });
    const gone = path.join(tempDir(), 'gone.jpg');
    fs.writeFileSync(gone, 'soon gone');
    const goneHandle = await pick(service, 'key-file', gone);
    fs.rmSync(gone); // the stick was pulled out after choosing
    const missing = await service.invoke('vault.addKeyFile', { password: STRONG_PASSWORD, keyFile: goneHandle });
    expect(missing).toMatchObject({ ok: false, error: { code: 'IO_ERROR' } });
    expect(missing.ok || missing.error.message).not.toContain('gone.jpg');
    expect(value(await service.invoke('vault.status', {})).hasKeyFile).toBe(false);
    value(await service.invoke('vault.lock', {}));
    value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD }));

    value(await service.invoke('vault.addKeyFile', { password: STRONG_PASSWORD, keyFile }));
    expect(await service.invoke('vault.addKeyFile', { password: STRONG_PASSWORD, keyFile })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('the wrong-password message mentions a key file only when the vault has one', async () => {
    const plain = await createdVault();
    service = plain.service;
    value(await service.invoke('vault.lock', {}));
    const wrong = await service.invoke('vault.unlock', { password: 'not my password at all' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    expect(wrong.ok || wrong.error.message).not.toMatch(/key file/i);
    service.close();

    const { service: withKey } = await vaultService();
    service = withKey;
    const keyFile = await keyFileWith(withKey, 'photo');
    value(await withKey.invoke('vault.create', { password: STRONG_PASSWORD, keyFile }));
    value(await withKey.invoke('vault.lock', {}));
    const wrongWithKey = await withKey.invoke('vault.unlock', { password: 'not my password at all', keyFile });
    expect(wrongWithKey.ok || wrongWithKey.error.message).toMatch(/password or key file/);
  });
});
