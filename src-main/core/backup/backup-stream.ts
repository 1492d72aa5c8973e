import { BULK_HEADER_BYTES, BULK_TAG_BYTES, bulkOpener, bulkSealer } from '../crypto/bulk-stream';
import { backupBulkKey, backupKey, type MasterKey } from '../crypto/keys';
import { memzero, STREAM_ABYTES, STREAM_HEADER_BYTES, streamPuller } from '../crypto/sodium';
import type { BackupVersion } from './backup-format';

/**
 * The body encryption of each backup format version, behind one interface, so the reader never
 * branches on the version itself (docs/backup-format.md):
 *
 * - version 1: libsodium secretstream (XChaCha20-Poly1305) under the "SVbackup" subkey; chunk 0's
 *   AD is the prefix, the last chunk carries TAG_FINAL. Read only: the app no longer writes it.
 * - version 2: the STREAM construction over native AES-256-GCM (crypto/bulk-stream.ts) under the
 *   "SVbkpgcm" subkey and a random 16-byte salt; every chunk's AD is the prefix, and the nonce
 *   holds the chunk's index and whether it is the last, so a chunk moved, dropped, added or cut
 *   off fails to open.
 */

/** Bytes of the stream header stored right after the prefix. */
export function streamHeaderBytes(version: BackupVersion): number {
  return version === 1 ? STREAM_HEADER_BYTES : BULK_HEADER_BYTES;
}

/** Bytes a sealed chunk has beyond its plaintext. */
export function sealOverhead(version: BackupVersion): number {
  return version === 1 ? STREAM_ABYTES : BULK_TAG_BYTES;
}

export interface ChunkOpener {
  /**
   * The next chunk's plaintext and whether it is the last one, or null when it does not
   * authenticate as the next chunk of this stream. `endsFile`: nothing follows it in the file.
   */
  open(sealed: Uint8Array, endsFile: boolean): { plain: Uint8Array; final: boolean } | null;
  /** Forgets the stream's key. */
  done(): void;
}

/** Null when the stream header cannot start a stream (version 1's header is checked by libsodium). */
export function chunkOpener(version: BackupVersion, masterKey: MasterKey, streamHeader: Uint8Array, prefix: Uint8Array): ChunkOpener | null {
  if (version === 1) {
    const key = backupKey(masterKey);
    const puller = streamPuller(key, streamHeader);
    memzero(key);
    if (!puller) return null;
    let index = 0;
    return {
      open(sealed) {
        const chunk = puller.pull(sealed, index === 0 ? prefix : undefined);
        if (!chunk) return null;
        index++;
        return { plain: chunk.message, final: chunk.final };
      },
      done: () => puller.done(),
    };
  }
  if (streamHeader.length !== BULK_HEADER_BYTES) return null;
  const key = backupBulkKey(masterKey);
  const opener = bulkOpener(key, streamHeader);
  memzero(key);
  return {
    // The last chunk is the one that ends the file: opened as last, a chunk sealed as not last fails (cut off), and vice versa (data added).
    open(sealed, endsFile) {
      const plain = opener.open(sealed, endsFile, prefix);
      return plain ? { plain, final: endsFile } : null;
    },
    done: () => opener.done(),
  };
}

export interface ChunkSealer {
  /** The stream header to store after the prefix. */
  header: Uint8Array;
  /** The next chunk sealed, in pieces to write one after the other (ciphertext, tag). */
  seal(plain: Uint8Array, last: boolean): Uint8Array[];
  done(): void;
}

/** Seals a version-2 body: every chunk bound to the whole prefix (magic, version, header JSON). */
export function chunkSealer(masterKey: MasterKey, prefix: Uint8Array): ChunkSealer {
  const key = backupBulkKey(masterKey);
  const sealer = bulkSealer(key);
  memzero(key);
  return { header: sealer.header, seal: (plain, last) => sealer.sealParts(plain, last, prefix), done: () => sealer.done() };
}
