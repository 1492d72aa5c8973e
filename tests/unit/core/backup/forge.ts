import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { masterKeyFromBackup } from '../../../../src-main/core/backup/backup-keys';
import { backupKey, type MasterKey } from '../../../../src-main/core/crypto/keys';
import { encodeChunkLength, encodePrefix, type BackupHeader } from '../../../../src-main/core/backup/backup-format';
import { decryptBackup, readBackupHeader } from '../../../../src-main/core/backup/backup-reader';
import { memzero, streamPusher } from '../../../../src-main/core/crypto/sodium';
import { tempDir } from '../../../helpers/disk';

/**
 * A test-only backup forger with the vault's own keys: opens a real backup with its password and
 * seals a new one around a snapshot the test changed. What it makes authenticates like a real
 * backup, so only the checks after decryption (FINAL tag, integrity_check, vault id, counts) can
 * refuse it.
 */
export interface OpenedBackup {
  header: BackupHeader;
  /** The decrypted vault copy, in a private temp file the test may edit. */
  snapshotFile: string;
  masterKey: MasterKey;
}

export async function openBackup(file: string, password: string): Promise<OpenedBackup> {
  const parsed = readBackupHeader(file);
  const masterKey = await masterKeyFromBackup(parsed.header, { password, keyFileBytes: null });
  const snapshotFile = path.join(tempDir('sv-forge-'), 'snapshot.db');
  const key = backupKey(masterKey);
  await decryptBackup(file, parsed, key, snapshotFile, { durable: false });
  memzero(key);
  return { header: parsed.header, snapshotFile, masterKey };
}

/** Seals `snapshot` as a backup file at `out`; `finalTag: false` leaves the last chunk a plain MESSAGE. */
export function sealBackup(out: string, o: { header: BackupHeader; snapshot: Buffer; masterKey: MasterKey; finalTag?: boolean; chunkBytes?: number }): void {
  const chunkBytes = o.chunkBytes ?? o.header.chunkBytes;
  const prefix = encodePrefix({ ...o.header, chunkBytes, snapshotBytes: o.snapshot.length });
  const key = backupKey(o.masterKey);
  const pusher = streamPusher(key);
  const parts: Uint8Array[] = [prefix, pusher.header];
  const count = Math.max(1, Math.ceil(o.snapshot.length / chunkBytes));
  for (let i = 0; i < count; i++) {
    const last = i === count - 1;
    const sealed = pusher.push(o.snapshot.subarray(i * chunkBytes, (i + 1) * chunkBytes), last && o.finalTag !== false, i === 0 ? prefix : undefined);
    parts.push(encodeChunkLength(sealed.length), sealed);
  }
  pusher.done();
  memzero(key);
  fs.writeFileSync(out, Buffer.concat(parts));
}

/** Edits a copy of a decrypted snapshot with SQL (better-sqlite3) and returns its bytes. */
export function editSnapshot(snapshotFile: string, edit: (db: Database.Database) => void): Buffer {
  const copy = path.join(tempDir('sv-forge-edit-'), 'edited.db');
  fs.copyFileSync(snapshotFile, copy);
  const db = new Database(copy);
  edit(db);
  db.pragma('journal_mode = DELETE');
  db.close();
  return fs.readFileSync(copy);
}

/**
 * Damages a table's root page in a copy of a database: its b-tree page type becomes invalid.
 * The file still opens and every other table still reads; PRAGMA integrity_check fails.
 */
export function damageTablePage(dbBytes: Buffer, table: string): Buffer {
  const file = path.join(tempDir('sv-forge-page-'), 'page.db');
  fs.writeFileSync(file, dbBytes);
  const db = new Database(file, { readonly: true });
  const root = (db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').get(table) as { rootpage: number }).rootpage;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const out = Buffer.from(dbBytes);
  out[(root - 1) * pageSize] = 0x07; // not one of SQLite's four b-tree page types
  return out;
}
