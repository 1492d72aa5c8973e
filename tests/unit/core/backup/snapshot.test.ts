import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { snapshotDatabase } from '../../../../src-main/core/backup/snapshot';
import { createVaultDb, type Db } from '../../../../src-main/core/vault/vault-db';
import { tempDir } from '../../../helpers/disk';

/**
 * The snapshot a backup encrypts must hold every committed write, also those still in the WAL,
 * whether the fast copy can be used or another reader forces the VACUUM INTO path.
 */
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function vault(): { db: Db; file: string; dir: string } {
  const dir = tempDir('sv-snap-');
  const file = path.join(dir, 'vault.db');
  const db = createVaultDb(file);
  open.push(db);
  return { db, file, dir };
}

function addRecords(db: Db, from: number, count: number): void {
  const insert = db.prepare('INSERT INTO records (id, rev, kind, nonce, ciphertext) VALUES (?, 1, ?, ?, ?)');
  db.transaction(() => {
    for (let i = from; i < from + count; i++) insert.run(`r${i}`, 'note', Buffer.alloc(24, i % 256), crypto.getRandomValues(new Uint8Array(2000)));
  })();
}

/** Opens a snapshot read-only and returns its record count after a full integrity check. */
function inspect(file: string): { records: number; walHeader: boolean } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    const records = (db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n;
    // Byte 18 of the SQLite header is 2 for a WAL-mode file (the copied vault.db), 1 for VACUUM INTO's output.
    return { records, walHeader: fs.readFileSync(file).subarray(18, 19)[0] === 2 };
  } finally {
    db.close();
  }
}

describe('backup snapshot', () => {
  it('copies the whole committed vault, including writes still in the WAL', () => {
    const { db, file, dir } = vault();
    addRecords(db, 0, 300);
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0); // the newest pages are in the WAL, not vault.db yet
    const out = path.join(dir, 'snapshot.db');
    snapshotDatabase(db, file, out);
    expect(inspect(out)).toEqual({ records: 300, walHeader: true });
    addRecords(db, 300, 1); // the vault goes on working
    expect(inspect(out).records).toBe(300);
  });

  it('still holds the newest writes when another reader keeps them in the WAL, and leaves the vault fully synchronous', () => {
    const { db, file, dir } = vault();
    addRecords(db, 0, 100);
    const reader = new Database(file, { readonly: true, fileMustExist: true });
    try {
      reader.exec('BEGIN');
      expect((reader.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n).toBe(100);
      addRecords(db, 100, 50); // committed after the reader's snapshot: these frames cannot be checkpointed now
      const out = path.join(dir, 'snapshot.db');
      snapshotDatabase(db, file, out);
      expect(inspect(out)).toEqual({ records: 150, walHeader: false });
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL again after VACUUM INTO
      expect((reader.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n).toBe(100);
      reader.exec('COMMIT');
    } finally {
      reader.close();
    }
  });

  it('falls back to SQLite when the file copy fails, leaving no half copy behind', () => {
    const { db, file, dir } = vault();
    addRecords(db, 0, 40);
    const out = path.join(dir, 'snapshot.db');
    const copy = vi.spyOn(fs, 'copyFileSync').mockImplementationOnce((_from, to) => {
      fs.writeFileSync(to, 'half a copy');
      throw Object.assign(new Error('locked range'), { code: 'EBUSY' });
    });
    try {
      snapshotDatabase(db, file, out);
      expect(copy).toHaveBeenCalledTimes(1);
    } finally {
      copy.mockRestore();
    }
    expect(inspect(out)).toEqual({ records: 40, walHeader: false });
  });

  it('does not trust a copy made while another connection committed, and holds that commit', () => {
    const { db, file, dir } = vault();
    addRecords(db, 0, 60);
    const out = path.join(dir, 'snapshot.db');
    const realCopy = fs.copyFileSync;
    const copy = vi.spyOn(fs, 'copyFileSync').mockImplementationOnce((from, to, mode) => {
      realCopy(from, to, mode);
      const other = new Database(file); // e.g. a second app instance, writing while the copy runs
      try {
        addRecords(other, 60, 5);
      } finally {
        other.close();
      }
    });
    try {
      snapshotDatabase(db, file, out);
      expect(copy).toHaveBeenCalledTimes(1);
    } finally {
      copy.mockRestore();
    }
    expect(inspect(out)).toEqual({ records: 65, walHeader: false });
  });

  it('never overwrites an existing file', () => {
    const { db, file, dir } = vault();
    addRecords(db, 0, 5);
    const out = path.join(dir, 'taken.db');
    fs.writeFileSync(out, 'someone else');
    expect(() => snapshotDatabase(db, file, out)).toThrow();
    expect(fs.readFileSync(out, 'utf8')).toBe('someone else');
  });
});
