import { scrypt } from 'node:crypto';
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
 *   custodian key (Shamir-split, k of n kits) ──crypto_kdf(1, "SVcustod")──▶ custodian KEK ──unwraps──▶ master key
 *   master key ──crypto_kdf(id, context)──▶ one subkey per purpose (SUBKEYS)
 */

declare const purpose: unique symbol;
/** 32 bytes for one purpose only. Only this module makes one (the `as` casts live here). */
type Key<P extends string> = Uint8Array & { readonly [purpose]: P };

/** Random; encrypts everything through its subkeys. Never leaves main. */
export type MasterKey = Key<'MasterKey'>;
/** The 256 random bits printed on the Recovery Kit. */
export type RecoveryKey = Key<'RecoveryKey'>;
/**
 * 256 random bits split among the records custodians (Shamir, any k of n kits); never stored
 * whole, rebuilt from k shares only to open the vault in custodian mode.
 */
export type CustodianKey = Key<'CustodianKey'>;
/** Wraps the master key: from the password (Argon2id, maybe a key file), the Recovery Key or the custodian key. */
export type Kek = Key<'Kek'>;
export type RecordsKey = Key<'RecordsKey'>;
export type SearchCacheKey = Key<'SearchCacheKey'>;
export type AuditSealKey = Key<'AuditSealKey'>;
export type AuditChainKey = Key<'AuditChainKey'>;
export type BackupKey = Key<'BackupKey'>;
/** Backup files of format 2: the native AES-256-GCM stream (bulk-stream.ts). Format 1 files use BackupKey. */
export type BackupBulkKey = Key<'BackupBulkKey'>;
export type BackupLogKey = Key<'BackupLogKey'>;
/**
 * age's passphrase key for one transfer-of-care file (age-encryption.org/v1 "scrypt" recipient):
 * wraps that file's random file key, once. Not part of the vault's hierarchy.
 */
export type AgeScryptKey = Key<'AgeScryptKey'>;
/** Random per process: fingerprints what was copied to the clipboard (never the text itself). */
export type ClipboardHashKey = Key<'ClipboardHashKey'>;

/** Keys for single sealed messages (sodium.ts `seal`/`open`, XChaCha20-Poly1305). */
export type AeadKey = Kek | RecordsKey | AuditSealKey | BackupLogKey;
/** Keys for secretstream (backup files of format 1; sodium.ts `streamPusher`/`streamPuller`). */
export type StreamKey = BackupKey;
/** Keys for the native AES-GCM stream (the unlock cache, backup files of format 2; bulk-stream.ts). */
export type BulkKey = SearchCacheKey | BackupBulkKey;
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
  backupBulk: { id: 6, context: 'SVbkpgcm' },
} as const satisfies Record<string, Derivation>;

/** The Recovery Key is already uniformly random, so its KEK is a crypto_kdf step, not a password hash. */
export const RECOVERY_KEK: Derivation = { id: 1, context: 'SVrecovr' };
/** The custodian key is uniformly random too; its own context keeps its KEK apart from the Recovery Key's. */
export const CUSTODIAN_KEK: Derivation = { id: 1, context: 'SVcustod' };
/** Every KEK derivation from a random key (for the uniqueness check beside SUBKEYS). */
export const KEK_DERIVATIONS = { recovery: RECOVERY_KEK, custodian: CUSTODIAN_KEK } as const satisfies Record<string, Derivation>;

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
/** Encrypted backup files of format 1 (read only now: backup/backup-stream.ts), never the records key. */
export const backupKey = subkey<BackupKey>(SUBKEYS.backup);
/** Encrypts backup files of format 2 (backup/backup-stream.ts): its own key, never shared with format 1's secretstream. */
export const backupBulkKey = subkey<BackupBulkKey>(SUBKEYS.backupBulk);
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

export function custodianKek(custodianKey: CustodianKey): Kek {
  return deriveFromKey(custodianKey, CUSTODIAN_KEK.id, CUSTODIAN_KEK.context) as Kek;
}

/** The age CLI's own default work factor (2^18: 256 MiB, about a second); `age` opens files up to 2^22. */
export const AGE_SCRYPT_LOG_N = 18;
const AGE_SCRYPT_LABEL = new TextEncoder().encode('age-encryption.org/v1/scrypt');

/**
 * scrypt(passphrase as UTF-8, salt = "age-encryption.org/v1/scrypt" ‖ 16 random bytes, N = 2^18,
 * r = 8, p = 1) -> 32 bytes, by Node on libuv's thread pool, never on the main event loop.
 */
export function agePassphraseKey(passphrase: string, salt: Uint8Array): Promise<AgeScryptKey> {
  const N = 2 ** AGE_SCRYPT_LOG_N;
  const fullSalt = new Uint8Array(AGE_SCRYPT_LABEL.length + salt.length);
  fullSalt.set(AGE_SCRYPT_LABEL);
  fullSalt.set(salt, AGE_SCRYPT_LABEL.length);
  return new Promise((resolve, reject) =>
    scrypt(passphrase, fullSalt, KEY_BYTES, { N, r: 8, p: 1, maxmem: 129 * N * 8 }, (error, derived) => {
      if (error) return reject(error);
      const key = new Uint8Array(derived) as AgeScryptKey;
      derived.fill(0);
      resolve(key);
    }),
  );
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

export function newCustodianKey(): CustodianKey {
  return randomBytes(KEY_BYTES) as CustodianKey;
}

/** The 32 bytes rebuilt from k custodian shares (core/crypto/shamir.ts); checked only by the unwrap. */
export function custodianKeyFromBytes(bytes: Uint8Array): CustodianKey {
  if (bytes.length !== KEY_BYTES) throw new Error('A custodian key is 32 bytes.');
  return bytes as CustodianKey;
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
