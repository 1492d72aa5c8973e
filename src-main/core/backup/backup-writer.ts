import fs from 'node:fs';
import path from 'node:path';
import type { BackupKey } from '../crypto/keys';
import { streamPusher } from '../crypto/sodium';
import { VaultError } from '../errors';
import { backupFileName, BACKUP_EXTENSION, CHUNK_BYTES, encodeChunkLength, encodePrefix, type BackupHeader } from './backup-format';
import { fileError, removeQuietly, yieldToEventLoop } from './backup-files';
import { fsyncDir, readInto, writeAll } from '../files/durable-files';

export interface WriteBackupOptions {
  /** A consistent snapshot of vault.db (record-encrypted pages only). */
  snapshotFile: string;
  dir: string;
  header: Omit<BackupHeader, 'snapshotBytes' | 'chunkBytes'>;
  /** The backup subkey of the vault's master key. */
  key: BackupKey;
  onProgress?: (done: number, total: number) => void;
}

/** The backup's final path, never overwriting an existing file (two backups in one second get "-2"). */
function freshPath(dir: string, at: number): string {
  const base = backupFileName(at).slice(0, -BACKUP_EXTENSION.length);
  for (let i = 1; ; i++) {
    const file = path.join(dir, `${i === 1 ? base : `${base}-${i}`}${BACKUP_EXTENSION}`);
    if (!fs.existsSync(file) && !fs.existsSync(`${file}.partial`)) return file;
  }
}

/**
 * Encrypts the snapshot into `<name>.partial` with secretstream (chunk 0 carries the plaintext
 * prefix as associated data, the last chunk is TAG_FINAL), fsyncs it, renames it into place and
 * fsyncs the folder, so a crash or a pulled USB stick never leaves a file that looks finished.
 */
export async function writeBackupFile(o: WriteBackupOptions): Promise<{ file: string; bytes: number }> {
  const snapshotBytes = fs.statSync(o.snapshotFile).size;
  const chunkBytes = CHUNK_BYTES;
  const prefix = encodePrefix({ ...o.header, chunkBytes, snapshotBytes });
  let file: string;
  try {
    if (!fs.statSync(o.dir).isDirectory()) throw new VaultError('IO_ERROR', 'The backup folder is not a folder. Choose a folder.');
    file = freshPath(o.dir, o.header.createdAt);
  } catch (e) {
    throw fileError(e, 'backup folder');
  }
  const partial = `${file}.partial`;
  let out: number | undefined;
  let input: number | undefined;
  try {
    out = fs.openSync(partial, 'wx', 0o600);
    input = fs.openSync(o.snapshotFile, 'r');
    const pusher = streamPusher(o.key);
    writeAll(out, prefix);
    writeAll(out, pusher.header);
    const count = Math.max(1, Math.ceil(snapshotBytes / chunkBytes));
    const buffer = new Uint8Array(chunkBytes);
    for (let i = 0; i < count; i++) {
      const plain = readInto(input, buffer, chunkBytes, i * chunkBytes);
      const expected = Math.min(chunkBytes, snapshotBytes - i * chunkBytes);
      if (plain.length !== expected) throw new VaultError('IO_ERROR', 'The vault copy changed while it was being backed up. Try again.');
      const sealed = pusher.push(plain, i === count - 1, i === 0 ? prefix : undefined);
      writeAll(out, encodeChunkLength(sealed.length));
      writeAll(out, sealed);
      o.onProgress?.(i * chunkBytes + plain.length, snapshotBytes);
      if (i % 16 === 15) await yieldToEventLoop();
    }
    fs.fsyncSync(out);
    fs.closeSync(out);
    out = undefined;
    fs.renameSync(partial, file);
    fsyncDir(o.dir);
    return { file, bytes: fs.statSync(file).size };
  } catch (e) {
    if (out !== undefined) fs.closeSync(out);
    removeQuietly(partial);
    throw fileError(e, 'backup folder');
  } finally {
    if (input !== undefined) fs.closeSync(input);
  }
}
