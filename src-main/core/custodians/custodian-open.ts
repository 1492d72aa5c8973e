import { combineCustodianShares, shareX } from '../crypto/shamir';
import { recordsKey, type MasterKey } from '../crypto/keys';
import { RecordStore } from '../records/record-store';
import type { Db } from '../vault/vault-db';
import { readCustodians, slotMatches } from './custodians-record';
import { memzero } from '../crypto/sodium';
import { VaultError } from '../errors';
import { unlockWithCustodianKey } from '../vault/key-hierarchy';
import type { VaultHeader } from '../vault/vault-header';
import { decodeShare, splitTag } from './custodian-share';

export const WRONG_SHARES = 'These custodian shares do not open this vault. Check each share against its kit.';
export const STALE_SPLIT = 'These custodian kits were revoked or replaced by the clinician and no longer open this vault.';

/** Share n as the unlock screen numbers the fields. */
const nth = (i: number) => `Share ${i + 1}`;

function explain(i: number, reason: 'format' | 'checksum' | 'recovery-key' | 'version'): VaultError {
  const messages = {
    format: `${nth(i)} is not complete: a custodian share is "SVCS" and 16 groups of 4 letters and digits.`,
    checksum: `${nth(i)} has a typo. Check each group against that custodian's kit.`,
    'recovery-key': `${nth(i)} is a Recovery Key, not a custodian share. Use the Recovery Key from the unlock screen instead.`,
    version: `${nth(i)} was made by a newer version of SessionVault. Update the app to use it.`,
  };
  return new VaultError('WRONG_CREDENTIALS', messages[reason]);
}

/**
 * The master key from custodian shares, or null when they are well-formed but do not open the
 * vault (a guess: the caller counts it toward the rate limit). Everything the custodians can put
 * right without guessing — too few shares, a typo, a kit from another vault or an older split,
 * the same kit twice — throws a plain explanation first and costs no attempt.
 */
export async function openWithShares(header: VaultHeader, texts: string[]): Promise<MasterKey | null> {
  const slot = header.custodians;
  if (!slot) {
    throw new VaultError('WRONG_CREDENTIALS', 'This vault has no records custodians now: their kits were revoked, or none were made.');
  }
  const given = texts.filter((t) => t.trim() !== '');
  if (given.length < slot.threshold) {
    throw new VaultError('INVALID_INPUT', `This vault opens with ${slot.threshold} custodian shares together; ${given.length} ${given.length === 1 ? 'was' : 'were'} entered.`);
  }
  const shares: Uint8Array[] = [];
  try {
    for (const [i, text] of given.entries()) {
      const decoded = decodeShare(text);
      if (!decoded.ok) throw explain(i, decoded.reason);
      shares.push(decoded.share);
      if (decoded.tag !== splitTag(slot.splitId)) {
        throw new VaultError('WRONG_CREDENTIALS', `${nth(i)} is not from this vault's current custodian kits: it is from another vault, or from kits that were replaced or revoked.`);
      }
      const twin = shares.findIndex((s) => shareX(s) === shareX(decoded.share));
      if (twin < i) throw new VaultError('INVALID_INPUT', `${nth(twin)} and ${nth(i).toLowerCase()} are the same kit. Each custodian's kit is different.`);
    }
    const key = await combineCustodianShares(shares);
    try {
      // The library cannot tell a wrong rebuild from a right one: the AEAD of the wrap does.
      return unlockWithCustodianKey(header, key);
    } finally {
      memzero(key);
    }
  } finally {
    memzero(...shares);
  }
}

/**
 * After the shares unwrapped the master key: is the header's slot the one the clinician's
 * encrypted list says is current? A slot put back on disk after a revocation unwraps (its AD is
 * its own) but is refused here, since the list inside the vault cannot be edited to match.
 */
export function isCurrentSplit(db: Db, header: VaultHeader, mk: MasterKey): boolean {
  const key = recordsKey(mk);
  try {
    const record = readCustodians(new RecordStore(db, header.vaultId, key));
    return record !== null && 'slot' in record && slotMatches(record, header.custodians);
  } catch {
    return false;
  } finally {
    memzero(key);
  }
}
