import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { VaultService } from '../../../../src-main/service';
import { fingerprint, tamper, tempDir } from '../../../helpers/disk';
import { createdVault, pick, STRONG_PASSWORD, TEST_KDF, value, vaultService } from '../../../helpers/service';

let service: VaultService | undefined;
afterEach(() => {
  service?.close();
  service = undefined;
});

type Kdf = { alg: string; opsLimit: number; memLimitBytes: number; salt: string };

function editKdf(dataDir: string, edit: (kdf: Kdf, header: { keyFile: boolean }) => void): void {
  tamper(dataDir, (db) => {
    const row = db.prepare("SELECT value FROM meta WHERE key = 'header'").get() as { value: string };
    const header = JSON.parse(row.value) as { kdf: Kdf; keyFile: boolean };
    edit(header.kdf, header);
    db.prepare("UPDATE meta SET value = ? WHERE key = 'header'").run(JSON.stringify(header));
  });
}

async function closedVaultWithNote() {
  const v = await createdVault();
  value(await v.service.invoke('notes.create', { title: 'Kept', body: 'kept body' }));
  v.service.close();
  return v;
}

describe('a vault header whose KDF fields were edited on disk', () => {
  const inRange: [string, (k: Kdf, h: { keyFile: boolean }) => void][] = [
    ['other passes', (k) => void (k.opsLimit += 1)],
    ['less memory', (k) => void (k.memLimitBytes /= 2)],
    ['another salt', (k) => void (k.salt = k.salt.replace(/^./, (c) => (c === '0' ? '1' : '0')))],
    ['key file switched on', (_k, h) => void (h.keyFile = true)],
  ];

  for (const [what, edit] of inRange) {
    it(`${what}: the right password no longer opens it (WRONG_CREDENTIALS); the Recovery Key still does, records intact`, async () => {
      const v = await closedVaultWithNote();
      editKdf(v.dataDir, edit);
      ({ service } = await vaultService({ dataDir: v.dataDir }));
      const keyFile = path.join(tempDir('sv-keyfile-'), 'key.bin');
      fs.writeFileSync(keyFile, 'some key file bytes');
      const res = await service.invoke('vault.unlock', { password: STRONG_PASSWORD, ...(what === 'key file switched on' ? { keyFile: await pick(service, 'key-file', keyFile) } : {}) });
      expect(res).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
      expect(value(await service.invoke('vault.status', {})).state).toBe('locked');
      // The Recovery Key's wrap does not depend on the KDF fields: the way back in still works.
      value(await service.invoke('vault.unlock', { recoveryKey: v.recoveryKey }));
      expect(value(await service.invoke('notes.list', {})).map((n) => n.title)).toEqual(['Kept']);
    });
  }

  const outOfRange: [string, (k: Kdf) => void][] = [
    ['100,000 passes', (k) => void (k.opsLimit = 100_000)],
    ['64 GiB of memory', (k) => void (k.memLimitBytes = 64 * 1024 * 1024 * 1024)],
    ['1 KiB of memory', (k) => void (k.memLimitBytes = 1024)],
    ['another algorithm', (k) => void (k.alg = 'argon2i13')],
    ['a short salt', (k) => void (k.salt = 'ab')],
  ];
  for (const [what, edit] of outOfRange) {
    it(`${what}: refused as damage (VAULT_CORRUPT) before any key work; no byte written`, async () => {
      const v = await closedVaultWithNote();
      editKdf(v.dataDir, edit);
      const edited = fingerprint(v.dataDir);
      ({ service } = await vaultService({ dataDir: v.dataDir }));
      expect(await service.invoke('vault.unlock', { password: STRONG_PASSWORD })).toMatchObject({ ok: false, error: { code: 'VAULT_CORRUPT' } });
      service.close();
      service = undefined;
      expect(fingerprint(v.dataDir)).toEqual(edited);
    });
  }

  it('unlock uses the parameters in the header, not the ones this app would choose today', async () => {
    const stronger = { opsLimit: TEST_KDF.opsLimit + 1, memLimitBytes: TEST_KDF.memLimitBytes * 2 };
    const v = await createdVault({ dangerouslyUseKdfParams: stronger });
    value(await v.service.invoke('notes.create', { title: 'Under stronger settings', body: 'b' }));
    v.service.close();
    ({ service } = await vaultService({ dataDir: v.dataDir, dangerouslyUseKdfParams: TEST_KDF }));
    value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD }));
    expect(value(await service.invoke('notes.list', {})).map((n) => n.title)).toEqual(['Under stronger settings']);
  });
});
