import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { backupLogKey, type MasterKey } from '../crypto/keys';
import { AEAD_NONCE_BYTES, memzero, open, seal } from '../crypto/sodium';

/**
 * What this vault sealed about its backups, and where its audit trail stood, kept beside vault.db
 * rather than inside it: verifying a backup never writes to the vault, and an attacker who edits
 * vault.db (or the backups on the drive) does not edit this with it. Sealed with its own subkey,
 * because file names and dates are the clinician's business. Format in docs/backup-format.md
 * ("Backup log"); version 1 held the backup entries only and is read and upgraded.
 */
export const BACKUP_LOG_FILE = 'backup-log.svlog';
const MAX_ENTRIES = 500;

const hex32 = z.string().regex(/^[0-9a-f]{64}$/);

const entryV1 = z.object({
  file: z.string(),
  bytes: z.number(),
  createdAt: z.number(),
  checkedAt: z.number(),
  verified: z.boolean(),
  /** When this vault was restored from the file: the vault then held exactly what the backup holds. */
  restoredAt: z.number().optional(),
});
const entrySchema = entryV1.extend({
  /** BLAKE2b-256 of the file's authenticated prefix, its stream header and its size (backup-fingerprint.ts); null for entries from a version-1 log. */
  fingerprint: hex32.nullable(),
});
/** Where the audit chain stood when last anchored: that entry's seq and link (audit-log.ts). */
const anchorSchema = z.object({ seq: z.number().int().min(1), mac: hex32 });
const logSchema = z.object({ version: z.literal(2), backups: z.array(entrySchema), auditAnchor: anchorSchema.nullable() });

export type BackupLogEntry = z.infer<typeof entrySchema>;
export type AuditAnchor = z.infer<typeof anchorSchema>;
export type BackupLog = Omit<z.infer<typeof logSchema>, 'version'>;

const EMPTY: BackupLog = { backups: [], auditAnchor: null };
const enc = new TextEncoder();
const dec = new TextDecoder();

function logKey(masterKey: MasterKey) {
  return backupLogKey(masterKey);
}
const logAd = (version: 1 | 2, vaultId: string) => enc.encode(`sessionvault/backup-log/v${version}|${vaultId}`);

/** The log, upgraded from version 1 when that is what is on disk; empty when missing, damaged or another vault's. */
export function readBackupLog(dataDir: string, masterKey: MasterKey, vaultId: string): BackupLog {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(path.join(dataDir, BACKUP_LOG_FILE));
  } catch {
    return EMPTY;
  }
  const key = logKey(masterKey);
  const nonce = bytes.subarray(0, AEAD_NONCE_BYTES);
  const body = bytes.subarray(AEAD_NONCE_BYTES);
  try {
    const v2 = open(key, nonce, body, logAd(2, vaultId));
    if (v2) {
      const parsed = logSchema.safeParse(JSON.parse(dec.decode(v2)));
      return parsed.success ? { backups: parsed.data.backups, auditAnchor: parsed.data.auditAnchor } : EMPTY;
    }
    const v1 = open(key, nonce, body, logAd(1, vaultId));
    if (!v1) return EMPTY; // Another vault's log (after a restore) or a damaged one: start afresh.
    const parsed = z.array(entryV1).safeParse(JSON.parse(dec.decode(v1)));
    // Version 1 sealed no fingerprint: those backups show as "verify again" until they are.
    return parsed.success ? { backups: parsed.data.map((e) => ({ ...e, fingerprint: null })), auditAnchor: null } : EMPTY;
  } catch {
    return EMPTY;
  } finally {
    memzero(key);
  }
}

function writeBackupLog(dataDir: string, masterKey: MasterKey, vaultId: string, log: BackupLog): void {
  const key = logKey(masterKey);
  const { nonce, ciphertext } = seal(key, enc.encode(JSON.stringify({ version: 2, ...log })), logAd(2, vaultId));
  memzero(key);
  const file = path.join(dataDir, BACKUP_LOG_FILE);
  const tmp = `${file}.tmp`;
  const bytes = new Uint8Array(nonce.length + ciphertext.length);
  bytes.set(nonce);
  bytes.set(ciphertext, nonce.length);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(tmp, bytes, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/** Read, change, write back (sealed anew). */
export function updateBackupLog(dataDir: string, masterKey: MasterKey, vaultId: string, change: (log: BackupLog) => BackupLog): void {
  writeBackupLog(dataDir, masterKey, vaultId, change(readBackupLog(dataDir, masterKey, vaultId)));
}

/** The newest backup this vault proved restorable (by its sealed creation time), or null. */
export function lastVerifiedBackup(dataDir: string, masterKey: MasterKey, vaultId: string): BackupLogEntry | null {
  const verified = readBackupLog(dataDir, masterKey, vaultId).backups.filter((e) => e.verified);
  return verified.reduce<BackupLogEntry | null>((best, e) => (!best || e.createdAt > best.createdAt ? e : best), null);
}

/** Records the outcome of checking one backup file, replacing any older entry for the same file. */
export function recordBackupCheck(dataDir: string, masterKey: MasterKey, vaultId: string, entry: BackupLogEntry): void {
  updateBackupLog(dataDir, masterKey, vaultId, (log) => {
    // A later check of the same file never erases that the vault was restored from it.
    const restoredAt = entry.restoredAt ?? log.backups.find((e) => e.file === entry.file)?.restoredAt;
    const next = restoredAt === undefined ? entry : { ...entry, restoredAt };
    return { ...log, backups: [next, ...log.backups.filter((e) => e.file !== entry.file)].slice(0, MAX_ENTRIES) };
  });
}

/** When this vault was last restored from a backup (proven in full by the restore itself), or null. */
export function lastRestore(dataDir: string, masterKey: MasterKey, vaultId: string): number | null {
  const times = readBackupLog(dataDir, masterKey, vaultId).backups.flatMap((e) => (e.restoredAt !== undefined ? [e.restoredAt] : []));
  return times.length ? Math.max(...times) : null;
}

export function forgetBackups(dataDir: string, masterKey: MasterKey, vaultId: string, files: string[]): void {
  if (!files.length) return;
  const gone = new Set(files);
  updateBackupLog(dataDir, masterKey, vaultId, (log) => ({ ...log, backups: log.backups.filter((e) => !gone.has(e.file)) }));
}

