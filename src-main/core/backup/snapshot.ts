import fs from 'node:fs';
import Database from 'better-sqlite3';
import { SCHEMA_VERSION } from '../vault/migrations';
import { VaultError } from '../errors';
import { APPLICATION_ID, type Db } from '../vault/vault-db';
import { readHeader } from '../vault/vault-header';
import type { BackupCounts } from './backup-format';

/**
 * A consistent copy of the open vault at `out` (a new file in a private scratch folder).
 * Fast path: a passive checkpoint moves every WAL frame into vault.db, and the copy is made
 * synchronously right after, so this connection cannot write in between (JS runs nothing else
 * meanwhile): the file alone is then the whole committed database, copied in one kernel call.
 * `data_version` unchanged across it proves no other connection committed either.
 * secure_delete=ON (vault-db.ts) has zeroed deleted content, so the copy carries nothing a
 * rebuilt file would not. When a frame cannot be moved (another reader holds it back), another
 * connection wrote meanwhile, or the copy fails, `VACUUM INTO` builds the copy through SQLite.
 */
export function snapshotDatabase(db: Db, vaultFile: string, out: string): void {
  const version = db.pragma('data_version', { simple: true });
  const [wal] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
  if (wal && wal.busy === 0 && wal.log >= 0 && wal.checkpointed === wal.log) {
    try {
      fs.copyFileSync(vaultFile, out, fs.constants.COPYFILE_EXCL);
      if (db.pragma('data_version', { simple: true }) === version) return;
    } catch (e) {
      if ((e as { code?: unknown }).code === 'EEXIST') throw e;
      // The copy failed (e.g. Windows refuses a byte range SQLite keeps locked): SQLite makes it instead.
    }
    fs.rmSync(out, { force: true });
  }
  // VACUUM INTO copies this connection's synchronous=FULL onto its output: fsyncing a scratch copy deleted minutes later only doubles the cost.
  const synchronous = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = OFF');
  try {
    db.prepare('VACUUM INTO ?').run(out);
  } finally {
    db.pragma(`synchronous = ${synchronous}`);
  }
}

/** What a backup promises about its snapshot: counted when written, checked when read back. */
export function countRecords(db: Db): BackupCounts {
  const records = (db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n;
  const byKind: Record<string, number> = {};
  for (const row of db.prepare('SELECT kind, count(*) AS n FROM heads GROUP BY kind ORDER BY kind').all() as { kind: string; n: number }[]) {
    byKind[row.kind] = row.n;
  }
  return { records, byKind };
}

/** The counts of a snapshot file, read-only. */
export function countSnapshot(file: string): BackupCounts {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return countRecords(db);
  } finally {
    db.close();
  }
}

const DAMAGED = 'The backup file is damaged: its vault copy failed the integrity check. Use another backup.';

/**
 * Proves a decrypted snapshot is a whole, healthy vault of the expected id with the promised
 * record counts (PRAGMA integrity_check reads every page). Opens read-only: checking changes nothing.
 */
export function checkSnapshot(file: string, expected: { vaultId: string; counts: BackupCounts }): void {
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    throw new VaultError('BACKUP_CORRUPT', DAMAGED);
  }
  try {
    // Read through a memory map: the same pages, the same check, without a system call per page (~3× faster). The copy is in a private scratch folder nothing else writes.
    db.pragma(`mmap_size = ${fs.statSync(file).size}`);
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) throw new VaultError('BACKUP_CORRUPT', DAMAGED);
    if ((db.pragma('user_version', { simple: true }) as number) > SCHEMA_VERSION) {
      throw new VaultError('BACKUP_UNSUPPORTED_VERSION', 'This backup was made by a newer version of SessionVault. Update the app to restore it.');
    }
    const check = db.pragma('integrity_check') as { integrity_check: string }[];
    if (check.length !== 1 || check[0]?.integrity_check !== 'ok') throw new VaultError('BACKUP_CORRUPT', DAMAGED);
    if (readHeader(db).vaultId !== expected.vaultId) throw new VaultError('BACKUP_CORRUPT', DAMAGED);
    if (JSON.stringify(countRecords(db)) !== JSON.stringify(expected.counts)) {
      throw new VaultError('BACKUP_CORRUPT', 'The backup file is incomplete: it holds fewer or more records than it says. Use another backup.');
    }
  } catch (e) {
    if (e instanceof VaultError && e.code.startsWith('BACKUP_')) throw e;
    throw new VaultError('BACKUP_CORRUPT', DAMAGED);
  } finally {
    db.close();
  }
}
