import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** SHA-256 of vault.db and its WAL, to prove a failed operation left the vault byte-for-byte as it was. */
export function vaultFingerprint(dataDir: string): string {
  const hash = crypto.createHash('sha256');
  for (const name of ['vault.db', 'vault.db-wal']) {
    const file = path.join(dataDir, name);
    hash.update(name);
    if (fs.existsSync(file)) hash.update(fs.readFileSync(file));
  }
  return hash.digest('hex');
}

/** Scratch folders a backup operation leaves behind (there should be none). */
export function scratchDirs(dataDir: string): string[] {
  return fs.readdirSync(dataDir).filter((n) => n.startsWith('.sv-backup-tmp-'));
}

/**
 * SHA-256 of every stored record revision and head. A successful verify or drill may append an
 * audit event (the audit trail logs them), but must never change a record.
 */
export function recordsFingerprint(dataDir: string, file = path.join(dataDir, 'vault.db')): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const hash = crypto.createHash('sha256');
    for (const r of db.prepare('SELECT id, rev, kind, nonce, ciphertext FROM records ORDER BY id, rev').all() as Record<string, unknown>[]) {
      hash.update(JSON.stringify([r.id, r.rev, r.kind])).update(r.nonce as Buffer).update(r.ciphertext as Buffer);
    }
    hash.update(JSON.stringify(db.prepare('SELECT id, kind, rev FROM heads ORDER BY id').all()));
    return hash.digest('hex');
  } finally {
    db.close();
  }
}
