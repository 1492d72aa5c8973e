import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VaultService } from '../../../../src-main/service';
import { tempDir } from '../../../helpers/disk';
import { createdVault, pick, STRONG_PASSWORD, value, vaultService } from '../../../helpers/service';
import { FakeClock } from '../../../helpers/fake-clock';

const NEXT_PASSWORD = 'lantern orchard velvet ninety';
let service: VaultService | undefined;

async function noteIds(s: VaultService) {
  return value(await s.invoke('notes.list', {})).map((n) => n.id);
}

describe('password change and recovery key rotation (rewrap only)', () => {
  it('after a password change: the recovery key and the new password open the vault, the old password does not', async () => {
    const clock = new FakeClock();
    const v = await createdVault({ now: clock.now });
    service = v.service;
    const { id } = value(await service.invoke('notes.create', { title: 'Intake', body: 'Presenting concern: sleep.' }));
    value(await service.invoke('vault.changePassword', { current: STRONG_PASSWORD, next: NEXT_PASSWORD }));
    value(await service.invoke('vault.lock', {}));

    expect(await service.invoke('vault.unlock', { password: STRONG_PASSWORD })).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    value(await service.invoke('vault.unlock', { recoveryKey: v.recoveryKey }));
    expect(value(await service.invoke('notes.get', { id })).body).toBe('Presenting concern: sleep.');
    value(await service.invoke('vault.lock', {}));
    value(await service.invoke('vault.unlock', { password: NEXT_PASSWORD }));
    expect(await noteIds(service)).toEqual([id]);

    // And after a restart, the header on disk says the same.
    service.close();
    ({ service } = await vaultService({ dataDir: v.dataDir, now: clock.now }));
    expect(await service.invoke('vault.unlock', { password: STRONG_PASSWORD })).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    value(await service.invoke('vault.unlock', { password: NEXT_PASSWORD }));
    expect(value(await service.invoke('notes.get', { id })).title).toBe('Intake');
  });

  it('refuses a password change with a wrong current password or a weak new one, and changes nothing', async () => {
    const v = await createdVault();
    service = v.service;
    expect(await service.invoke('vault.changePassword', { current: 'not my password at all', next: NEXT_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_CREDENTIALS' },
    });
    const weak = await service.invoke('vault.changePassword', { current: STRONG_PASSWORD, next: 'password1' });
    expect(weak).toMatchObject({ ok: false, error: { code: 'WEAK_PASSWORD' } });
    value(await service.invoke('vault.lock', {}));
    value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD }));
  });

  it('after rotation: the new recovery key opens the vault, the old one does not, notes unchanged', async () => {
    const v = await createdVault();
    service = v.service;
    const { id } = value(await service.invoke('notes.create', { title: 'Plan', body: 'Weekly CBT.' }));
    const rotated = value(await service.invoke('vault.rotateRecoveryKey', { password: STRONG_PASSWORD }));
    expect(rotated.recoveryKey).not.toBe(v.recoveryKey);
    expect(rotated.recoveryKey).toMatch(/^([A-Z2-7]{4}-){13}[A-Z2-7]{4}$/);
    value(await service.invoke('vault.lock', {}));

    const old = await service.invoke('vault.unlock', { recoveryKey: v.recoveryKey });
    expect(old).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    value(await service.invoke('vault.unlock', { recoveryKey: rotated.recoveryKey.toLowerCase().replace(/-/g, ' ') }));
    expect(value(await service.invoke('notes.get', { id })).body).toBe('Weekly CBT.');
    value(await service.invoke('vault.lock', {}));
    value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD }));
  });

  it('rotation needs the right password', async () => {
    const v = await createdVault();
    service = v.service;
    expect(await service.invoke('vault.rotateRecoveryKey', { password: 'definitely the wrong one' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_CREDENTIALS' },
    });
    value(await service.invoke('vault.lock', {}));
    value(await service.invoke('vault.unlock', { recoveryKey: v.recoveryKey }));
  });

  it('tells a typo in the recovery key apart from a wrong one', async () => {
    const v = await createdVault();
    service = v.service;
    value(await service.invoke('vault.lock', {}));
    const groups = v.recoveryKey.split('-');
    const first = groups[0]!;
    groups[0] = (first[0] === 'A' ? 'B' : 'A') + first.slice(1);
    const typo = await service.invoke('vault.unlock', { recoveryKey: groups.join('-') });
    expect(typo).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    if (!typo.ok) expect(typo.error.message).toMatch(/typo/);
    const short = await service.invoke('vault.unlock', { recoveryKey: 'ABCD-EFGH' });
    if (!short.ok) expect(short.error.message).toMatch(/14 groups/);
    expect(short.ok).toBe(false);
  });
});

describe('key file', () => {
  it('is needed to unlock with the password; a changed key file fails; the recovery key works without it', async () => {
    const keyDir = tempDir('sv-keyfile-');
    const keyFile = path.join(keyDir, 'practice.key');
    const original = Buffer.from('a photo or any file the clinician keeps on a USB stick '.repeat(40));
    fs.writeFileSync(keyFile, original);
    ({ service } = await vaultService());
    const keyFileHandle = await pick(service, 'key-file', keyFile);
    const created = value(await service.invoke('vault.create', { password: STRONG_PASSWORD, keyFile: keyFileHandle }));
    expect(value(await service.invoke('vault.status', {}))).toMatchObject({ state: 'unlocked', hasKeyFile: true });
    value(await service.invoke('vault.lock', {}));
    expect(value(await service.invoke('vault.status', {}))).toMatchObject({ state: 'locked', hasKeyFile: true });

    const without = await service.invoke('vault.unlock', { password: STRONG_PASSWORD });
    expect(without).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    if (!without.ok) expect(without.error.message).toMatch(/key file/);

    const changed = Buffer.from(original);
    changed[100] = changed[100]! ^ 1;
    fs.writeFileSync(keyFile, changed);
    expect(await service.invoke('vault.unlock', { password: STRONG_PASSWORD, keyFile: keyFileHandle })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_CREDENTIALS' },
    });

    const gone = path.join(keyDir, 'gone.key');
    fs.writeFileSync(gone, original);
    const goneHandle = await pick(service, 'key-file', gone);
    fs.rmSync(gone); // The stick holding it was pulled after it was chosen.
    const missing = await service.invoke('vault.unlock', { password: STRONG_PASSWORD, keyFile: goneHandle });
    expect(missing).toMatchObject({ ok: false, error: { code: 'IO_ERROR' } });
    if (!missing.ok) expect(missing.error.message).not.toContain(keyDir);

    fs.writeFileSync(keyFile, original);
    value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD, keyFile: keyFileHandle }));
    value(await service.invoke('vault.lock', {}));
    value(await service.invoke('vault.unlock', { recoveryKey: created.recoveryKey }));
    // A password change keeps the key file: it is still required afterwards.
    value(await service.invoke('vault.changePassword', { current: STRONG_PASSWORD, next: NEXT_PASSWORD, keyFile: keyFileHandle }));
    value(await service.invoke('vault.lock', {}));
    expect((await service.invoke('vault.unlock', { password: NEXT_PASSWORD })).ok).toBe(false);
    value(await service.invoke('vault.unlock', { password: NEXT_PASSWORD, keyFile: keyFileHandle }));
  });

  it('a password-only vault refuses a key file instead of silently adding one', async () => {
    const keyFile = path.join(tempDir('sv-keyfile-'), 'k');
    fs.writeFileSync(keyFile, 'x'.repeat(64));
    const v = await createdVault();
    service = v.service;
    expect(await service.invoke('vault.changePassword', { current: STRONG_PASSWORD, next: NEXT_PASSWORD, keyFile: await pick(service, 'key-file', keyFile) })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});

describe('password strength at create', () => {
  it.each([
    ['short', /12 characters/],
    ['password1234', /guess/i],
    ['qwertyuiopasdf', /guess/i],
  ])('rejects %j with WEAK_PASSWORD and a plain reason, creating nothing', async (password, reason) => {
    let dataDir: string;
    ({ service, dataDir } = await vaultService());
    const res = await service.invoke('vault.create', { password });
    expect(res).toMatchObject({ ok: false, error: { code: 'WEAK_PASSWORD' } });
    if (!res.ok) {
      expect(res.error.message).toMatch(reason);
      expect(res.error.message).not.toContain(password);
    }
    expect(fs.readdirSync(dataDir)).toEqual([]);
    expect(value(await service.invoke('vault.status', {})).state).toBe('absent');
  });

  it('reports the same verdict to the strength meter', async () => {
    ({ service } = await vaultService());
    expect(value(await service.invoke('vault.checkPassword', { password: 'password1234' })).acceptable).toBe(false);
    expect(value(await service.invoke('vault.checkPassword', { password: STRONG_PASSWORD })).acceptable).toBe(true);
  });
});
