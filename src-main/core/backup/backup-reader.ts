import fs from 'node:fs';
import type { BackupKey } from '../crypto/keys';
import { STREAM_ABYTES, STREAM_HEADER_BYTES, streamPuller } from '../crypto/sodium';
import { VaultError } from '../errors';
import { decodeChunkLength, decodePrefix, MAX_HEADER_BYTES, prefixLength, type BackupHeader } from './backup-format';
import { fileError, yieldToEventLoop } from './backup-files';
import { readAt, readInto, writeAll } from '../files/durable-files';

export interface ParsedBackup {
  header: BackupHeader;
  /** The exact prefix bytes, needed as associated data of chunk 0. */
  prefix: Uint8Array;
  size: number;
}

const corrupt = (why: string) => new VaultError('BACKUP_CORRUPT', `The backup file is damaged (${why}). Use another backup; nothing was changed.`);

function statBackup(file: string): fs.Stats {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ENOENT') throw new VaultError('NOT_FOUND', 'That backup file was not found. Check that the drive is connected.');
    throw fileError(e, 'backup file');
  }
  if (stat.isDirectory()) throw new VaultError('BACKUP_CORRUPT', 'That is a folder, not a backup file. Choose a .svbackup file.');
  if (!stat.isFile()) throw new VaultError('BACKUP_CORRUPT', 'That is not a backup file. Choose a .svbackup file.');
  if (stat.size === 0) throw new VaultError('BACKUP_CORRUPT', 'The backup file is empty. Use another backup; nothing was changed.');
  return stat;
}

/** Reads the plaintext prefix: enough to know the vault, its wrapped keys and the counts. Not yet authenticated. */
export function readBackupHeader(file: string): ParsedBackup {
  const { size } = statBackup(file);
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const start = readAt(fd, 13, 0);
    const total = prefixLength(start);
    // Read the header only when its stated length is sane, so a hostile length cannot make us allocate gigabytes.
    const decoded = decodePrefix(total !== null && total <= size && total <= 13 + MAX_HEADER_BYTES ? readAt(fd, total, 0) : start);
    if (!decoded.ok) {
      if (decoded.problem === 'newer-version') {
        throw new VaultError('BACKUP_UNSUPPORTED_VERSION', 'This backup was made by a newer version of SessionVault. Update the app to use it.');
      }
      if (decoded.problem === 'not-backup') throw new VaultError('BACKUP_CORRUPT', 'This file is not a SessionVault backup. Choose a .svbackup file.');
      throw corrupt('its header cannot be read');
    }
    return { header: decoded.header, prefix: readAt(fd, decoded.prefixBytes, 0), size };
  } catch (e) {
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
  const { header, prefix, size } = parsed;
  let fd: number | undefined;
  let out: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    out = fs.openSync(outFile, 'wx', 0o600);
    let pos = prefix.length;
    const puller = streamPuller(key, readAt(fd, STREAM_HEADER_BYTES, pos));
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
    if (fd !== undefined) fs.closeSync(fd);
    if (out !== undefined) fs.closeSync(out);
  }
}
