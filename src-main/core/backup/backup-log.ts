import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { backupLogKey, type MasterKey } from '../crypto/keys';
import { AEAD_NONCE_BYTES, memzero, open, seal } from '../crypto/sodium';

/**
 * Which backup files this vault has proven (verified after writing, or by `backup.verify`).
 * Kept beside vault.db rather than inside it, so verifying a backup never writes to the vault,
 * and sealed with its own subkey, because file names and dates are the clinician's business.
 */
export const BACKUP_LOG_FILE = 'backup-log.svlog';
const MAX_ENTRIES = 500;

const entrySchema = z.object({
  file: z.string(),
  bytes: z.number(),
  createdAt: z.number(),
  checkedAt: z.number(),
  verified: z.boolean(),
  /** When this vault was restored from the file: the vault then held exactly what the backup holds. */
  restoredAt: z.number().optional(),
});
const logSchema = z.array(entrySchema);
export type BackupLogEntry = z.infer<typeof entrySchema>;

const enc = new TextEncoder();

function logKeyAndAd(masterKey: MasterKey, vaultId: string) {
  return { key: backupLogKey(masterKey), ad: enc.encode(`sessionvault/backup-log/v1|${vaultId}`) };
}

export function readBackupLog(dataDir: string, masterKey: MasterKey, vaultId: string): BackupLogEntry[] {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(path.join(dataDir, BACKUP_LOG_FILE));
  } catch {
    return [];
  }
  const { key, ad } = logKeyAndAd(masterKey, vaultId);
  try {
    const plain = open(key, bytes.subarray(0, AEAD_NONCE_BYTES), bytes.subarray(AEAD_NONCE_BYTES), ad);
    if (!plain) return []; // A log from another vault (after a restore) or a damaged one: start afresh.
    const parsed = logSchema.safeParse(JSON.parse(new TextDecoder().decode(plain)));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  } finally {
    memzero(key);
  }
}

/** The newest backup this vault proved restorable (by its creation time), or null. */
export function lastVerifiedBackup(dataDir: string, masterKey: MasterKey, vaultId: string): BackupLogEntry | null {
  const verified = readBackupLog(dataDir, masterKey, vaultId).filter((e) => e.verified);
  return verified.reduce<BackupLogEntry | null>((best, e) => (!best || e.createdAt > best.createdAt ? e : best), null);
}

/** When this vault was last restored from a backup (proven in full by the restore itself), or null. */
export function lastRestore(dataDir: string, masterKey: MasterKey, vaultId: string): number | null {
  const times = readBackupLog(dataDir, masterKey, vaultId).flatMap((e) => (e.restoredAt !== undefined ? [e.restoredAt] : []));
  return times.length ? Math.max(...times) : null;
}

/** Records the outcome of checking one backup file, replacing any older entry for the same file. */
export function recordBackupCheck(dataDir: string, masterKey: MasterKey, vaultId: string, entry: BackupLogEntry): void {
  const log = readBackupLog(dataDir, masterKey, vaultId);
  // A later check of the same file never erases that the vault was restored from it.
  const restoredAt = entry.restoredAt ?? log.find((e) => e.file === entry.file)?.restoredAt;
  const next = restoredAt === undefined ? entry : { ...entry, restoredAt };
  const entries = [next, ...log.filter((e) => e.file !== entry.file)].slice(0, MAX_ENTRIES);
  writeBackupLog(dataDir, masterKey, vaultId, entries);
}

export function forgetBackups(dataDir: string, masterKey: MasterKey, vaultId: string, files: string[]): void {
  if (!files.length) return;
  const gone = new Set(files);
  writeBackupLog(dataDir, masterKey, vaultId, readBackupLog(dataDir, masterKey, vaultId).filter((e) => !gone.has(e.file)));
}

function writeBackupLog(dataDir: string, masterKey: MasterKey, vaultId: string, entries: BackupLogEntry[]): void {
  const { key, ad } = logKeyAndAd(masterKey, vaultId);
  const { nonce, ciphertext } = seal(key, enc.encode(JSON.stringify(entries)), ad);
  memzero(key);
  const file = path.join(dataDir, BACKUP_LOG_FILE);
  const tmp = `${file}.tmp`;
  const bytes = new Uint8Array(nonce.length + ciphertext.length);
  bytes.set(nonce);
  bytes.set(ciphertext, nonce.length);
  fs.writeFileSync(tmp, bytes, { mode: 0o600 });
  fs.renameSync(tmp, file);
}
