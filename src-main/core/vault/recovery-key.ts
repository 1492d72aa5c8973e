import { recoveryKeyFromBytes, type RecoveryKey } from '../crypto/keys';
import { keyedHash, KEY_BYTES } from '../crypto/sodium';

/**
 * The Recovery Key: 256 random bits plus a 24-bit checksum, written as 14 groups of 4 base32
 * characters so a typo is caught before any key work ("ABCD-EFGH-…").
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const CHECKSUM_BYTES = 3;
export const RECOVERY_GROUPS = 14;

function checksum(key: Uint8Array): Uint8Array {
  return keyedHash(null, key, 16).subarray(0, CHECKSUM_BYTES);
}

export function encodeRecoveryKey(key: RecoveryKey): string {
  const bytes = new Uint8Array(KEY_BYTES + CHECKSUM_BYTES);
  bytes.set(key);
  bytes.set(checksum(key), KEY_BYTES);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out.match(/.{1,4}/g)!.join('-');
}

export type DecodedRecoveryKey = { ok: true; key: RecoveryKey } | { ok: false; reason: 'format' | 'checksum' };

/**
 * Accepts any case, spaces or dashes, and digits the alphabet lacks read as their look-alike
 * letters (0 -> O, 1 -> I, 8 -> B). L is itself in the alphabet, so it is never rewritten.
 */
export function decodeRecoveryKey(text: string): DecodedRecoveryKey {
  const clean = text
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/0/g, 'O')
    .replace(/1/g, 'I')
    .replace(/8/g, 'B');
  if (clean.length !== RECOVERY_GROUPS * 4) return { ok: false, reason: 'format' };
  const bytes = new Uint8Array(KEY_BYTES + CHECKSUM_BYTES);
  let bits = 0;
  let value = 0;
  let i = 0;
  for (const ch of clean) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) return { ok: false, reason: 'format' };
    value = ((value << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes[i++] = (value >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
  }
  const key = bytes.slice(0, KEY_BYTES);
  const sum = checksum(key);
  for (let j = 0; j < CHECKSUM_BYTES; j++) {
    if (sum[j] !== bytes[KEY_BYTES + j]) return { ok: false, reason: 'checksum' };
  }
  return { ok: true, key: recoveryKeyFromBytes(key) };
}
