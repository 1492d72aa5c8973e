import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { VaultService } from '../../../../src-main/service';
import { tempDir } from '../../../helpers/disk';
import { newService, pick, STRONG_PASSWORD, value } from '../../../helpers/service';

/**
 * Attacks on the audit trail by someone with the vault's files: rows removed from the end with an
 * older head put back, the whole trail emptied, the outside anchors deleted too, entries slipped
 * into the unsealed waiting list, rows spliced in from a copy that went another way. Each edits
 * the files on disk, then goes through `invoke`.
 */
let service: VaultService | undefined;
afterEach(() => {
  service?.close();
  service = undefined;
});

const SIDE_FILES = { backupLog: 'backup-log.svlog', unlockCache: 'unlock-cache.svcache' } as const;

function sql<T>(dataDir: string, fn: (db: Database.Database) => T): T {
  const db = new Database(path.join(dataDir, 'vault.db'));
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const headOf = (dataDir: string) => sql(dataDir, (db) => (db.prepare("SELECT value FROM meta WHERE key = 'audit_head'").get() as { value: string }).value);
const rowCount = (dataDir: string) => sql(dataDir, (db) => (db.prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n);

async function session(dataDir: string, work: (s: VaultService) => Promise<void>): Promise<void> {
  const made = await newService({ dataDir });
  value(await made.service.invoke('vault.unlock', { password: STRONG_PASSWORD }));
  await work(made.service);
  value(await made.service.invoke('vault.lock', {}));
  made.service.close();
}

/** A vault locked twice. Returns the head as it stood after the first lock (an attacker's older copy) and its seq. */
async function twoSessions(): Promise<{ dataDir: string; oldHead: string; oldEntries: number }> {
  const made = await newService();
  value(await made.service.invoke('vault.create', { password: STRONG_PASSWORD }));
  value(await made.service.invoke('notes.create', { title: 'first', body: 'first session' }));
  value(await made.service.invoke('vault.lock', {}));
  made.service.close();
  const oldHead = headOf(made.dataDir);
  const oldEntries = rowCount(made.dataDir);
  await session(made.dataDir, async (s) => {
    const c = value(await s.invoke('clients.create', { displayName: 'Later' }));
    value(await s.invoke('export.client', { clientId: c.id, format: 'html', folder: await pick(s, 'export-folder', tempDir('sv-export-')) }));
    value(await s.invoke('notes.create', { title: 'second', body: 'second session' }));
  });
  return { dataDir: made.dataDir, oldHead, oldEntries };
}

/** Deletes every row after `keep` and puts back an older head, as an attacker with an old copy would. */
function cutTo(dataDir: string, keep: number, head: string): void {
  sql(dataDir, (db) => {
    db.prepare('DELETE FROM audit WHERE seq > ?').run(keep);
    db.prepare("UPDATE meta SET value = ? WHERE key = 'audit_head'").run(head);
  });
}

async function unlockAndVerify(dataDir: string) {
  ({ service } = await newService({ dataDir }));
  value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD }));
  return value(await service.invoke('audit.verify', {}));
}

describe('the audit trail notices what is removed', () => {
  it('the newest rows deleted and an older head put back: broken where the rows end, and it stays so', async () => {
    const { dataDir, oldHead, oldEntries } = await twoSessions();
    cutTo(dataDir, oldEntries, oldHead);
    expect(await unlockAndVerify(dataDir)).toEqual({ ok: false, entries: oldEntries + 1, firstBadIndex: oldEntries, problem: 'removed' });
    // Never healed: not by another session, not by deleting the outside anchors afterwards.
    value(await service!.invoke('vault.lock', {}));
    service!.close();
    for (const f of Object.values(SIDE_FILES)) fs.rmSync(path.join(dataDir, f), { force: true });
    expect(await unlockAndVerify(dataDir)).toMatchObject({ ok: false, firstBadIndex: oldEntries, problem: 'removed' });
  });

  for (const [kept, deleted] of [
    ['the backup log', SIDE_FILES.unlockCache],
    ['the unlock cache', SIDE_FILES.backupLog],
  ] as const) {
    it(`the same cut is noticed with only ${kept} left beside the vault`, async () => {
      const { dataDir, oldHead, oldEntries } = await twoSessions();
      cutTo(dataDir, oldEntries, oldHead);
      fs.rmSync(path.join(dataDir, deleted));
      expect(await unlockAndVerify(dataDir)).toMatchObject({ ok: false, firstBadIndex: oldEntries, problem: 'removed' });
    });
  }

  it('the same cut with both outside anchors deleted too: the trail promised them, so it is still noticed', async () => {
    const { dataDir, oldHead, oldEntries } = await twoSessions();
    cutTo(dataDir, oldEntries, oldHead);
    for (const f of Object.values(SIDE_FILES)) fs.rmSync(path.join(dataDir, f));
    expect(await unlockAndVerify(dataDir)).toMatchObject({ ok: false, firstBadIndex: oldEntries, problem: 'removed' });
  });

  it('every row and the head deleted: broken at the start, with or without the outside anchors', async () => {
    for (const alsoAnchors of [false, true]) {
      const { dataDir } = await twoSessions();
      sql(dataDir, (db) => {
        db.exec('DELETE FROM audit');
        db.prepare("DELETE FROM meta WHERE key = 'audit_head'").run();
      });
      if (alsoAnchors) for (const f of Object.values(SIDE_FILES)) fs.rmSync(path.join(dataDir, f));
      expect(await unlockAndVerify(dataDir)).toMatchObject({ ok: false, firstBadIndex: 0, problem: 'removed' });
      service!.close();
      service = undefined;
    }
  });

  it('a vault never verifies with zero entries', async () => {
    const { dataDir } = await twoSessions();
    ({ service } = await newService({ dataDir }));
    value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD }));
    sql(dataDir, (db) => db.exec('DELETE FROM audit'));
    expect(value(await service.invoke('audit.verify', {}))).toEqual({ ok: false, entries: 0, firstBadIndex: 0, problem: 'removed' });
  });

  it('entries slipped into the unsealed waiting list: only failed unlocks are sealed, marked "while locked", never back-dated', async () => {
    const { dataDir } = await twoSessions();
    const lastJanuary = Date.UTC(new Date().getUTCFullYear() - 1, 0, 15);
    sql(dataDir, (db) =>
      db
        .prepare("INSERT INTO meta (key, value) VALUES ('audit_pending', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .run(JSON.stringify([{ type: 'export.created', time: lastJanuary }, { type: 'vault.unlockFailed', time: lastJanuary }])),
    );
    const before = Date.now();
    expect(await unlockAndVerify(dataDir)).toMatchObject({ ok: true });
    const trail = value(await service!.invoke('audit.list', {}));
    expect(trail.filter((e) => e.type === 'export.created')).toHaveLength(1); // the real one, from the second session
    const failed = trail.filter((e) => e.type === 'vault.unlockFailed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ whileLocked: true });
    const lastLock = trail.find((e) => e.type === 'vault.locked')!;
    expect(failed[0]!.time).toBeGreaterThanOrEqual(lastLock.time);
    expect(failed[0]!.time).toBeLessThanOrEqual(Date.now());
    expect(failed[0]!.time).toBeGreaterThan(lastJanuary);
    expect(before).toBeGreaterThan(lastJanuary);
  });

  it('rows spliced in from a copy of the vault that went another way are noticed, in the middle or as a whole tail', async () => {
    // One vault, copied after its first session; both copies then live on.
    const made = await newService();
    value(await made.service.invoke('vault.create', { password: STRONG_PASSWORD }));
    value(await made.service.invoke('vault.lock', {}));
    made.service.close();
    const fork = rowCount(made.dataDir);
    const other = tempDir('sv-diverged-');
    fs.copyFileSync(path.join(made.dataDir, 'vault.db'), path.join(other, 'vault.db'));
    const work = (name: string) => async (s: VaultService) => {
      for (const n of [1, 2, 3]) value(await s.invoke('clients.create', { displayName: `${name} ${n}` }));
    };
    await session(made.dataDir, work('Here'));
    await session(other, work('There'));
    const theirs = sql(other, (db) => ({
      rows: db.prepare('SELECT seq, nonce, ciphertext, mac FROM audit WHERE seq > ? ORDER BY seq').all(fork) as { seq: number; nonce: Buffer; ciphertext: Buffer; mac: Buffer }[],
      head: headOf(other),
    }));
    const original = fs.readFileSync(path.join(made.dataDir, 'vault.db'));
    const put = (db: Database.Database, rows: typeof theirs.rows) => {
      for (const r of rows) db.prepare('INSERT OR REPLACE INTO audit (seq, nonce, ciphertext, mac) VALUES (?, ?, ?, ?)').run(r.seq, r.nonce, r.ciphertext, r.mac);
    };

    // Two of their rows in the middle of ours: the chain breaks at the first of them (it links to their history, not ours).
    sql(made.dataDir, (db) => put(db, theirs.rows.slice(1, 3)));
    const middle = await unlockAndVerify(made.dataDir);
    expect(middle).toMatchObject({ ok: false });
    expect(middle.firstBadIndex).toBe(fork + 1);
    service!.close();
    service = undefined;

    // Their whole tail and head in place of ours: a valid chain, but not the one anchored outside.
    fs.writeFileSync(path.join(made.dataDir, 'vault.db'), original);
    sql(made.dataDir, (db) => {
      db.prepare('DELETE FROM audit WHERE seq > ?').run(fork);
      put(db, theirs.rows);
      db.prepare("UPDATE meta SET value = ? WHERE key = 'audit_head'").run(theirs.head);
    });
    const tail = await unlockAndVerify(made.dataDir);
    expect(tail).toMatchObject({ ok: false });
    expect(tail.firstBadIndex).toBeGreaterThanOrEqual(fork);
    expect(tail.firstBadIndex).toBeLessThanOrEqual(theirs.rows.length + fork);
  });
});
