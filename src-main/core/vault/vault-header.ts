import { z } from 'zod';
import type { Db } from './vault-db';
import { VaultError } from '../errors';

/**
 * The plaintext vault header, one JSON row in `meta`. It holds only what is needed to
 * open the vault; every field that matters for security is bound into the key-wrap AD,
 * so editing it on disk makes unlocking fail instead of weakening anything.
 */
export const VAULT_FORMAT = 2;
/** The first format whose header may carry the custodian slot (docs/vault-format.md, "Format 2"). */
export const CUSTODIAN_FORMAT = 2;

const hexBytes = (n: number) => z.string().regex(new RegExp(`^[0-9a-f]{${2 * n}}$`));
/** A wrapped 32-byte master key: 24-byte nonce, 32-byte key + 16-byte tag. */
const wrapped = z.object({ nonce: hexBytes(24), ciphertext: hexBytes(48) });

/**
 * Bounds on the KDF settings read from disk: an edited header must not make an unlock run for
 * hours or ask for more memory than WASM has (the wrap AD would reject it, but only afterwards).
 */
export const KDF_BOUNDS = { maxOpsLimit: 64, minMemLimitBytes: 8192, maxMemLimitBytes: 2 * 1024 * 1024 * 1024 };

/**
 * The custodian slot: the master key wrapped by a KEK from the custodian key, which exists only as
 * k-of-n Shamir shares on the custodians' printed kits. Everything here is bound into the wrap AD.
 */
export const custodianSlotSchema = z
  .object({
    /** Random per split; each share carries its first 3 bytes, so a kit from an older split or another vault is named as such. */
    splitId: hexBytes(16),
    threshold: z.number().int().min(2).max(10),
    shares: z.number().int().min(2).max(10),
    createdAt: z.number(),
    wrapped,
  })
  .refine((c) => c.threshold <= c.shares);

export const vaultHeaderSchema = z.object({
  format: z.number().int().min(1),
  vaultId: hexBytes(16),
  createdAt: z.number(),
  kdf: z.object({
    alg: z.literal('argon2id13'),
    opsLimit: z.number().int().min(1).max(KDF_BOUNDS.maxOpsLimit),
    memLimitBytes: z.number().int().min(KDF_BOUNDS.minMemLimitBytes).max(KDF_BOUNDS.maxMemLimitBytes),
    salt: hexBytes(16),
  }),
  keyFile: z.boolean(),
  wrappedByPassword: wrapped,
  wrappedByRecovery: wrapped,
  passwordChangedAt: z.number(),
  recoveryCreatedAt: z.number(),
  /** Format 2 on: present while records custodians are named. */
  custodians: custodianSlotSchema.optional(),
});

export type VaultHeader = z.infer<typeof vaultHeaderSchema>;
export type WrappedKey = z.infer<typeof wrapped>;
export type CustodianSlot = z.infer<typeof custodianSlotSchema>;

export function readHeader(db: Db): VaultHeader {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get('header') as { value: string } | undefined;
  if (!row) throw new VaultError('VAULT_CORRUPT', 'The vault header is missing. Restore the vault from a backup.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(row.value);
  } catch {
    throw new VaultError('VAULT_CORRUPT', 'The vault header is damaged. Restore the vault from a backup.');
  }
  const format = (parsed as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > VAULT_FORMAT) {
    throw new VaultError('VAULT_UNSUPPORTED_VERSION', 'This vault was written by a newer version of SessionVault. Update the app to open it.');
  }
  const result = vaultHeaderSchema.safeParse(parsed);
  // A format-1 header cannot hold a custodian slot: one there was put in by hand, not by SessionVault.
  if (!result.success || (result.data.custodians && result.data.format < CUSTODIAN_FORMAT)) throw new VaultError('VAULT_CORRUPT', 'The vault header is damaged. Restore the vault from a backup.');
  return result.data;
}

export function writeHeader(db: Db, header: VaultHeader): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    'header',
    JSON.stringify(header),
  );
}

/** Small plaintext counters (e.g. failed unlocks) that must survive a restart. */
export function readMetaNumber(db: Db, key: string): number {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: unknown } | undefined;
  const n = Number(row?.value ?? 0);
  return Number.isFinite(n) ? n : 0;
}

export function writeMetaNumber(db: Db, key: string, value: number): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    key,
    String(value),
  );
}
