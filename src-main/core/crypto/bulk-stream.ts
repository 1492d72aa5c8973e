import { createCipheriv, createDecipheriv, type Decipher } from 'node:crypto';
import { largeBuffer } from './large-buffer';
import type { BulkKey } from './keys';
import { keyedHash, memzero, randomBytes, scrubWasmStack } from './sodium';

/**
 * Authenticated encryption of large byte streams (the ~20 MB unlock cache, backup files of
 * format 2) with the platform's
 * native AES-256-GCM (OpenSSL in Node, BoringSSL in Electron; hardware AES). On the 2-core
 * reference machine libsodium's WASM build seals ~110 MB/s and this ~2 GB/s, the difference
 * between an unlock that waits on decryption and one that does not. AES-GCM rather than
 * ChaCha20-Poly1305 because Electron's BoringSSL does not offer the latter through node:crypto
 * (electron/electron#24024). Records and keys stay on libsodium.
 *
 * Construction (the STREAM pattern, like libsodium's secretstream): a random 16-byte salt per
 * stream gives a one-time stream key = BLAKE2b-256(key, salt) (keyed), so nonces never repeat
 * across streams; chunk i is sealed with nonce = i (u64 LE) ‖ 0 0 0 ‖ final flag, and the caller's
 * associated data. Reordered, dropped, duplicated or truncated chunks fail to open; a stream
 * must end with a chunk sealed as final.
 */
export const BULK_HEADER_BYTES = 16;
export const BULK_TAG_BYTES = 16;
const ALGORITHM = 'aes-256-gcm';
const PIECE = 1 << 20;

function nonce(index: number, final: boolean): Buffer {
  const n = Buffer.alloc(12);
  n.writeBigUInt64LE(BigInt(index), 0);
  n[11] = final ? 1 : 0;
  return n;
}

function streamKey(key: BulkKey, salt: Uint8Array): Buffer {
  const k = keyedHash(key, salt);
  const out = Buffer.from(k);
  memzero(k);
  scrubWasmStack(); // the stream key is still in BLAKE2b's stack buffer
  return out;
}

export interface BulkSealer {
  /** The salt to store before the first chunk. */
  header: Uint8Array;
  /** Returns ciphertext ‖ 16-byte tag. */
  seal(chunk: Uint8Array, final: boolean, ad: Uint8Array): Buffer;
  /** The same bytes as `seal`, as [ciphertext, tag]: no copy of a large chunk into a fresh buffer (slow to allocate). */
  sealParts(chunk: Uint8Array, final: boolean, ad: Uint8Array): [Buffer, Buffer];
  /** Forgets the stream key. */
  done(): void;
}

export function bulkSealer(key: BulkKey): BulkSealer {
  const header = randomBytes(BULK_HEADER_BYTES);
  const k = streamKey(key, header);
  let index = 0;
  const sealParts = (chunk: Uint8Array, final: boolean, ad: Uint8Array): [Buffer, Buffer] => {
    const cipher = createCipheriv(ALGORITHM, k, nonce(index++, final), { authTagLength: BULK_TAG_BYTES });
    cipher.setAAD(ad);
    const body = cipher.update(chunk);
    const rest = cipher.final(); // empty for GCM
    return [rest.length ? Buffer.concat([body, rest]) : body, cipher.getAuthTag()];
  };
  return {
    header,
    seal: (chunk, final, ad) => Buffer.concat(sealParts(chunk, final, ad)),
    sealParts,
    done: () => k.fill(0),
  };
}

export interface BulkOpener {
  /** The plaintext, or null when the chunk is not the next one of this stream, sealed as `final` says. */
  open(chunk: Uint8Array, final: boolean, ad: Uint8Array): Buffer | null;
  /** The same for a chunk holding ASCII text, read from where it lies a piece at a time (see SealedText). */
  openAscii(chunk: SealedText, final: boolean, ad: Uint8Array): string | null;
  done(): void;
}

/**
 * A sealed chunk still on disk: its body (ciphertext) is read a MiB at a time into one small
 * buffer, opened and turned into text as it comes, so no buffer the size of the chunk is made,
 * for the ciphertext or the plaintext (the unlock cache's list: several MB, and fresh memory is
 * slow to touch on some machines). The text is returned only once the tag has checked. ASCII
 * (JSON with every other character escaped): a one-byte string, made by a copy, where decoding
 * UTF-8 into a two-byte string, and parsing that, took several times as long.
 */
export interface SealedText {
  bodyBytes: number;
  tag: Uint8Array;
  /** Reads `length` bytes of the body from `offset` into the start of `into`; returns how many it read. */
  read(into: Buffer, length: number, offset: number): number;
}

/**
 * A chunk's plaintext; one larger than a piece is opened a MiB at a time into a large buffer
 * (large-buffer.ts). The app writes no such chunk now (the unlock cache's list goes through
 * `openAscii`), but a backup file may declare chunks of up to 16 MiB (backup-format.ts).
 */
function openInPieces(decipher: Decipher, body: Uint8Array): Buffer {
  if (body.length <= PIECE) return decipher.update(body);
  const out = largeBuffer(body.length);
  let at = 0;
  for (let i = 0; i < body.length; i += PIECE) {
    const piece = decipher.update(body.subarray(i, i + PIECE));
    out.set(piece, at);
    at += piece.length;
    piece.fill(0);
  }
  return out.subarray(0, at);
}

export function bulkOpener(key: BulkKey, header: Uint8Array): BulkOpener {
  const k = streamKey(key, header);
  let index = 0;
  return {
    open(chunk, final, ad) {
      if (chunk.length < BULK_TAG_BYTES) return null;
      const body = chunk.subarray(0, chunk.length - BULK_TAG_BYTES);
      try {
        const decipher = createDecipheriv(ALGORITHM, k, nonce(index, final), { authTagLength: BULK_TAG_BYTES });
        decipher.setAAD(ad);
        decipher.setAuthTag(chunk.subarray(chunk.length - BULK_TAG_BYTES));
        const out = openInPieces(decipher, body);
        // GCM's final() returns no bytes (it throws when the tag does not match): no second copy of the chunk.
        const rest = decipher.final();
        index++;
        return rest.length ? Buffer.concat([out, rest]) : out;
      } catch {
        return null;
      }
    },
    openAscii(chunk, final, ad) {
      if (chunk.tag.length !== BULK_TAG_BYTES) return null;
      const frame = Buffer.allocUnsafe(Math.min(PIECE, chunk.bodyBytes));
      const parts: string[] = [];
      try {
        const decipher = createDecipheriv(ALGORITHM, k, nonce(index, final), { authTagLength: BULK_TAG_BYTES });
        decipher.setAAD(ad);
        decipher.setAuthTag(chunk.tag);
        for (let at = 0; at < chunk.bodyBytes; at += PIECE) {
          const length = Math.min(PIECE, chunk.bodyBytes - at);
          if (chunk.read(frame, length, at) !== length) return null;
          const piece = decipher.update(frame.subarray(0, length));
          parts.push(piece.toString('latin1'));
          piece.fill(0);
        }
        decipher.final(); // Throws when the tag does not match: the text read so far is dropped.
        index++;
        return parts.join('');
      } catch {
        return null;
      }
    },
    done: () => k.fill(0),
  };
}
