import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { VaultService } from '../../../../src-main/service';
import { newService, STRONG_PASSWORD, value } from '../../../helpers/service';

let service: VaultService | undefined;

/** A closed vault whose audit trail has 8 entries (seq 1..8): created, 6 clients, locked. */
async function vaultWithTrail(): Promise<string> {
  const made = await newService({ flushTimeoutMs: 1 });
  value(await made.service.invoke('vault.create', { password: STRONG_PASSWORD }));
  for (const name of ['A', 'B', 'C', 'D', 'E', 'F']) value(await made.service.invoke('clients.create', { displayName: name }));
  await made.service.lock('manual');
  made.service.close();
  return made.dataDir;
}

function tamper(dataDir: string, fn: (db: Database.Database) => void): void {
  const db = new Database(path.join(dataDir, 'vault.db'));
  fn(db);
  db.close();
}

/** Reopens, unlocks (must succeed whatever the log looks like) and verifies. Unlocking appends entry 9. */
async function reopenAndVerify(dataDir: string) {
  ({ service } = await newService({ dataDir, flushTimeoutMs: 1 }));
  value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD }));
  return value(await service.invoke('audit.verify', {}));
}

const row = (db: Database.Database, seq: number) =>
  db.prepare('SELECT nonce, ciphertext, mac FROM audit WHERE seq = ?').get(seq) as { nonce: Buffer; ciphertext: Buffer; mac: Buffer };

describe('audit.verify on a log edited on disk', () => {
  it('an untouched log is intact, across restarts', async () => {
    const dataDir = await vaultWithTrail();
    expect(await reopenAndVerify(dataDir)).toEqual({ ok: true, entries: 9 });
  });

  it('a deleted row -> first bad index is where it was', async () => {
    const dataDir = await vaultWithTrail();
    tamper(dataDir, (db) => db.prepare('DELETE FROM audit WHERE seq = 3').run());
    expect(await reopenAndVerify(dataDir)).toEqual({ ok: false, entries: 8, firstBadIndex: 2, problem: 'entry' });
  });

  it('a changed byte in an entry -> that entry', async () => {
    const dataDir = await vaultWithTrail();
    tamper(dataDir, (db) => {
      const ct = Buffer.from(row(db, 5).ciphertext);
      ct[3]! ^= 0x01;
      db.prepare('UPDATE audit SET ciphertext = ? WHERE seq = 5').run(ct);
    });
    expect(await reopenAndVerify(dataDir)).toEqual({ ok: false, entries: 9, firstBadIndex: 4, problem: 'entry' });
  });

  it('a changed chain link -> that entry', async () => {
    const dataDir = await vaultWithTrail();
    tamper(dataDir, (db) => db.prepare('UPDATE audit SET mac = zeroblob(32) WHERE seq = 2').run());
    expect(await reopenAndVerify(dataDir)).toEqual({ ok: false, entries: 9, firstBadIndex: 1, problem: 'entry' });
  });

  it('two rows swapped -> the first of them', async () => {
    const dataDir = await vaultWithTrail();
    tamper(dataDir, (db) => {
      db.prepare('UPDATE audit SET seq = 100 WHERE seq = 4').run();
      db.prepare('UPDATE audit SET seq = 4 WHERE seq = 6').run();
      db.prepare('UPDATE audit SET seq = 6 WHERE seq = 100').run();
    });
    expect(await reopenAndVerify(dataDir)).toEqual({ ok: false, entries: 9, firstBadIndex: 3, problem: 'entry' });
  });

  it('a row inserted in the middle (a copy of a real one, later rows renumbered) -> the inserted row', async () => {
    const dataDir = await vaultWithTrail();
    tamper(dataDir, (db) => {
      const copy = row(db, 2);
      for (let seq = 8; seq >= 3; seq--) db.prepare('UPDATE audit SET seq = ? WHERE seq = ?').run(seq + 1, seq);
      db.prepare('INSERT INTO audit (seq, nonce, ciphertext, mac) VALUES (3, ?, ?, ?)').run(copy.nonce, copy.ciphertext, copy.mac);
    });
    expect(await reopenAndVerify(dataDir)).toMatchObject({ ok: false, firstBadIndex: 2 });
  });

  it('the newest rows deleted -> reported even after new entries follow, never healed', async () => {
    const dataDir = await vaultWithTrail();
    tamper(dataDir, (db) => db.prepare('DELETE FROM audit WHERE seq >= 7').run());
    expect(await reopenAndVerify(dataDir)).toEqual({ ok: false, entries: 7, firstBadIndex: 6, problem: 'entry' });
    value(await service!.invoke('clients.create', { displayName: 'G' }));
    expect(value(await service!.invoke('audit.verify', {}))).toEqual({ ok: false, entries: 8, firstBadIndex: 6, problem: 'entry' });
  });

  it('the whole log emptied, or its head removed or garbled -> reported; unlock still works', async () => {
    const emptied = await vaultWithTrail();
    tamper(emptied, (db) => db.prepare('DELETE FROM audit').run());
    expect(await reopenAndVerify(emptied)).toMatchObject({ ok: false, firstBadIndex: 0 });
    service!.close();

    const headless = await vaultWithTrail();
    tamper(headless, (db) => db.prepare("DELETE FROM meta WHERE key = 'audit_head'").run());
    expect(await reopenAndVerify(headless)).toMatchObject({ ok: false, firstBadIndex: 8 });
    service!.close();

    const garbled = await vaultWithTrail();
    tamper(garbled, (db) => {
      db.prepare("UPDATE meta SET value = '{not json' WHERE key = 'audit_head'").run();
      db.prepare("INSERT INTO meta (key, value) VALUES ('audit_pending', '[{\"type\":\"nope\"}')").run();
    });
    expect(await reopenAndVerify(garbled)).toMatchObject({ ok: false });
    // The app keeps working and keeps logging after it.
    value(await service!.invoke('clients.create', { displayName: 'H' }));
    expect(value(await service!.invoke('audit.list', { type: 'client.created' }))).toHaveLength(7);
  });

  it('the audit table dropped -> reported as broken from the start; unlock and work go on', async () => {
    const dataDir = await vaultWithTrail();
    tamper(dataDir, (db) => db.exec('DROP TABLE audit'));
    expect(await reopenAndVerify(dataDir)).toEqual({ ok: false, entries: 0, firstBadIndex: 0, problem: 'removed' });
    expect(value(await service!.invoke('audit.list', {}))).toEqual([]);
    value(await service!.invoke('clients.create', { displayName: 'I' }));
    value(await service!.invoke('vault.lock', {}));
  });

  it('a garbled entry is left out of audit.list, the others still show', async () => {
    const dataDir = await vaultWithTrail();
    tamper(dataDir, (db) => db.prepare('UPDATE audit SET ciphertext = zeroblob(40) WHERE seq = 3').run());
    expect(await reopenAndVerify(dataDir)).toMatchObject({ ok: false, firstBadIndex: 2 });
    const seqs = value(await service!.invoke('audit.list', {})).map((e) => e.seq);
    expect(seqs).toEqual([9, 8, 7, 6, 5, 4, 2, 1]);
  });
});
