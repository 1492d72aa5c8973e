/**
 * The printed-key encoding shared by the Recovery Key and the custodian shares: RFC 4648 base32
 * (`A–Z 2–7`) in dash-separated groups of 4, read back forgivingly (any case, spaces or dashes,
 * and the digits the alphabet lacks as their look-alike letters). Callers add their own checksum.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Bytes -> "ABCD-EFGH-…". Lengths that are a multiple of 5 bytes give whole groups, no padding. */
export function toGroups(bytes: Uint8Array): string {
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

/**
 * Upper case, no spaces or dashes; `0 -> O`, `1 -> I`, `8 -> B`. L is itself in the alphabet, so
 * it is never rewritten.
 */
export function normalizeGroups(text: string): string {
  return text
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/0/g, 'O')
    .replace(/1/g, 'I')
    .replace(/8/g, 'B');
}

/** Normalized base32 of exactly `byteLength` bytes -> bytes; null for another length or a foreign character. */
export function fromGroups(clean: string, byteLength: number): Uint8Array | null {
  if (clean.length !== Math.ceil((byteLength * 8) / 5)) return null;
  const bytes = new Uint8Array(byteLength);
  let bits = 0;
  let value = 0;
  let i = 0;
  for (const ch of clean) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) {
      bytes.fill(0);
      return null;
    }
    value = ((value << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes[i++] = (value >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
  }
  return bytes;
}
