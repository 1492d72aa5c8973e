import { z } from 'zod';
import { empty, filePath, password, type ChannelSpec } from './common';

export const vaultState = z.enum(['absent', 'locked', 'unlocked']);
export const kdfParams = z.object({ opsLimit: z.number().int(), memLimitBytes: z.number().int() });
export const passwordRating = z.object({
  acceptable: z.boolean(),
  score: z.number().int().min(0).max(4),
  feedback: z.string(),
});

export const vaultContract = {
  'vault.status': {
    input: empty,
    output: z.object({ state: vaultState, hasKeyFile: z.boolean(), vaultId: z.string().nullable() }),
  },
  'vault.checkPassword': { input: z.object({ password: z.string().max(1024) }).strict(), output: passwordRating },
  'vault.create': {
    input: z.object({ password, keyFile: filePath.optional() }).strict(),
    output: z.object({ recoveryKey: z.string(), vaultId: z.string(), createdAt: z.number(), kdf: kdfParams }),
  },
  'vault.unlock': {
    input: z.union([
      z.object({ password, keyFile: filePath.optional() }).strict(),
      z.object({ recoveryKey: z.string().min(1).max(200) }).strict(),
    ]),
    output: empty,
  },
  'vault.lock': { input: empty, output: empty },
  'vault.changePassword': {
    input: z.object({ current: password, next: password, keyFile: filePath.optional() }).strict(),
    output: empty,
  },
  'vault.rotateRecoveryKey': {
    input: z.object({ password, keyFile: filePath.optional() }).strict(),
    output: z.object({ recoveryKey: z.string(), createdAt: z.number() }),
  },
} as const satisfies Record<`vault.${string}`, ChannelSpec>;

export type VaultState = z.output<typeof vaultState>;
