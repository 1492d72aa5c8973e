import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VaultService } from '../../../../src-main/service';
import type { CheckupLine } from '../../../../src-shared/contract/checkup';
import { filesContaining, tempDir } from '../../../helpers/disk';
import { newService, pick, STRONG_PASSWORD, value } from '../../../helpers/service';

let service: VaultService;

const byId = (lines: CheckupLine[]) => Object.fromEntries(lines.map((l) => [l.id, l]));
async function run() {
  return byId(value(await service.invoke('checkup.run', {})));
}

describe('checkup.run through the service', () => {
  it('a fresh vault: no backup and no drill are red; after a verified backup and a drill both are green', async () => {
    ({ service } = await newService());
    value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
    let lines = await run();
    expect(lines['backup-age']!.status).toBe('red');
    expect(lines['restore-drill']!.status).toBe('red');
    expect(lines['recovery-kit']!.status).toBe('red');
    expect(lines['auto-lock']!.status).toBe('green'); // default 5 minutes
    expect(lines['key-file']!.status).toBe('amber');
    expect(lines['audit-trail']!.status).toBe('green');
    expect(lines['password-age']!.status).toBe('green');

    const usb = tempDir('sv-usb-');
    const made = value(await service.invoke('backup.create', { folder: await pick(service, 'backup-folder', usb) }));
    lines = await run();
    expect(lines['backup-age']!.status).toBe('green');
    expect(lines['restore-drill']!.status).toBe('red');
    value(await service.invoke('backup.drill', { backup: made.handle }));
    lines = await run();
    expect(lines['restore-drill']!.status).toBe('green');
  });

  it('rates the password at create and unlock, keeps only the score, encrypted', async () => {
    let dataDir: string;
    ({ service, dataDir } = await newService());
    value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
    expect((await run())['password-strength']!.status).not.toBe('unknown');
    value(await service.invoke('vault.lock', {}));
    // Unlocking rates the password again; the same score writes no new revision (checked below).
    value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD }));
    const status = (await run())['password-strength']!.status;
    expect(['green', 'amber']).toContain(status);
    service.close();
    const db = new Database(path.join(dataDir, 'vault.db'), { readonly: true });
    const rows = db.prepare("SELECT ciphertext FROM records WHERE kind = 'security'").all() as { ciphertext: Buffer }[];
    db.close();
    expect(rows).toHaveLength(1); // the same password at unlock wrote no new revision
    expect(rows[0]!.ciphertext.includes(Buffer.from('passwordScore'))).toBe(false);
    expect(filesContaining(dataDir, STRONG_PASSWORD)).toEqual([]);
  });

  it('re-rates the password when it changes: a merely good one turns the line amber', async () => {
    ({ service } = await newService());
    value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
    expect((await run())['password-strength']!.status).toBe('green');
    value(await service.invoke('vault.changePassword', { current: STRONG_PASSWORD, next: 'Summer2024!!xy' }));
    expect((await run())['password-strength']!.status).toBe('amber');
    value(await service.invoke('vault.lock', {}));
    value(await service.invoke('vault.unlock', { password: 'Summer2024!!xy' }));
    expect((await run())['password-strength']!.status).toBe('amber');
  });

  it('the Recovery Kit turns green when confirmed and red again after a rotation until confirmed', async () => {
    ({ service } = await newService());
    value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
    value(await service.invoke('vault.confirmRecoveryKit', {}));
    expect((await run())['recovery-kit']!.status).toBe('green');
    value(await service.invoke('vault.rotateRecoveryKey', { password: STRONG_PASSWORD }));
    expect((await run())['recovery-kit']!.status).toBe('red');
    value(await service.invoke('vault.confirmRecoveryKit', {}));
    expect((await run())['recovery-kit']!.status).toBe('green');
  });

  it('auto-lock follows the setting', async () => {
    ({ service } = await newService());
    value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
    value(await service.invoke('settings.update', { idleLockMinutes: 20 }));
    expect((await run())['auto-lock']!.status).toBe('amber');
    value(await service.invoke('settings.update', { idleLockMinutes: 45 }));
    expect((await run())['auto-lock']!.status).toBe('red');
  });

  it.skipIf(process.platform === 'win32')('fixPermissions makes a loose vault folder owner-only', async () => {
    let dataDir: string;
    ({ service, dataDir } = await newService());
    value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
    fs.chmodSync(dataDir, 0o755);
    fs.chmodSync(path.join(dataDir, 'vault.db'), 0o644);
    expect((await run()).permissions).toMatchObject({ status: 'red', fix: { action: 'fix-permissions' } });
    expect(value(await service.invoke('checkup.fixPermissions', {})).changed).toBeGreaterThanOrEqual(2);
    expect((await run()).permissions!.status).toBe('green');
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
  });

  it('needs an unlocked vault', async () => {
    ({ service } = await newService());
    value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
    value(await service.invoke('vault.lock', {}));
    expect(await service.invoke('checkup.run', {})).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    expect(await service.invoke('checkup.fixPermissions', {})).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
  });
});
