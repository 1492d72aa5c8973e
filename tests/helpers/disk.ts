import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

/** Temp folders, and what the app left on disk: files holding a text, fingerprints, tampering. */

const madeDirs = new Set<string>();
// Test vaults are throwaway: remove them when the test process ends, so runs do not fill /tmp.
process.once('exit', () => {
  for (const dir of madeDirs) fs.rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'sv-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  madeDirs.add(dir);
  return dir;
}

export function vaultFile(dataDir: string): string {
  return path.join(dataDir, 'vault.db');
}

/** Every byte of every file under dir, concatenated per file. */
export function filesUnder(dir: string): { file: string; bytes: Buffer }[] {
  const out: { file: string; bytes: Buffer }[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.push({ file, bytes: fs.readFileSync(file) });
  }
  return out;
}

/** Files under dir that contain the needle as UTF-8 or UTF-16LE. */
export function filesContaining(dir: string, needle: string): string[] {
  const utf8 = Buffer.from(needle, 'utf8');
  const utf16 = Buffer.from(needle, 'utf16le');
  return filesUnder(dir)
    .filter(({ bytes }) => bytes.includes(utf8) || bytes.includes(utf16))
    .map(({ file }) => file);
}

/** Edits the vault file directly, as an attacker or a disk error would, then closes it. */
export function tamper(dataDir: string, fn: (db: Database.Database) => void): void {
  const db = new Database(vaultFile(dataDir));
  try {
    fn(db);
  } finally {
    db.close();
  }
}

const sha256Of = (...parts: (string | Uint8Array)[]) => parts.reduce((h, p) => h.update(p), crypto.createHash('sha256')).digest('hex');

export function sha256(file: string): string {
  return sha256Of(fs.readFileSync(file));
}

/** SHA-256 of every file in dataDir, by name: "nothing was overwritten" means this is unchanged. */
export function fingerprint(dataDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(dataDir).sort()) {
    const file = path.join(dataDir, name);
    if (fs.statSync(file).isFile()) out[name] = sha256(file);
  }
  return out;
}

/** SHA-256 of vault.db and its WAL alone, to prove a failed operation left the vault byte for byte as it was. */
export function vaultFingerprint(dataDir: string): string {
  const parts = ['vault.db', 'vault.db-wal'].flatMap((name) => {
    const file = path.join(dataDir, name);
    return fs.existsSync(file) ? [name, fs.readFileSync(file)] : [name];
  });
  return sha256Of(...parts);
}

/**
 * SHA-256 of every stored record revision and head. A successful verify or drill may append an
 * audit event (the audit trail logs them), but must never change a record.
 */
export function recordsFingerprint(dataDir: string, file = vaultFile(dataDir)): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT id, rev, kind, nonce, ciphertext FROM records ORDER BY id, rev').all() as Record<string, unknown>[];
    const parts = rows.flatMap((r) => [JSON.stringify([r.id, r.rev, r.kind]), r.nonce as Buffer, r.ciphertext as Buffer]);
    return sha256Of(...parts, JSON.stringify(db.prepare('SELECT id, kind, rev FROM heads ORDER BY id').all()));
  } finally {
    db.close();
  }
}

/** Scratch folders a backup operation left behind (there should be none). */
export function scratchDirs(dataDir: string): string[] {
  return fs.readdirSync(dataDir).filter((n) => n.startsWith('.sv-backup-tmp-'));
}
