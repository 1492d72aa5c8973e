import { describe, expect, it } from 'vitest';
import type { VaultService } from '../../../../src-main/service';
import { tamper } from '../../../helpers/disk';
import { createdVault, STRONG_PASSWORD, value, vaultService } from '../../../helpers/service';

let service: VaultService | undefined;

type Row = { nonce: Buffer; ciphertext: Buffer };
const rowOf = (db: import('better-sqlite3').Database, id: string, rev: number) =>
  db.prepare('SELECT nonce, ciphertext FROM records WHERE id = ? AND rev = ?').get(id, rev) as Row;
const put = (db: import('better-sqlite3').Database, id: string, rev: number, row: Row) =>
  db.prepare('UPDATE records SET nonce = ?, ciphertext = ? WHERE id = ? AND rev = ?').run(row.nonce, row.ciphertext, id, rev);

async function reopen(dataDir: string): Promise<VaultService> {
  const { service: s } = await vaultService({ dataDir });
  value(await s.invoke('vault.unlock', { password: STRONG_PASSWORD }));
  return s;
}

describe('record integrity (AD = vault id | record id | kind | revision)', () => {
  it('ciphertexts swapped between two notes are rejected with VAULT_CORRUPT and never shown', async () => {
    const v = await createdVault();
    service = v.service;
    const a = value(await service.invoke('notes.create', { title: 'Alpha title', body: 'alpha body' }));
    const b = value(await service.invoke('notes.create', { title: 'Bravo title', body: 'bravo body' }));
    const c = value(await service.invoke('notes.create', { title: 'Charlie title', body: 'charlie body' }));
    service.close();
    tamper(v.dataDir, (db) => {
      const ra = rowOf(db, a.id, 1);
      const rb = rowOf(db, b.id, 1);
      put(db, a.id, 1, rb);
      put(db, b.id, 1, ra);
    });

    service = await reopen(v.dataDir);
    const titles = value(await service.invoke('notes.list', {})).map((n) => n.title);
    expect(titles).toEqual(['Charlie title']);
    for (const id of [a.id, b.id]) {
      const res = await service.invoke('notes.get', { id });
      expect(res).toMatchObject({ ok: false, error: { code: 'VAULT_CORRUPT' } });
      if (!res.ok) expect(res.error.message).not.toMatch(/alpha|bravo/i);
    }
    expect(value(await service.invoke('notes.get', { id: c.id })).body).toBe('charlie body');
  });

  it('an older revision copied into the current row is rejected, not shown as current', async () => {
    const v = await createdVault();
    service = v.service;
    const { id } = value(await service.invoke('notes.create', { title: 'Risk', body: 'Denies SI.' }));
    value(await service.invoke('notes.update', { id, baseRev: 1, title: 'Risk', body: 'Reports passive SI; safety plan made.' }));
    service.close();
    tamper(v.dataDir, (db) => put(db, id, 2, rowOf(db, id, 1)));

    service = await reopen(v.dataDir);
    expect(value(await service.invoke('notes.list', {}))).toEqual([]);
    const res = await service.invoke('notes.get', { id });
    expect(res).toMatchObject({ ok: false, error: { code: 'VAULT_CORRUPT' } });
  });

  it('a ciphertext from another vault is rejected even under the same record id', async () => {
    const v1 = await createdVault();
    const v2 = await createdVault();
    const n1 = value(await v1.service.invoke('notes.create', { title: 'From vault one', body: 'one' }));
    const n2 = value(await v2.service.invoke('notes.create', { title: 'From vault two', body: 'two' }));
    v1.service.close();
    v2.service.close();
    let foreign!: Row;
    tamper(v1.dataDir, (db) => (foreign = rowOf(db, n1.id, 1)));
    // Same record id, kind and revision as in vault one: only the vault id in the AD differs.
    tamper(v2.dataDir, (db) => {
      db.prepare('UPDATE records SET id = ? WHERE id = ?').run(n1.id, n2.id);
      db.prepare('UPDATE heads SET id = ? WHERE id = ?').run(n1.id, n2.id);
      put(db, n1.id, 1, foreign);
    });
    service = await reopen(v2.dataDir);
    expect(await service.invoke('notes.get', { id: n1.id })).toMatchObject({ ok: false, error: { code: 'VAULT_CORRUPT' } });
  });
});
