import type { MasterKey, RecoveryKey } from '../crypto/keys';
import { memzero } from '../crypto/sodium';
import { VaultError } from '../errors';
import { unlockWithPassword, unlockWithRecoveryKey } from './key-hierarchy';
import { ratePassword } from './password-policy';
import { decodeRecoveryKey } from './recovery-key';
import type { VaultHeader } from './vault-header';

/** What the user offers to open the vault: the password (plus key file) or the Recovery Key. */
export type Credentials = { password: string; keyFile?: string } | { recoveryKey: string };

/** Reads a key file by path; injected so the core stays testable and free of UI concerns. */
export type KeyFileReader = (file: string) => Uint8Array;

/** A key file is mentioned only when this vault has one: otherwise it would send the user looking for a file that does not exist. */
export function wrongPassword(header: Pick<VaultHeader, 'keyFile'>): string {
  return header.keyFile ? 'The password or key file is not right. Check Caps Lock and that it is the same key file.' : 'The password is not right. Check Caps Lock and try again.';
}
export const WRONG_RECOVERY_KEY = 'That recovery key does not open this vault.';

/** For a credential operation overtaken by a lock (idle, suspend, quit) while its KDF ran. */
export function lockedMeanwhile(): VaultError {
  return new VaultError('VAULT_LOCKED', 'The vault was locked while this was in progress. Unlock it and try again.');
}

/** WEAK_PASSWORD with zxcvbn's plain-words reason; the password itself is never echoed. */
export async function assertStrong(password: string): Promise<void> {
  const rating = await ratePassword(password);
  if (!rating.acceptable) throw new VaultError('WEAK_PASSWORD', rating.feedback);
}

export function readKeyFileBytes(read: KeyFileReader, file: string | undefined): Uint8Array | null {
  if (file === undefined) return null;
  try {
    return read(file);
  } catch (e) {
    if (e instanceof VaultError) throw e; // The reader's own answer (not a regular file, too large).
    throw new VaultError('IO_ERROR', 'The key file could not be read. Check that the drive holding it is connected.');
  }
}

/** The key file bytes a password check needs: required when the vault has one, refused when not. */
export function keyFileForVault(header: VaultHeader, read: KeyFileReader, file: string | undefined): Uint8Array | null {
  if (header.keyFile && file === undefined) {
    throw new VaultError('WRONG_CREDENTIALS', 'This vault also needs its key file. Choose the key file and try again.');
  }
  if (!header.keyFile && file !== undefined) {
    throw new VaultError('INVALID_INPUT', 'This vault does not use a key file. Leave the key file empty.');
  }
  return readKeyFileBytes(read, file);
}

/** Decodes a typed Recovery Key; a typo is reported before any key work. */
export function decodeOrExplain(text: string): RecoveryKey {
  const decoded = decodeRecoveryKey(text);
  if (decoded.ok) return decoded.key;
  throw new VaultError(
    'WRONG_CREDENTIALS',
    decoded.reason === 'checksum'
      ? 'That recovery key has a typo. Check each group against your Recovery Kit.'
      : 'A recovery key is 14 groups of 4 letters and digits. Check your Recovery Kit.',
  );
}

/**
 * The master key for these credentials, or null when they are wrong. Throws for problems the
 * user can fix without a guess (missing key file, a typo in the recovery key): those are not
 * counted as failed attempts.
 */
export async function openMasterKey(header: VaultHeader, credentials: Credentials, read: KeyFileReader): Promise<MasterKey | null> {
  if ('recoveryKey' in credentials) {
    const key = decodeOrExplain(credentials.recoveryKey);
    try {
      return unlockWithRecoveryKey(header, key);
    } finally {
      memzero(key);
    }
  }
  const keyFile = keyFileForVault(header, read, credentials.keyFile);
  try {
    return await unlockWithPassword(header, credentials.password, keyFile);
  } finally {
    memzero(keyFile);
  }
}
