import { recoveryKeyFromBytes, type RecoveryKey } from '../crypto/keys';
import { keyedHash, KEY_BYTES, memzero } from '../crypto/sodium';
import { fromGroups, normalizeGroups, toGroups } from './grouped-base32';

/**
 * The Recovery Key: 256 random bits plus a 24-bit checksum, written as 14 groups of 4 base32
 * characters so a typo is caught before any key work ("ABCD-EFGH-…").
 */
const CHECKSUM_BYTES = 3;
export const RECOVERY_GROUPS = 14;

function checksum(key: Uint8Array): Uint8Array {
  return keyedHash(null, key, 16).subarray(0, CHECKSUM_BYTES);
}

export function encodeRecoveryKey(key: RecoveryKey): string {
  const bytes = new Uint8Array(KEY_BYTES + CHECKSUM_BYTES);
  bytes.set(key);
  bytes.set(checksum(key), KEY_BYTES);
  const text = toGroups(bytes);
  memzero(bytes);
  return text;
}

export type DecodedRecoveryKey = { ok: true; key: RecoveryKey } | { ok: false; reason: 'format' | 'checksum' };

/** Accepts any case, spaces or dashes, and 0/1/8 for O/I/B (grouped-base32.ts). */
export function decodeRecoveryKey(text: string): DecodedRecoveryKey {
  const bytes = fromGroups(normalizeGroups(text), KEY_BYTES + CHECKSUM_BYTES);
  if (!bytes) return { ok: false, reason: 'format' };
  const key = bytes.slice(0, KEY_BYTES);
  const sum = checksum(key);
  let same = true;
  for (let j = 0; j < CHECKSUM_BYTES; j++) if (sum[j] !== bytes[KEY_BYTES + j]) same = false;
  memzero(bytes);
  if (!same) {
    memzero(key);
    return { ok: false, reason: 'checksum' };
  }
  return { ok: true, key: recoveryKeyFromBytes(key) };
}
