import {
  custodianKek,
  newMasterKey,
  newRecoveryKey,
  passwordKek as derivePasswordKek,
  recoveryKek,
  unwrapMasterKey,
  withKeyFile,
  wrapMasterKey,
  type CustodianKey,
  type Kek,
  type MasterKey,
  type RecoveryKey,
} from '../crypto/keys';
import { fromHex, memzero, randomBytes, SALT_BYTES, toHex, type KdfParams } from '../crypto/sodium';
import { CUSTODIAN_FORMAT, VAULT_FORMAT, type CustodianSlot, type VaultHeader, type WrappedKey } from './vault-header';

/**
 * The key hierarchy of DESIGN §4: a random master key wrapped by a password KEK (Argon2id,
 * optionally mixed with a key file), by a KEK from the Recovery Key and, while records custodians
 * are named, by a KEK from the custodian key (split among their kits).
 * Changing a credential rewraps the master key; no record is re-encrypted.
 */

const enc = new TextEncoder();

/**
 * Binds each wrap to this vault and slot; the password slot also to its KDF settings and
 * key-file flag, so a header edited on disk (weaker parameters, key file "off") fails to unwrap.
 * These two layouts are "v1" in every format: a format-1 header moves to format 2 (custodians)
 * without the password or Recovery Key that rewrapping them would need. Format 2 only adds the
 * custodian slot, with its own AD (custodianAd).
 * Exported for the test vectors (docs/vectors/vault-header.json), which state these exact bytes.
 */
export function wrapAd(header: Pick<VaultHeader, 'format' | 'vaultId' | 'kdf' | 'keyFile'>, slot: 'password' | 'recovery'): Uint8Array {
  // Fixed 'v1', not the header's format: an upgraded format-2 header still opens with the unchanged wraps.
  const prefix = `sessionvault/wrap/v1|${header.vaultId}|${slot}`;
  if (slot === 'recovery') return enc.encode(prefix);
  const k = header.kdf;
  return enc.encode(`${prefix}|${k.alg}|${k.opsLimit}|${k.memLimitBytes}|${k.salt}|${header.keyFile ? 1 : 0}`);
}

/**
 * The custodian slot's AD binds the split (id, threshold, share count, date): a slot copied from
 * another vault, put back after a revocation, or edited to say "1 of 3" fails to unwrap.
 */
function custodianAd(vaultId: string, slot: Omit<CustodianSlot, 'wrapped'>): Uint8Array {
  return enc.encode(`sessionvault/wrap/v${CUSTODIAN_FORMAT}|${vaultId}|custodian|${slot.splitId}|${slot.threshold}|${slot.shares}|${slot.createdAt}`);
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

/** Null when the custodian key (rebuilt from shares) is not this split's: too few, wrong or mistyped shares. */
export function unlockWithCustodianKey(header: VaultHeader, custodianKey: CustodianKey): MasterKey | null {
  const slot = header.custodians;
  if (!slot) return null;
  const kek = custodianKek(custodianKey);
  try {
    return unwrap(kek, slot.wrapped, custodianAd(header.vaultId, slot));
  } finally {
    memzero(kek);
  }
}

/**
 * A header whose custodian slot holds the master key under this custodian key (a new split
 * replaces any earlier one, whose kits stop working once this is saved). Moves a format-1 header to format 2.
 */
export function withCustodianSlot(
  header: VaultHeader,
  mk: MasterKey,
  custodianKey: CustodianKey,
  split: { threshold: number; shares: number },
  now: number,
): VaultHeader {
  const meta = { splitId: toHex(randomBytes(16)), threshold: split.threshold, shares: split.shares, createdAt: now };
  const kek = custodianKek(custodianKey);
  try {
    return { ...header, format: Math.max(header.format, CUSTODIAN_FORMAT), custodians: { ...meta, wrapped: wrap(kek, mk, custodianAd(header.vaultId, meta)) } };
  } finally {
    memzero(kek);
  }
}

/** A header without the custodian slot: every kit of the last split stops working once this is saved. */
export function withoutCustodianSlot(header: VaultHeader): VaultHeader {
  const { custodians: _revoked, ...rest } = header;
  return rest;
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
