import fs from 'node:fs';
import type { MasterKey } from '../crypto/keys';
import { keyedHash, toHex } from '../crypto/sodium';
import { VaultError } from '../errors';
import { decodeChunkLength, decodePrefix, MAGIC, MAX_HEADER_BYTES, prefixLength, type BackupHeader, type BackupVersion } from './backup-format';
import { fileError, yieldToEventLoop, YIELD_BYTES } from './backup-files';
import { chunkOpener, sealOverhead, streamHeaderBytes, type ChunkOpener } from './backup-stream';
import type { PlainSink } from './plain-sinks';
import { readAt, readInto } from '../files/durable-files';

export interface ParsedBackup {
  version: BackupVersion;
  header: BackupHeader;
  /** The exact prefix bytes, needed as associated data (v1: of chunk 0, v2: of every chunk). */
  prefix: Uint8Array;
  /** The stream header read with the prefix (v1: secretstream header, v2: salt); decryption uses these very bytes. */
  streamHeader: Uint8Array;
  size: number;
  /**
   * BLAKE2b-256 of prefix ‖ stream header ‖ file size (u64 BE), hex: what the backup log seals
   * when the file verifies. Once verified, the prefix is authenticated and the body is bound to
   * the stream header and the key, so another file with this fingerprint is this backup, or a
   * damaged copy of it that fails to decrypt.
   */
  fingerprint: string;
}

function fingerprintOf(prefix: Uint8Array, streamHeader: Uint8Array, size: number): string {
  const sized = new Uint8Array(prefix.length + streamHeader.length + 8);
  sized.set(prefix);
  sized.set(streamHeader, prefix.length);
  new DataView(sized.buffer).setBigUint64(prefix.length + streamHeader.length, BigInt(size), false);
  return toHex(keyedHash(null, sized));
}

const corrupt = (why: string) => new VaultError('BACKUP_CORRUPT', `The backup file is damaged (${why}). Use another backup; nothing was changed.`);

/**
 * One answer for every path that is not a readable backup — missing, a folder, a device, empty,
 * unreadable, or another kind of file — so a path typed or sent by the renderer cannot be used
 * to learn whether some file exists or what it is.
 */
export const NOT_A_BACKUP = 'That is not a SessionVault backup this app can read. Choose a .svbackup file on a connected drive.';
const notABackup = () => new VaultError('BACKUP_CORRUPT', NOT_A_BACKUP);

/** Whether `file` is a non-empty regular file that starts like a backup (magic only; nothing else is trusted). */
export function looksLikeBackup(file: string): boolean {
  let fd: number | undefined;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile() || stat.size === 0) return false;
    fd = fs.openSync(file, 'r');
    const start = readAt(fd, MAGIC.length, 0);
    return start.length === MAGIC.length && MAGIC.every((b, i) => start[i] === b);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Reads the plaintext prefix: enough to know the vault, its wrapped keys and the counts. Not yet authenticated. */
export function readBackupHeader(file: string): ParsedBackup {
  let fd: number | undefined;
  let size: number;
  let isBackup = false;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile() || stat.size === 0) throw notABackup();
    size = stat.size;
    fd = fs.openSync(file, 'r');
    const start = readAt(fd, 13, 0);
    const total = prefixLength(start);
    // Read the header only when its stated length is sane, so a hostile length cannot make us allocate gigabytes.
    const decoded = decodePrefix(total !== null && total <= size && total <= 13 + MAX_HEADER_BYTES ? readAt(fd, total, 0) : start);
    if (!decoded.ok && decoded.problem === 'not-backup') throw notABackup();
    isBackup = true; // From here on it is one of ours: saying what is wrong with it reveals nothing.
    if (!decoded.ok) {
      if (decoded.problem === 'newer-version') {
        throw new VaultError('BACKUP_UNSUPPORTED_VERSION', 'This backup was made by a newer version of SessionVault. Update the app to use it.');
      }
      throw corrupt('its header cannot be read');
    }
    const prefix = readAt(fd, decoded.prefixBytes, 0);
    const streamHeader = readAt(fd, streamHeaderBytes(decoded.version), decoded.prefixBytes);
    return { version: decoded.version, header: decoded.header, prefix, streamHeader, size, fingerprint: fingerprintOf(prefix, streamHeader, size) };
  } catch (e) {
    if (!isBackup) throw notABackup();
    throw fileError(e, 'backup file');
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Decrypts every chunk into `sink` (a new file, or a comparison with the snapshot the backup was
 * written from), failing on the first chunk that does not authenticate, on a missing last chunk,
 * on anything after it, and on a plaintext size other than the header promised. Each version's
 * stream binds a chunk to its place (backup-stream.ts), so a chunk dropped, duplicated or moved
 * fails too, and the prefix is associated data, so does a header edit.
 */
export async function decryptBackup(
  file: string,
  parsed: ParsedBackup,
  masterKey: MasterKey,
  openSink: () => PlainSink,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const { version, header, prefix, streamHeader, size } = parsed;
  const overhead = sealOverhead(version);
  let fd: number | undefined;
  let opener: ChunkOpener | null = null;
  let sink: PlainSink | undefined;
  try {
    fd = fs.openSync(file, 'r');
    sink = openSink();
    let pos = prefix.length;
    opener = streamHeader.length === streamHeaderBytes(version) ? chunkOpener(version, masterKey, streamHeader, prefix) : null;
    if (!opener) throw corrupt('it ends before its data');
    pos += streamHeader.length;
    // One buffer for every chunk; never larger than the file, whatever its unauthenticated header claims.
    const buffer = new Uint8Array(Math.min(header.chunkBytes + overhead, size));
    let plainBytes = 0;
    let sinceYield = 0;
    for (;;) {
      if (pos + 4 > size) throw corrupt('it was cut short');
      const length = decodeChunkLength(readAt(fd, 4, pos));
      if (length < overhead || length > header.chunkBytes + overhead) throw corrupt('a block has an impossible size');
      if (pos + 4 + length > size) throw corrupt('it was cut short');
      const sealed = readInto(fd, buffer, length, pos + 4);
      if (sealed.length !== length) throw corrupt('it was cut short');
      pos += 4 + length;
      const chunk = opener.open(sealed, pos === size);
      if (!chunk) throw corrupt('a block failed its integrity check');
      if (plainBytes + chunk.plain.length > header.snapshotBytes) throw corrupt('it holds more data than it says');
      sink.write(chunk.plain, plainBytes);
      plainBytes += chunk.plain.length;
      onProgress?.(plainBytes, header.snapshotBytes);
      if (chunk.final) break;
      sinceYield += length;
      if (sinceYield >= YIELD_BYTES) {
        sinceYield = 0;
        await yieldToEventLoop();
      }
    }
    if (pos !== size) throw corrupt('it has extra data after its end');
    if (plainBytes !== header.snapshotBytes) throw corrupt('it holds less data than it says');
    sink.finish();
  } catch (e) {
    throw fileError(e, 'backup file');
  } finally {
    opener?.done();
    if (fd !== undefined) fs.closeSync(fd);
    sink?.close();
  }
}
