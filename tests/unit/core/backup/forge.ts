import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { masterKeyFromBackup } from '../../../../src-main/core/backup/backup-keys';
import type { MasterKey } from '../../../../src-main/core/crypto/keys';
import { encodeChunkLength, encodePrefix, type BackupHeader } from '../../../../src-main/core/backup/backup-format';
import { decryptBackup, readBackupHeader } from '../../../../src-main/core/backup/backup-reader';
import { chunkSealer } from '../../../../src-main/core/backup/backup-stream';
import { fileSink } from '../../../../src-main/core/backup/plain-sinks';
import { tempDir } from '../../../helpers/disk';

/**
 * A test-only backup forger with the vault's own keys: opens a real backup with its password and
 * seals a new one around a snapshot the test changed. What it makes authenticates like a real
 * backup, so only the checks after decryption (last chunk, integrity_check, vault id, counts) can
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
  await decryptBackup(file, parsed, masterKey, () => fileSink(snapshotFile, { durable: false }));
  return { header: parsed.header, snapshotFile, masterKey };
}

/** Seals `snapshot` as a backup file (the current format) at `out`; `finalTag: false` seals the last chunk as one that is not the last. */
export function sealBackup(out: string, o: { header: BackupHeader; snapshot: Buffer; masterKey: MasterKey; finalTag?: boolean; chunkBytes?: number }): void {
  const chunkBytes = o.chunkBytes ?? o.header.chunkBytes;
  const prefix = encodePrefix({ ...o.header, chunkBytes, snapshotBytes: o.snapshot.length });
  const sealer = chunkSealer(o.masterKey, prefix);
  const parts: Uint8Array[] = [prefix, sealer.header];
  const count = Math.max(1, Math.ceil(o.snapshot.length / chunkBytes));
  for (let i = 0; i < count; i++) {
    const last = i === count - 1;
    const sealed = sealer.seal(o.snapshot.subarray(i * chunkBytes, (i + 1) * chunkBytes), last && o.finalTag !== false);
    parts.push(encodeChunkLength(sealed.reduce((n, p) => n + p.length, 0)), ...sealed);
  }
  sealer.done();
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
