import { createHash } from 'node:crypto';

/**
 * Characters hashed per call: Node encodes each piece into a scratch buffer of up to three bytes
 * a character, and this keeps it under glibc's first mmap threshold (128 KiB). A scratch buffer
 * mapped and freed raises that threshold to its size for the rest of the process (see
 * large-buffer.ts): hashing a 2 MB list in one call left the heap holding ~25 MB more after the
 * unlock, measured.
 */
const PIECE = 32 * 1024;

/**
 * SHA-256 of a string's UTF-8 bytes, in lowercase hex: a short stand-in for a long string that
 * must match exactly (the unlock cache's list of note fingerprints, ~1 MB for a 10-year practice).
 * Native. Pieces cut inside a surrogate pair would encode differently: the list is printable
 * ASCII, and a string with any other character is hashed whole.
 */
export function sha256Hex(text: string): string {
  const hash = createHash('sha256');
  if (/[^ -~]/.test(text)) return hash.update(text, 'utf8').digest('hex');
  for (let i = 0; i < text.length; i += PIECE) hash.update(text.slice(i, i + PIECE), 'latin1');
  return hash.digest('hex');
}
