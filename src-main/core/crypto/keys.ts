import { derivePasswordKek } from './password-kdf';
import { deriveFromKey, KEY_BYTES, keyedHash, memzero, open, randomBytes, scrubWasmStack, seal, type KdfParams } from './sodium';

/**
 * The key registry: every key SessionVault uses, where it comes from, and a type of its own, so a
 * key made for one purpose does not compile where another is expected (a backup key cannot seal
 * a record, a MAC key cannot encrypt). docs/vault-format.md ("Keys") states the same for other
 * implementations.
 *
 *   password ──Argon2id──▶ password KEK ──(key file: BLAKE2b)──▶ KEK ──unwraps──▶ master key
 *   Recovery Key ──crypto_kdf(1, "SVrecovr")──▶ recovery KEK ──unwraps──▶ master key
 *   master key ──crypto_kdf(id, context)──▶ one subkey per purpose (SUBKEYS)
 */

declare const purpose: unique symbol;
/** 32 bytes for one purpose only. Only this module makes one (the `as` casts live here). */
type Key<P extends string> = Uint8Array & { readonly [purpose]: P };

/** Random; encrypts everything through its subkeys. Never leaves main. */
export type MasterKey = Key<'MasterKey'>;
/** The 256 random bits printed on the Recovery Kit. */
export type RecoveryKey = Key<'RecoveryKey'>;
/** Wraps the master key: from the password (Argon2id, maybe a key file) or the Recovery Key. */
export type Kek = Key<'Kek'>;
export type RecordsKey = Key<'RecordsKey'>;
export type SearchCacheKey = Key<'SearchCacheKey'>;
export type AuditSealKey = Key<'AuditSealKey'>;
export type AuditChainKey = Key<'AuditChainKey'>;
export type BackupKey = Key<'BackupKey'>;
export type BackupLogKey = Key<'BackupLogKey'>;
/** Random per process: fingerprints what was copied to the clipboard (never the text itself). */
export type ClipboardHashKey = Key<'ClipboardHashKey'>;

/** Keys for single sealed messages (sodium.ts `seal`/`open`, XChaCha20-Poly1305). */
export type AeadKey = Kek | RecordsKey | AuditSealKey | BackupLogKey;
/** Keys for secretstream (backup files; sodium.ts `streamPusher`/`streamPuller`). */
export type StreamKey = BackupKey;
/** Keys for the native AES-GCM stream (the unlock cache; bulk-stream.ts). */
export type BulkKey = SearchCacheKey;
/** Keys of keyed BLAKE2b: the audit chain's MACs, clipboard fingerprints, each bulk stream's one-time key, the key-file mix. */
export type HashKey = AuditChainKey | ClipboardHashKey | BulkKey | Kek;

/** A `crypto_kdf_derive_from_key` input: a u64 subkey id and exactly 8 ASCII characters of context. */
export interface Derivation {
  readonly id: number;
  readonly context: string;
}

/**
 * The master key's subkeys. Frozen: every vault, backup and cache was made with these, so an
 * entry never changes; a new purpose takes a new context. The audit's two keys share id 3:
 * crypto_kdf keys on id and context together, so different contexts give independent keys.
 */
export const SUBKEYS = {
  records: { id: 1, context: 'SVrecord' },
  searchCache: { id: 2, context: 'SVsearch' },
  auditSeal: { id: 3, context: 'SVaudit_' },
  auditChain: { id: 3, context: 'SVauditH' },
  backup: { id: 4, context: 'SVbackup' },
  backupLog: { id: 5, context: 'SVbkplog' },
} as const satisfies Record<string, Derivation>;

/** The Recovery Key is already uniformly random, so its KEK is a crypto_kdf step, not a password hash. */
export const RECOVERY_KEK: Derivation = { id: 1, context: 'SVrecovr' };

// --- from the master key ------------------------------------------------------------------------

function subkey<K extends Key<string>>(d: Derivation): (mk: MasterKey) => K {
  return (mk) => deriveFromKey(mk, d.id, d.context) as K;
}

/** Seals every record revision (records/record-store.ts). */
export const recordsKey = subkey<RecordsKey>(SUBKEYS.records);
/** Seals the unlock cache: the last session's note list and search index (vault/unlock-cache.ts). */
export const searchCacheKey = subkey<SearchCacheKey>(SUBKEYS.searchCache);
/** Seals each audit event (audit/audit-log.ts). */
export const auditSealKey = subkey<AuditSealKey>(SUBKEYS.auditSeal);
/** Chains the audit events and MACs the head; a MAC key never doubles as an encryption key. */
export const auditChainKey = subkey<AuditChainKey>(SUBKEYS.auditChain);
/** Encrypts backup files (backup/backup-writer.ts), never the records key. */
export const backupKey = subkey<BackupKey>(SUBKEYS.backup);
/** Seals the log of verified backups beside the vault (backup/backup-log.ts). */
export const backupLogKey = subkey<BackupLogKey>(SUBKEYS.backupLog);

// --- key-encryption keys ------------------------------------------------------------------------

/** Argon2id13 over the password as typed (UTF-8), off the main event loop (password-kdf.ts). */
export function passwordKek(password: string, salt: Uint8Array, params: KdfParams): Promise<Kek> {
  return derivePasswordKek(password, salt, params);
}

/**
 * Mixes a key file into a password KEK: BLAKE2b-256 keyed by the KEK over BLAKE2b-512(file).
 * Wipes the unmixed KEK, which must not be used again.
 */
export function withKeyFile(kek: Kek, keyFileBytes: Uint8Array): Kek {
  const fileHash = keyedHash(null, keyFileBytes, 64);
  const mixed = keyedHash(kek, fileHash, KEY_BYTES) as Kek;
  // The file hash is as good as the key file itself: wipe it along with the unmixed KEK.
  memzero(fileHash, kek);
  scrubWasmStack(); // the mixed KEK's bytes are still in BLAKE2b's stack buffer
  return mixed;
}

export function recoveryKek(recoveryKey: RecoveryKey): Kek {
  return deriveFromKey(recoveryKey, RECOVERY_KEK.id, RECOVERY_KEK.context) as Kek;
}

// --- random keys and copies ---------------------------------------------------------------------

export function newMasterKey(): MasterKey {
  return randomBytes(KEY_BYTES) as MasterKey;
}

export function newRecoveryKey(): RecoveryKey {
  return randomBytes(KEY_BYTES) as RecoveryKey;
}

/** The 32 bytes read back from a typed Recovery Kit, once recovery-key.ts has checked its checksum. */
export function recoveryKeyFromBytes(bytes: Uint8Array): RecoveryKey {
  if (bytes.length !== KEY_BYTES) throw new Error('A recovery key is 32 bytes.');
  return bytes as RecoveryKey;
}

export function newClipboardHashKey(): ClipboardHashKey {
  return randomBytes(KEY_BYTES) as ClipboardHashKey;
}

/** An own copy of a key, same purpose: long work holds one, since a lock zeroes the session's keys in place. */
export function copyKey<K extends Key<string>>(key: K): K {
  return key.slice() as K;
}

// --- the master key, wrapped --------------------------------------------------------------------

/** The master key sealed under a KEK; `ad` binds the wrap to its vault and slot (vault/key-hierarchy.ts). */
export function wrapMasterKey(kek: Kek, mk: MasterKey, ad: Uint8Array): { nonce: Uint8Array; ciphertext: Uint8Array } {
  return seal(kek, mk, ad);
}

/** Null when the KEK or the AD is not the one the master key was wrapped with. */
export function unwrapMasterKey(kek: Kek, nonce: Uint8Array, ciphertext: Uint8Array, ad: Uint8Array): MasterKey | null {
  const mk = open(kek, nonce, ciphertext, ad);
  return mk?.length === KEY_BYTES ? (mk as MasterKey) : null;
}
