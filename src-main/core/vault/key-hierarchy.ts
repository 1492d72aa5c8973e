import {
  newMasterKey,
  newRecoveryKey,
  passwordKek as derivePasswordKek,
  recoveryKek,
  unwrapMasterKey,
  withKeyFile,
  wrapMasterKey,
  type Kek,
  type MasterKey,
  type RecoveryKey,
} from '../crypto/keys';
import { fromHex, memzero, randomBytes, SALT_BYTES, toHex, type KdfParams } from '../crypto/sodium';
import { VAULT_FORMAT, type VaultHeader, type WrappedKey } from './vault-header';

/**
 * The key hierarchy of DESIGN §4: a random master key wrapped twice, by a password KEK
 * (Argon2id, optionally mixed with a key file) and by a KEK from the Recovery Key.
 * Changing either credential rewraps the master key; no record is re-encrypted.
 */

const enc = new TextEncoder();

/**
 * Binds each wrap to this vault and slot; the password slot also to its KDF settings and
 * key-file flag, so a header edited on disk (weaker parameters, key file "off") fails to unwrap.
 * Exported for the test vectors (docs/vectors/vault-header.json), which state these exact bytes.
 */
export function wrapAd(header: Pick<VaultHeader, 'format' | 'vaultId' | 'kdf' | 'keyFile'>, slot: 'password' | 'recovery'): Uint8Array {
  // The header's own format, not the code's: a v1 header must still open after VAULT_FORMAT moves on.
  const prefix = `sessionvault/wrap/v${header.format}|${header.vaultId}|${slot}`;
  if (slot === 'recovery') return enc.encode(prefix);
  const k = header.kdf;
  return enc.encode(`${prefix}|${k.alg}|${k.opsLimit}|${k.memLimitBytes}|${k.salt}|${header.keyFile ? 1 : 0}`);
}

function wrap(kek: Kek, mk: MasterKey, ad: Uint8Array): WrappedKey {
  const { nonce, ciphertext } = wrapMasterKey(kek, mk, ad);
  return { nonce: toHex(nonce), ciphertext: toHex(ciphertext) };
}

function unwrap(kek: Kek, w: WrappedKey, ad: Uint8Array): MasterKey | null {
  return unwrapMasterKey(kek, fromHex(w.nonce), fromHex(w.ciphertext), ad);
}

/** Argon2id off the main event loop (about a second), then the key file mixed in when there is one. */
async function passwordKek(password: string, keyFile: Uint8Array | null, header: Pick<VaultHeader, 'kdf'>): Promise<Kek> {
  const { opsLimit, memLimitBytes } = header.kdf;
  const kek = await derivePasswordKek(password, fromHex(header.kdf.salt), { opsLimit, memLimitBytes });
  return keyFile ? withKeyFile(kek, keyFile) : kek;
}

export interface NewVaultKeys {
  header: VaultHeader;
  masterKey: MasterKey;
  recoveryKey: RecoveryKey;
}

export async function createVaultKeys(password: string, keyFile: Uint8Array | null, kdf: KdfParams, now: number): Promise<NewVaultKeys> {
  const base = {
    format: VAULT_FORMAT,
    vaultId: toHex(randomBytes(16)),
    createdAt: now,
    kdf: { alg: 'argon2id13' as const, ...kdf, salt: toHex(randomBytes(SALT_BYTES)) },
    keyFile: keyFile !== null,
  };
  const pk = await passwordKek(password, keyFile, base);
  const masterKey = newMasterKey();
  const recoveryKey = newRecoveryKey();
  const rk = recoveryKek(recoveryKey);
  const header: VaultHeader = {
    ...base,
    wrappedByPassword: wrap(pk, masterKey, wrapAd(base, 'password')),
    wrappedByRecovery: wrap(rk, masterKey, wrapAd(base, 'recovery')),
    passwordChangedAt: now,
    recoveryCreatedAt: now,
  };
  memzero(pk, rk);
  return { header, masterKey, recoveryKey };
}

/** Null when the password (or key file) is wrong. Costs one Argon2id run, off the main thread. */
export async function unlockWithPassword(header: VaultHeader, password: string, keyFile: Uint8Array | null): Promise<MasterKey | null> {
  const kek = await passwordKek(password, keyFile, header);
  try {
    return unwrap(kek, header.wrappedByPassword, wrapAd(header, 'password'));
  } finally {
    memzero(kek);
  }
}

export function unlockWithRecoveryKey(header: VaultHeader, recoveryKey: RecoveryKey): MasterKey | null {
  const kek = recoveryKek(recoveryKey);
  try {
    return unwrap(kek, header.wrappedByRecovery, wrapAd(header, 'recovery'));
  } finally {
    memzero(kek);
  }
}

/** A header whose password slot holds the master key under a new password, salt and KDF settings. */
export async function rewrapPassword(
  header: VaultHeader,
  mk: MasterKey,
  password: string,
  keyFile: Uint8Array | null,
  kdf: KdfParams,
  now: number,
): Promise<VaultHeader> {
  const next = {
    ...header,
    kdf: { alg: 'argon2id13' as const, ...kdf, salt: toHex(randomBytes(SALT_BYTES)) },
    keyFile: keyFile !== null,
  };
  const pk = await passwordKek(password, keyFile, next);
  const result: VaultHeader = { ...next, wrappedByPassword: wrap(pk, mk, wrapAd(next, 'password')), passwordChangedAt: now };
  memzero(pk);
  return result;
}

/** A header with a fresh recovery key; the old one stops working once this is saved. */
export function rotateRecovery(header: VaultHeader, mk: MasterKey, now: number): { header: VaultHeader; recoveryKey: RecoveryKey } {
  const recoveryKey = newRecoveryKey();
  const rk = recoveryKek(recoveryKey);
  const result: VaultHeader = {
    ...header,
    wrappedByRecovery: wrap(rk, mk, wrapAd(header, 'recovery')),
    recoveryCreatedAt: now,
  };
  memzero(rk);
  return { header: result, recoveryKey };
}
