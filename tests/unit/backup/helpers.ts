import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

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

export function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Scratch folders a backup operation leaves behind (there should be none). */
export function scratchDirs(dataDir: string): string[] {
  return fs.readdirSync(dataDir).filter((n) => n.startsWith('.sv-backup-tmp-'));
}
