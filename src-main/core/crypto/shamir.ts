// The only importer of shamir-secret-sharing (enforced by lint), beside sodium.ts for libsodium.
import { combine, split } from 'shamir-secret-sharing';
import { custodianKeyFromBytes, type CustodianKey } from './keys';
import { KEY_BYTES } from './sodium';

/**
 * Shamir's secret sharing over GF(2^8) by `shamir-secret-sharing` (privy.io; audited by Cure53 and
 * Zellic; no dependencies): any `threshold` of the shares rebuild the custodian key, fewer reveal
 * nothing about it. The library does not check a rebuilt secret, so the caller must: the custodian
 * key is only ever trusted once it unwraps the master key (an AEAD check).
 */

/** One share as the library lays it out: 32 bytes (one polynomial value per key byte), then its x coordinate (1–255). */
export const SHARE_BYTES = KEY_BYTES + 1;
export const MIN_THRESHOLD = 2;
export const MAX_SHARES = 10;

/** `count` shares of the key, any `threshold` of which rebuild it. The caller zeroes them once encoded. */
export async function splitCustodianKey(key: CustodianKey, count: number, threshold: number): Promise<Uint8Array[]> {
  if (!Number.isInteger(threshold) || !Number.isInteger(count) || threshold < MIN_THRESHOLD || threshold > count || count > MAX_SHARES) {
    throw new RangeError('A split needs 2 ≤ threshold ≤ shares ≤ 10.');
  }
  return split(key, count, threshold);
}

/** The x coordinate of a share: two shares with the same one are the same kit. */
export function shareX(share: Uint8Array): number {
  return share[SHARE_BYTES - 1]!;
}

/**
 * Rebuilds a key from shares (distinct x, each SHARE_BYTES long). Any set of shares gives *some*
 * 32 bytes: fewer than the threshold, or a wrong share, give a wrong key, which only the unwrap reveals.
 */
export async function combineCustodianShares(shares: Uint8Array[]): Promise<CustodianKey> {
  if (shares.length < MIN_THRESHOLD || shares.some((s) => s.length !== SHARE_BYTES)) throw new RangeError('At least two shares of 33 bytes.');
  if (new Set(shares.map(shareX)).size !== shares.length) throw new RangeError('Shares must be distinct.');
  return custodianKeyFromBytes(await combine(shares));
}
