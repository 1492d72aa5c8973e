import { z } from 'zod';
import { empty, fileHandle, password, type ChannelSpec } from './common';

/** A custodian's name as the clinician types it (kept encrypted; printed on that custodian's kit). */
export const custodianName = z.string().trim().min(1, 'Enter each custodian’s name.').max(100);
/** "SVCS-" and 16 groups of 4 base32 characters: one custodian's share, as on their kit. */
export const custodianShareText = z.string().min(1).max(200);
export const MAX_CUSTODIANS = 10;

const kit = z.object({
  name: z.string(),
  /** Shown once, for this custodian's kit; never stored anywhere. */
  share: z.string(),
});

export const custodiansStatus = z.object({
  /** Kits of the current split open the vault. */
  named: z.boolean(),
  threshold: z.number().int().nullable(),
  names: z.array(z.string()),
  /** When the current kits were made; null when none. */
  createdAt: z.number().nullable(),
  /** When the last kits were revoked (no custodians since); null otherwise. */
  revokedAt: z.number().nullable(),
  /** False when the encrypted list names custodians but the vault header's slot is missing or another one: the kits would not open it. */
  slotIntact: z.boolean(),
});

/**
 * The professional will: records custodians who, together (any `threshold` of them), can open
 * the vault read-only when the clinician cannot (docs/security.md). Naming and revoking need the
 * password again (and the key file, a 'key-file' handle, when the vault has one). Failures: WRONG_CREDENTIALS, RATE_LIMITED, INVALID_INPUT (threshold above the
 * number of custodians, fewer than 2), READ_ONLY in custodian mode.
 */
export const custodiansContract = {
  'custodians.status': { input: empty, output: custodiansStatus },
  /** A new split (replacing any earlier one, whose kits stop working); the shares come back once, in the order of `names`. */
  'custodians.name': {
    input: z
      .object({ password, keyFile: fileHandle.optional(), names: z.array(custodianName).min(2).max(MAX_CUSTODIANS), threshold: z.number().int().min(2).max(MAX_CUSTODIANS) })
      .strict()
      .refine((i) => i.threshold <= i.names.length, { message: 'The number needed cannot be more than the number of custodians.', path: ['threshold'] }),
    output: z.object({ vaultId: z.string(), createdAt: z.number(), threshold: z.number().int(), kits: z.array(kit) }),
  },
  /** Every kit stops opening the vault (backups made before keep the kits they were made with). */
  'custodians.revoke': { input: z.object({ password, keyFile: fileHandle.optional() }).strict(), output: empty },
} as const satisfies Record<`custodians.${string}`, ChannelSpec>;

export type CustodiansStatus = z.output<typeof custodiansStatus>;
export type CustodianKit = z.output<typeof kit>;
