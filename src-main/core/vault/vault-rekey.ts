import { copyKey, type MasterKey, type RecoveryKey } from '../crypto/keys';
import { memzero, type KdfParams } from '../crypto/sodium';
import { VaultError } from '../errors';
import { rewrapPassword, rotateRecovery, unlockWithPassword } from './key-hierarchy';
import type { UnlockLimiter } from './rate-limit';
import { assertStrong, keyFileForVault, lockedMeanwhile, readKeyFileBytes, type KeyFileReader } from './vault-credentials';
import type { VaultHeader } from './vault-header';

/**
 * Credential changes of an unlocked vault: each returns the header to save, with the master key
 * rewrapped; no record is touched. The caller saves it only if the session is still the same.
 */
export interface RekeyContext {
  header: VaultHeader;
  /** The session's master key; copied before any await, since a lock zeroes it in place. */
  masterKey: MasterKey;
  limiter: UnlockLimiter;
  now: () => number;
  kdfParams: () => Promise<KdfParams>;
  readKeyFile: KeyFileReader;
  /** False once the session was locked (or replaced) meanwhile. */
  stillOpen: () => boolean;
}

/** Re-checks the password before a credential change; wrong guesses count toward the rate limit. */
async function verifyPassword(ctx: RekeyContext, password: string, keyBytes: Uint8Array | null): Promise<void> {
  ctx.limiter.check(ctx.now());
  const mk = await unlockWithPassword(ctx.header, password, keyBytes);
  if (!ctx.stillOpen()) {
    memzero(mk);
    throw lockedMeanwhile();
  }
  if (!mk) {
    ctx.limiter.recordFailure(ctx.now());
    throw new VaultError('WRONG_CREDENTIALS', 'The current password is not right.');
  }
  memzero(mk);
  ctx.limiter.reset();
}

/** New password (fresh salt, recalibrated KDF); the key file, if any, is kept. */
export async function headerWithNewPassword(ctx: RekeyContext, current: string, next: string, keyFile?: string): Promise<VaultHeader> {
  await assertStrong(next);
  const keyBytes = keyFileForVault(ctx.header, ctx.readKeyFile, keyFile);
  // A copy: a lock during the seconds of KDF work zeroes the session's key, never the one being wrapped.
  const mk = copyKey(ctx.masterKey);
  try {
    await verifyPassword(ctx, current, keyBytes);
    return await rewrapPassword(ctx.header, mk, next, keyBytes, await ctx.kdfParams(), ctx.now());
  } finally {
    memzero(mk, keyBytes);
  }
}

/**
 * Adds a key file as a second factor to a password-only vault: the password slot is rewrapped
 * under password + key file (fresh salt). The password itself is unchanged, and so is the date
 * it was last changed; the Recovery Key keeps working without the file.
 */
export async function headerWithKeyFile(ctx: RekeyContext, password: string, keyFile: string): Promise<VaultHeader> {
  if (ctx.header.keyFile) throw new VaultError('INVALID_INPUT', 'This vault already uses a key file.');
  const keyBytes = readKeyFileBytes(ctx.readKeyFile, keyFile);
  const mk = copyKey(ctx.masterKey);
  try {
    await verifyPassword(ctx, password, null);
    const next = await rewrapPassword(ctx.header, mk, password, keyBytes, await ctx.kdfParams(), ctx.now());
    return { ...next, passwordChangedAt: ctx.header.passwordChangedAt };
  } finally {
    memzero(mk, keyBytes);
  }
}

/** A new random Recovery Key (the caller shows it once and zeroes it). */
export async function headerWithNewRecoveryKey(
  ctx: RekeyContext,
  password: string,
  keyFile?: string,
): Promise<{ header: VaultHeader; recoveryKey: RecoveryKey }> {
  const keyBytes = keyFileForVault(ctx.header, ctx.readKeyFile, keyFile);
  try {
    await verifyPassword(ctx, password, keyBytes);
  } finally {
    memzero(keyBytes);
  }
  // No await since verifyPassword saw the session open, so the master key is still whole.
  return rotateRecovery(ctx.header, ctx.masterKey, ctx.now());
}
