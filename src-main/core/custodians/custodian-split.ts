import { newCustodianKey, type MasterKey } from '../crypto/keys';
import { splitCustodianKey } from '../crypto/shamir';
import { memzero } from '../crypto/sodium';
import { withCustodianSlot } from '../vault/key-hierarchy';
import type { VaultHeader } from '../vault/vault-header';
import { encodeShare } from './custodian-share';

/**
 * A new professional-will split: a random custodian key wraps the master key into the header's
 * custodian slot, and is cut into one share per custodian, any `threshold` of which rebuild it.
 * The key and the share bytes are zeroed here; only the share texts (for the kits, shown once)
 * leave, and nothing but the wrap is ever stored.
 */
export async function makeCustodianSplit(
  header: VaultHeader,
  mk: MasterKey,
  split: { threshold: number; shares: number },
  now: number,
): Promise<{ header: VaultHeader; shares: string[] }> {
  const key = newCustodianKey();
  let parts: Uint8Array[] = [];
  try {
    const next = withCustodianSlot(header, mk, key, split, now);
    parts = await splitCustodianKey(key, split.shares, split.threshold);
    return { header: next, shares: parts.map((p) => encodeShare(p, next.custodians!.splitId)) };
  } finally {
    memzero(key, ...parts);
  }
}
