import { createHash } from 'node:crypto';

/**
 * SHA-256 of a string's UTF-8 bytes, in lowercase hex: a short stand-in for a long string that
 * must match exactly (the unlock cache's list of note fingerprints, ~1 MB for a 10-year practice).
 * Native, and it takes the string without a copy to encode first.
 */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
