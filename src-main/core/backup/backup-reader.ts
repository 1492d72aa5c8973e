import fs from 'node:fs';
import type { BackupKey } from '../crypto/keys';
import { keyedHash, STREAM_ABYTES, STREAM_HEADER_BYTES, streamPuller, toHex, type StreamPuller } from '../crypto/sodium';
import { VaultError } from '../errors';
import { decodeChunkLength, decodePrefix, MAGIC, MAX_HEADER_BYTES, prefixLength, type BackupHeader } from './backup-format';
import { fileError, yieldToEventLoop } from './backup-files';
import { readAt, readInto, writeAll } from '../files/durable-files';

export interface ParsedBackup {
  header: BackupHeader;
  /** The exact prefix bytes, needed as associated data of chunk 0. */
  prefix: Uint8Array;
  /** The secretstream header read with the prefix; decryption uses these very bytes. */
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
    const streamHeader = readAt(fd, STREAM_HEADER_BYTES, decoded.prefixBytes);
    return { header: decoded.header, prefix, streamHeader, size, fingerprint: fingerprintOf(prefix, streamHeader, size) };
  } catch (e) {
    if (!isBackup) throw notABackup();
    throw fileError(e, 'backup file');
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

export interface DecryptOptions {
  /** fsync the decrypted copy: restore renames it into place as the vault; verify and drill only read it, then delete it. */
  durable: boolean;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Decrypts every chunk into `outFile` (a new file in a private scratch folder), failing on the
 * first chunk that does not authenticate, on a missing FINAL chunk, on anything after FINAL,
 * and on a plaintext size other than the header promised. secretstream chains the chunks, so a
 * chunk dropped, duplicated or moved fails too; chunk 0's AD is the prefix, so does a header edit.
 */
export async function decryptBackup(file: string, parsed: ParsedBackup, key: BackupKey, outFile: string, o: DecryptOptions): Promise<void> {
  const { header, prefix, streamHeader, size } = parsed;
  let fd: number | undefined;
  let out: number | undefined;
  let puller: StreamPuller | null = null;
  try {
    fd = fs.openSync(file, 'r');
    out = fs.openSync(outFile, 'wx', 0o600);
    let pos = prefix.length;
    puller = streamPuller(key, streamHeader);
    if (!puller) throw corrupt('it ends before its data');
    pos += STREAM_HEADER_BYTES;
    // One buffer for every chunk; never larger than the file, whatever its unauthenticated header claims.
    const buffer = new Uint8Array(Math.min(header.chunkBytes + STREAM_ABYTES, size));
    let plainBytes = 0;
    for (let i = 0; ; i++) {
      if (pos + 4 > size) throw corrupt('it was cut short');
      const length = decodeChunkLength(readAt(fd, 4, pos));
      if (length < STREAM_ABYTES || length > header.chunkBytes + STREAM_ABYTES) throw corrupt('a block has an impossible size');
      if (pos + 4 + length > size) throw corrupt('it was cut short');
      const sealed = readInto(fd, buffer, length, pos + 4);
      if (sealed.length !== length) throw corrupt('it was cut short');
      const chunk = puller.pull(sealed, i === 0 ? prefix : undefined);
      if (!chunk) throw corrupt('a block failed its integrity check');
      pos += 4 + length;
      plainBytes += chunk.message.length;
      if (plainBytes > header.snapshotBytes) throw corrupt('it holds more data than it says');
      writeAll(out, chunk.message);
      o.onProgress?.(plainBytes, header.snapshotBytes);
      if (chunk.final) break;
      if (i % 16 === 15) await yieldToEventLoop();
    }
    if (pos !== size) throw corrupt('it has extra data after its end');
    if (plainBytes !== header.snapshotBytes) throw corrupt('it holds less data than it says');
    if (o.durable) fs.fsyncSync(out);
  } catch (e) {
    throw fileError(e, 'backup file');
  } finally {
    puller?.done();
    if (fd !== undefined) fs.closeSync(fd);
    if (out !== undefined) fs.closeSync(out);
  }
}
