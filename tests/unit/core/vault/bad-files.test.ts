import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { VaultService } from '../../../../src-main/service';
import { fingerprint, tamper, vaultFile } from '../../../helpers/disk';
import { createdVault, STRONG_PASSWORD, value, vaultService } from '../../../helpers/service';

let service: VaultService | undefined;

/** A closed vault with a few notes, for breaking in different ways. */
async function closedVault(): Promise<string> {
  const v = await createdVault();
  for (let i = 0; i < 30; i++) value(await v.service.invoke('notes.create', { title: `Note ${i}`, body: 'x'.repeat(2000) }));
  v.service.close();
  return v.dataDir;
}

function editHeader(dataDir: string, edit: (h: Record<string, unknown>) => void): void {
  tamper(dataDir, (db) => {
    const row = db.prepare("SELECT value FROM meta WHERE key = 'header'").get() as { value: string };
    const h = JSON.parse(row.value) as Record<string, unknown>;
    edit(h);
    db.prepare("UPDATE meta SET value = ? WHERE key = 'header'").run(JSON.stringify(h));
  });
}

/**
 * Opens a broken vault the way the app would (unlock, status, create) and checks the answers
 * carry `code` with a plain message, that no new vault replaced it, and that no file changed.
 */
async function expectRefused(dataDir: string, code: string, opts: { statusToo: boolean }) {
  const before = fingerprint(dataDir);
  ({ service } = await vaultService({ dataDir }));
  const unlock = await service.invoke('vault.unlock', { password: STRONG_PASSWORD });
  const refused = opts.statusToo ? [unlock, await service.invoke('vault.status', {})] : [unlock];
  for (const res of refused) {
    expect(res).toMatchObject({ ok: false, error: { code } });
    if (!res.ok) expect(res.error.message).not.toMatch(/\/|\\|SQLITE|Error:/);
  }
  const create = await service.invoke('vault.create', { password: STRONG_PASSWORD });
  // Never replaced by a fresh vault.
  expect(create.ok).toBe(false);
  service.close();
  service = undefined;
  expect(fingerprint(dataDir)).toEqual(before);
}

describe('a vault file that is damaged, foreign or from the future', () => {
  it('a corrupted header -> VAULT_CORRUPT, nothing overwritten', async () => {
    const dataDir = await closedVault();
    tamper(dataDir, (db) => db.prepare("UPDATE meta SET value = '{\"format\":1,\"vaultId\":' WHERE key = 'header'").run());
    await expectRefused(dataDir, 'VAULT_CORRUPT', { statusToo: true });
  });

  it('a header field that is malformed (salt) -> VAULT_CORRUPT, nothing overwritten', async () => {
    const dataDir = await closedVault();
    editHeader(dataDir, (h) => {
      (h.kdf as { salt: string }).salt = 'zz';
    });
    await expectRefused(dataDir, 'VAULT_CORRUPT', { statusToo: true });
  });

  it('weakened KDF settings in the header do not open the vault (they are bound into the wrap)', async () => {
    const dataDir = await closedVault();
    editHeader(dataDir, (h) => {
      (h.kdf as { opsLimit: number }).opsLimit = 2;
    });
    ({ service } = await vaultService({ dataDir }));
    expect(await service.invoke('vault.unlock', { password: STRONG_PASSWORD })).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
  });

  it('a header with format 2 -> VAULT_UNSUPPORTED_VERSION, nothing overwritten', async () => {
    const dataDir = await closedVault();
    editHeader(dataDir, (h) => {
      h.format = 2;
    });
    await expectRefused(dataDir, 'VAULT_UNSUPPORTED_VERSION', { statusToo: true });
  });

  it('a newer schema (user_version) -> VAULT_UNSUPPORTED_VERSION, nothing overwritten', async () => {
    const dataDir = await closedVault();
    tamper(dataDir, (db) => db.pragma('user_version = 99'));
    await expectRefused(dataDir, 'VAULT_UNSUPPORTED_VERSION', { statusToo: true });
  });

  it('a SQLite database that is not ours -> VAULT_CORRUPT, nothing overwritten', async () => {
    const dataDir = await closedVault();
    fs.rmSync(vaultFile(dataDir));
    const other = new Database(vaultFile(dataDir));
    other.exec("CREATE TABLE meta (key TEXT, value TEXT); INSERT INTO meta VALUES ('header', '{}');");
    other.close();
    await expectRefused(dataDir, 'VAULT_CORRUPT', { statusToo: true });
  });

  it('a file that is not a database at all -> VAULT_CORRUPT, nothing overwritten', async () => {
    const dataDir = await closedVault();
    fs.writeFileSync(vaultFile(dataDir), Buffer.from('%PDF-1.7 definitely not a vault '.repeat(500)));
    await expectRefused(dataDir, 'VAULT_CORRUPT', { statusToo: true });
  });

  it('a truncated database -> VAULT_CORRUPT, nothing overwritten', async () => {
    const dataDir = await closedVault();
    const file = vaultFile(dataDir);
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(16 * 4096);
    fs.truncateSync(file, Math.floor(size / 3 / 4096) * 4096);
    await expectRefused(dataDir, 'VAULT_CORRUPT', { statusToo: false });
  });
});
