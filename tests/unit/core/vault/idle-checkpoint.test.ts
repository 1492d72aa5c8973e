import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { checkpointWhenIdle } from '../../../../src-main/core/vault/idle-checkpoint';
import { createVaultDb, type Db } from '../../../../src-main/core/vault/vault-db';
import { tempDir } from '../../../helpers/disk';

/**
 * Saves must not pay for copying the write-ahead log into the database: SQLite's automatic
 * checkpoint did that inside whichever commit brought the log to 1,000 pages.
 */
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
});

function vault(): { db: Db; file: string } {
  const file = path.join(tempDir('sv-ckpt-'), 'vault.db');
  const db = createVaultDb(file);
  open.push(db);
  return { db, file };
}

/** ~600 pages of records over 4 commits: a burst of saves, under SQLite's 1,000-page checkpoint. */
function writeBurst(db: Db, tag: string): void {
  const insert = db.prepare('INSERT INTO records (id, rev, kind, nonce, ciphertext) VALUES (?, 1, ?, ?, ?)');
  for (let t = 0; t < 4; t++) {
    db.transaction(() => {
      for (let i = 0; i < 150; i++) insert.run(`${tag}${t}-${i}`, 'note', Buffer.alloc(24, i), crypto.getRandomValues(new Uint8Array(3000)));
    })();
  }
}

const BURST_BYTES = 4 * 150 * 3000;

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<boolean> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

describe('checkpointing the log while nobody writes', () => {
  it('without it, the second burst after a pause pays for copying the first into the database', async () => {
    const { db, file } = vault();
    writeBurst(db, 'a');
    const afterFirst = fs.statSync(file).size;
    await new Promise((resolve) => setTimeout(resolve, 300));
    writeBurst(db, 'b');
    // Some commit of the second burst brought the log past 1,000 pages and checkpointed it.
    expect(fs.statSync(file).size).toBeGreaterThan(afterFirst + BURST_BYTES / 2);
  });

  it('with it, the log is copied during the pause: no commit of either burst checkpoints, and the database file alone holds every record', async () => {
    const { db, file } = vault();
    checkpointWhenIdle(db, 50);
    const before = fs.statSync(file).size;
    writeBurst(db, 'a');
    // Every commit went to the log only: the database file did not grow during the burst.
    expect(fs.statSync(file).size).toBe(before);
    expect(await until(() => fs.statSync(file).size > BURST_BYTES)).toBe(true);
    const afterPause = fs.statSync(file).size;
    writeBurst(db, 'b');
    expect(fs.statSync(file).size).toBe(afterPause);
    expect(await until(() => fs.statSync(file).size > 2 * BURST_BYTES)).toBe(true);
    // The copy is whole: the database file alone (no log beside it) holds every record.
    const copy = path.join(path.dirname(file), 'alone.db');
    fs.copyFileSync(file, copy);
    const alone = new Database(copy, { readonly: true });
    try {
      expect(alone.prepare('SELECT count(*) FROM records').pluck().get()).toBe(1200);
      expect(alone.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    } finally {
      alone.close();
    }
  });

  it('waits while writes go on, and stops by itself once the connection closes', async () => {
    const { db, file } = vault();
    checkpointWhenIdle(db, 500);
    const before = fs.statSync(file).size;
    const insert = db.prepare('INSERT INTO records (id, rev, kind, nonce, ciphertext) VALUES (?, 1, ?, ?, ?)');
    // A write every 20 ms for 1.5 s: never a quiet interval of 500 ms, so never a checkpoint.
    for (let i = 0; i < 75; i++) {
      insert.run(`w${i}`, 'note', Buffer.alloc(24, i), crypto.getRandomValues(new Uint8Array(3000)));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(fs.statSync(file).size).toBe(before);
    db.close();
    // The next ticks find the connection closed: nothing throws, and the timer is cleared.
    await new Promise((resolve) => setTimeout(resolve, 500));
  });
});
