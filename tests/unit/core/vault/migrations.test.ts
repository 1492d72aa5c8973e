import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { recoveryKeyFromBytes } from '../../../../src-main/core/crypto/keys';
import { initCrypto } from '../../../../src-main/core/crypto/sodium';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from '../../../../src-main/core/vault/migrations';
import { encodeRecoveryKey } from '../../../../src-main/core/vault/recovery-key';
import { migrate } from '../../../../src-main/core/vault/vault-db';
import type { VaultService } from '../../../../src-main/service';
import { tempDir } from '../../../helpers/disk';
import { newService, STRONG_PASSWORD, TEST_KDF, value } from '../../../helpers/service';
import { makeVaultV1 } from '../../../fixtures/make-vault-v1';

let service: VaultService | undefined;
beforeAll(() => initCrypto());

describe('migration registry', () => {
  it('starts at 1 and versions strictly increase; SCHEMA_VERSION is the last', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions[0]).toBe(1);
    for (let i = 1; i < versions.length; i++) expect(versions[i]!).toBeGreaterThan(versions[i - 1]!);
    expect(SCHEMA_VERSION).toBe(versions[versions.length - 1]);
  });

  it('runs each migration in its own transaction: a failing step leaves the previous version intact', () => {
    const db = new Database(':memory:');
    const steps: Migration[] = [
      { version: 1, up: (d) => d.exec('CREATE TABLE a (x INTEGER)') },
      {
        version: 2,
        up: (d) => {
          d.exec('CREATE TABLE b (x INTEGER)');
          throw new Error('step 2 fails halfway');
        },
      },
    ];
    expect(() => migrate(db, steps)).toThrow(/halfway/);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(['a']);
  });

  it('refuses a registry whose versions go down', () => {
    const db = new Database(':memory:');
    const noop = () => undefined;
    expect(() => migrate(db, [{ version: 2, up: noop }, { version: 1, up: noop }])).toThrow(/increasing/);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
  });
});

describe('a vault written by format 1 / schema 1', () => {
  it('opens under the current code with its password and its recovery key, every note intact', async () => {
    const dataDir = tempDir();
    const fixture = makeVaultV1(path.join(dataDir, 'vault.db'), STRONG_PASSWORD, TEST_KDF, [
      { title: 'Intake — v1', body: 'Written by schema 1.' },
      { title: 'Progress — v1', body: 'Second note.' },
    ]);
    ({ service } = await newService({ dataDir, flushTimeoutMs: 1 }));
    expect(value(await service.invoke('vault.status', {}))).toMatchObject({ state: 'locked', vaultId: fixture.vaultId });
    value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD }));
    for (const n of fixture.notes) {
      expect(value(await service.invoke('notes.get', { id: n.id }))).toMatchObject({ title: n.title, body: n.body });
    }
    expect(value(await service.invoke('notes.list', {})).length).toBe(2);
    value(await service.invoke('vault.lock', {}));
    value(await service.invoke('vault.unlock', { recoveryKey: encodeRecoveryKey(recoveryKeyFromBytes(fixture.recoveryKey)) }));
    service.close();
    service = undefined;

    const db = new Database(fixture.file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    // v3: the nonce index unlock checks the unlock cache against, built over the v1 records.
    const indexed = db.prepare('SELECT count(*) AS n FROM records INDEXED BY records_fingerprint WHERE id = ?').get(fixture.notes[0]!.id) as { n: number };
    // v5: the first unlock read the notes whole (none had a summary) and sealed one for each.
    const summarized = db.prepare('SELECT id, rev FROM summaries ORDER BY id').all();
    db.close();
    expect(indexed.n).toBe(1);
    expect(summarized).toEqual(fixture.notes.map((n) => ({ id: n.id, rev: 1 })).sort((a, b) => (a.id < b.id ? -1 : 1)));
  });

  it('takes records custodians: the header moves to format 2 and every older way in still opens it', async () => {
    const dataDir = tempDir();
    const fixture = makeVaultV1(path.join(dataDir, 'vault.db'), STRONG_PASSWORD, TEST_KDF, [{ title: 'Intake — v1', body: 'Written by format 1.' }]);
    const headerOf = () => {
      const db = new Database(fixture.file, { readonly: true });
      const row = db.prepare("SELECT value FROM meta WHERE key = 'header'").get() as { value: string };
      db.close();
      return JSON.parse(row.value) as { format: number; custodians?: unknown };
    };
    ({ service } = await newService({ dataDir, flushTimeoutMs: 1 }));
    value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD }));
    // Opening alone changes nothing: an older SessionVault could still open this vault.
    expect(headerOf()).toMatchObject({ format: 1 });
    const { kits } = value(await service.invoke('custodians.name', { password: STRONG_PASSWORD, names: ['Attorney', 'Colleague'], threshold: 2 }));
    expect(headerOf()).toMatchObject({ format: 2, custodians: { threshold: 2, shares: 2 } });
    value(await service.invoke('vault.lock', {}));
    value(await service.invoke('vault.unlock', { custodianShares: kits.map((k) => k.share) }));
    expect(value(await service.invoke('notes.get', { id: fixture.notes[0]!.id }))).toMatchObject({ body: 'Written by format 1.' });
    value(await service.invoke('vault.lock', {}));
    value(await service.invoke('vault.unlock', { recoveryKey: encodeRecoveryKey(recoveryKeyFromBytes(fixture.recoveryKey)) }));
    value(await service.invoke('vault.lock', {}));
    value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD }));
    expect(value(await service.invoke('vault.status', {}))).toMatchObject({ custodianMode: false, custodians: { threshold: 2, shares: 2 } });
  });
});
