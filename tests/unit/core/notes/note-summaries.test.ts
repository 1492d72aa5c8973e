import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RecordStore } from '../../../../src-main/core/records/record-store';
import { UNLOCK_CACHE_FILE } from '../../../../src-main/core/vault/unlock-cache';
import type { VaultService } from '../../../../src-main/service';
import { caller, newService, STRONG_PASSWORD, unlockedVault, value } from '../../../helpers/service';
import { turns } from '../search/index-at-unlock';

/**
 * The first unlock without the unlock cache (after a restore) lists every note from the small
 * sealed summary kept beside its current revision, and reads the notes themselves after it
 * returns. A summary is trusted only if it opens under its own note's id and current revision.
 */
let open: VaultService | undefined;
afterEach(() => {
  open?.close();
  open = undefined;
  vi.restoreAllMocks();
});

type Ids = { a: string; b: string; c: string };

/** Three notes, the second edited once; locked, the service closed. */
async function practice() {
  const v = await unlockedVault();
  const a = await v.call('notes.create', { title: 'Intake: sleep and appetite', body: 'Reports waking at 4am.' });
  const b = await v.call('notes.create', { title: 'Follow-up draft', body: 'First words.' });
  await v.call('notes.update', { id: b.id, baseRev: 1, title: 'Follow-up, second visit', body: 'Second words.' });
  const c = await v.call('notes.create', { title: 'Couples session', body: 'Discussed chores and weekends.' });
  const list = await v.call('notes.list', {});
  await v.call('vault.lock', {});
  v.service.close();
  return { dataDir: v.dataDir, ids: { a: a.id, b: b.id, c: c.id }, list };
}

function withDb(dataDir: string, fn: (db: Database.Database) => void): void {
  const db = new Database(path.join(dataDir, 'vault.db'));
  try {
    fn(db);
  } finally {
    db.close();
  }
}

/** Unlocks without the unlock cache, counting the notes read whole during the unlock itself. */
async function unlockWithoutCache(dataDir: string) {
  fs.rmSync(path.join(dataDir, UNLOCK_CACHE_FILE), { force: true });
  ({ service: open } = await newService({ dataDir }));
  const readWhole = vi.spyOn(RecordStore.prototype, 'get');
  const readPages = vi.spyOn(RecordStore.prototype, 'page');
  readWhole.mockClear(); // The same spies as an earlier unlock's in this test: count from here.
  readPages.mockClear();
  value(await open.invoke('vault.unlock', { password: STRONG_PASSWORD }));
  const notes = (calls: unknown[][]) => calls.filter((c) => c.some((arg) => (arg as { kind?: string } | null)?.kind === 'note')).length;
  const duringUnlock = { whole: notes(readWhole.mock.calls), pages: notes(readPages.mock.calls) };
  return { call: caller(open), duringUnlock };
}

/** Notes saved within the same fake-clock millisecond tie in the list's order: compared by id. */
const byId = <T extends { id: string }>(list: T[]) => [...list].sort((x, y) => (x.id < y.id ? -1 : 1));

const summaryCount = (dataDir: string) => {
  let n = 0;
  withDb(dataDir, (db) => (n = (db.prepare('SELECT count(*) AS n FROM summaries').get() as { n: number }).n));
  return n;
};

describe('note summaries', () => {
  it('list every note without reading one: the same list as before the lock', async () => {
    const p = await practice();
    const { call, duringUnlock } = await unlockWithoutCache(p.dataDir);
    expect(duringUnlock).toEqual({ whole: 0, pages: 0 });
    expect(byId(await call('notes.list', {}))).toEqual(byId(p.list));
    // The text is read after the unlock: search finds it.
    expect((await call('search.query', { text: 'chores' })).map((h) => h.noteId)).toEqual([p.ids.c]);
  });

  it('a note whose text is damaged is listed from its summary at first, then found damaged by the read after the unlock, before any search', async () => {
    const p = await practice();
    withDb(p.dataDir, (db) => {
      const row = db.prepare('SELECT ciphertext FROM records WHERE id = ? AND rev = 1').get(p.ids.c) as { ciphertext: Buffer };
      row.ciphertext[row.ciphertext.length - 20]! ^= 1;
      db.prepare('UPDATE records SET ciphertext = ? WHERE id = ? AND rev = 1').run(row.ciphertext, p.ids.c);
    });
    const { call } = await unlockWithoutCache(p.dataDir);
    expect((await call('notes.list', {})).map((n) => n.id)).toContain(p.ids.c);
    await turns(5);
    expect((await call('notes.list', {})).map((n) => n.id).sort()).toEqual([p.ids.a, p.ids.b].sort());
    expect(await open!.invoke('notes.get', { id: p.ids.c })).toMatchObject({ ok: false, error: { code: 'VAULT_CORRUPT' } });
    expect(await call('search.query', { text: 'chores' })).toEqual([]);
  });

  const moveBack = (db: Database.Database, id: string) => db.prepare('UPDATE heads SET rev = 1 WHERE id = ?').run(id);
  it.each([
    ['a flipped byte', false, (db: Database.Database, ids: Ids) => {
      const row = db.prepare('SELECT sealed FROM summaries WHERE id = ?').get(ids.a) as { sealed: Buffer };
      row.sealed[3]! ^= 1;
      db.prepare('UPDATE summaries SET sealed = ? WHERE id = ?').run(row.sealed, ids.a);
    }],
    ["another note's summary", false, (db: Database.Database, ids: Ids) => {
      const other = db.prepare('SELECT nonce, sealed FROM summaries WHERE id = ?').get(ids.c) as { nonce: Buffer; sealed: Buffer };
      db.prepare('UPDATE summaries SET nonce = ?, sealed = ? WHERE id = ?').run(other.nonce, other.sealed, ids.a);
    }],
    ['the summary of a later revision (the head moved back)', true, (db: Database.Database, ids: Ids) => moveBack(db, ids.b)],
    ['a summary relabelled to the revision the head moved back to', true, (db: Database.Database, ids: Ids) => {
      moveBack(db, ids.b);
      db.prepare('UPDATE summaries SET rev = 1 WHERE id = ?').run(ids.b);
    }],
    ['no summary at all (notes saved before summaries existed)', false, (db: Database.Database) => void db.exec('DELETE FROM summaries')],
  ])('%s is not trusted: the note is read whole and listed as it reads, and its summary written again', async (_name, movedBack, damage) => {
    const p = await practice();
    withDb(p.dataDir, (db) => damage(db, p.ids));
    const first = await unlockWithoutCache(p.dataDir);
    expect(first.duringUnlock.whole).toBeGreaterThan(0);
    const list = await first.call('notes.list', {});
    const title = (id: string) => list.find((n) => n.id === id)?.title;
    expect(title(p.ids.a)).toBe('Intake: sleep and appetite');
    expect(title(p.ids.b)).toBe(movedBack ? 'Follow-up draft' : 'Follow-up, second visit');
    expect(title(p.ids.c)).toBe('Couples session');
    if (!movedBack) expect(byId(list)).toEqual(byId(p.list));
    await first.call('vault.lock', {});
    open!.close();
    const again = await unlockWithoutCache(p.dataDir);
    expect(byId(await again.call('notes.list', {}))).toEqual(byId(list));
    expect(again.duringUnlock.whole).toBe(0);
  });

  it('are written at lock: notes saved since (a crash, a copy made mid-session) are read whole and listed as saved', async () => {
    const p = await practice();
    const { call } = await unlockWithoutCache(p.dataDir);
    await call('notes.update', { id: p.ids.a, baseRev: 1, title: 'Intake, retitled after the lock' });
    const d = await call('notes.create', { title: 'Written after the lock', body: 'New.' });
    // The files as a crash would leave them: the session never locked.
    const copy = fs.mkdtempSync(path.join(path.dirname(p.dataDir), 'crashed-'));
    for (const f of ['vault.db', 'vault.db-wal']) fs.copyFileSync(path.join(p.dataDir, f), path.join(copy, f));
    const before = await call('notes.list', {});
    open!.close();
    const after = await unlockWithoutCache(copy);
    expect(after.duringUnlock.whole).toBe(2);
    expect(byId(await after.call('notes.list', {}))).toEqual(byId(before));
    expect(before.find((n) => n.id === d.id)?.title).toBe('Written after the lock');
    await after.call('vault.lock', {});
    open!.close();
    expect((await unlockWithoutCache(copy)).duringUnlock.whole).toBe(0);
  });

  it('go with a note deleted for good', async () => {
    const p = await practice();
    const { call } = await unlockWithoutCache(p.dataDir);
    expect(summaryCount(p.dataDir)).toBe(3);
    await call('notes.trash', { id: p.ids.b });
    await call('notes.emptyTrash', { confirm: true });
    expect(summaryCount(p.dataDir)).toBe(2);
  });
});
