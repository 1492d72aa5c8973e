import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { initCrypto } from '../../../../src-main/core/crypto/sodium';
import { SCHEMA_VERSION } from '../../../../src-main/core/vault/migrations';
import type { VaultService } from '../../../../src-main/service';
import { makeVaultV1 } from '../../../fixtures/make-vault-v1';
import { tempDir } from '../../../helpers/disk';
import { newService, STRONG_PASSWORD, TEST_KDF, value } from '../../../helpers/service';

let service: VaultService | undefined;

describe('migration 002 (audit table)', () => {
  it('a schema-1 vault gains an empty audit trail that starts at the first unlock, notes intact', async () => {
    await initCrypto();
    const dataDir = tempDir();
    const fixture = makeVaultV1(path.join(dataDir, 'vault.db'), STRONG_PASSWORD, TEST_KDF, [{ title: 'Old', body: 'Written by schema 1.' }]);
    ({ service } = await newService({ dataDir, flushTimeoutMs: 1 }));
    value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD }));
    expect(value(await service.invoke('notes.get', { id: fixture.notes[0]!.id }))).toMatchObject({ body: 'Written by schema 1.' });
    expect(value(await service.invoke('audit.list', {})).map((e) => [e.seq, e.type])).toEqual([
      [2, 'note.opened'],
      [1, 'vault.unlocked'],
    ]);
    expect(value(await service.invoke('audit.verify', {}))).toEqual({ ok: true, entries: 2 });
    service.close();
    service = undefined;

    const db = new Database(fixture.file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const cols = (db.prepare('PRAGMA table_info(audit)').all() as { name: string }[]).map((c) => c.name);
    db.close();
    expect(cols).toEqual(['seq', 'nonce', 'ciphertext', 'mac']);
  });
});
