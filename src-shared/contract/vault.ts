import { z } from 'zod';
import { empty, fileHandle, password, type ChannelSpec } from './common';

export const vaultState = z.enum(['absent', 'locked', 'unlocked']);
/** Argon2id settings chosen at create (calibrated to ~0.5–1 s; at least 3 passes and 64 MiB). */
export const kdfParams = z.object({ opsLimit: z.number().int(), memLimitBytes: z.number().int() });
/** 14 dash-separated groups of 4 base32 characters (A–Z, 2–7), e.g. "ABCD-EFGH-…". Shown once. */
export const recoveryKeyText = z.string();
export const passwordRating = z.object({
  acceptable: z.boolean(),
  score: z.number().int().min(0).max(4),
  feedback: z.string(),
});

/**
 * The vault's lifecycle and credentials. Create, unlock and changePassword take 1–3 s (Argon2id
 * on a worker thread): show progress while the promise is pending. Failures the UI should expect:
 * create: WEAK_PASSWORD (message says why), VAULT_EXISTS, IO_ERROR (key file unreadable);
 * unlock: WRONG_CREDENTIALS, RATE_LIMITED (+ retryAfterSeconds), VAULT_ABSENT, VAULT_CORRUPT,
 * VAULT_UNSUPPORTED_VERSION; changePassword/rotateRecoveryKey: WRONG_CREDENTIALS, RATE_LIMITED,
 * WEAK_PASSWORD, VAULT_LOCKED. A key file, when the vault has one, is needed with the password
 * everywhere (never with the recovery key); a password change keeps it. `keyFile` is a 'key-file'
 * handle (contract/files.ts), never a path.
 */
export const vaultContract = {
  /** `recoveryKitConfirmed`: the user confirmed storing the current Recovery Kit; null while locked (it is encrypted). */
  'vault.status': {
    input: empty,
    output: z.object({ state: vaultState, hasKeyFile: z.boolean(), vaultId: z.string().nullable(), recoveryKitConfirmed: z.boolean().nullable() }),
  },
  'vault.checkPassword': { input: z.object({ password: z.string().max(1024) }).strict(), output: passwordRating },
  'vault.create': {
    input: z.object({ password, keyFile: fileHandle.optional() }).strict(),
    output: z.object({ recoveryKey: recoveryKeyText, vaultId: z.string(), createdAt: z.number(), kdf: kdfParams }),
  },
  'vault.unlock': {
    input: z.union([
      z.object({ password, keyFile: fileHandle.optional() }).strict(),
      z.object({ recoveryKey: z.string().min(1).max(200) }).strict(),
    ]),
    output: empty,
  },
  'vault.lock': { input: empty, output: empty },
  'vault.changePassword': {
    input: z.object({ current: password, next: password, keyFile: fileHandle.optional() }).strict(),
    output: empty,
  },
  'vault.rotateRecoveryKey': {
    input: z.object({ password, keyFile: fileHandle.optional() }).strict(),
    output: z.object({ recoveryKey: recoveryKeyText, createdAt: z.number() }),
  },
  /** Adds a key file to a password-only vault (INVALID_INPUT if it has one). The password stays the same. */
  'vault.addKeyFile': {
    input: z.object({ password, keyFile: fileHandle }).strict(),
    output: empty,
  },
  /** The user typed back a group of the Recovery Kit just shown: the current key counts as stored. */
  'vault.confirmRecoveryKit': { input: empty, output: empty },
} as const satisfies Record<`vault.${string}`, ChannelSpec>;

export type VaultState = z.output<typeof vaultState>;
