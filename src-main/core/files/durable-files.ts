import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, toHex } from '../crypto/sodium';
import { VaultError } from '../errors';

/** Reads exactly `length` bytes at `position`, or fewer only at the end of the file. */
export function readAt(fd: number, length: number, position: number): Uint8Array {
  return readInto(fd, new Uint8Array(length), length, position);
}

/** Like readAt, into the start of a buffer the caller reuses for every chunk (no allocation per chunk). Returns a view of the bytes read. */
export function readInto(fd: number, buffer: Uint8Array, length: number, position: number): Uint8Array {
  let got = 0;
  while (got < length) {
    const n = fs.readSync(fd, buffer, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return buffer.subarray(0, got);
}

export function writeAll(fd: number, bytes: Uint8Array): void {
  let done = 0;
  while (done < bytes.length) done += fs.writeSync(fd, bytes, done, bytes.length - done);
}

/** Makes a rename durable: after a power cut the file is there under its new name. */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open a directory for fsync; NTFS journals the rename itself.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Writes `content` as a new file `<base><ext>` in `dir` (or `<base>-2<ext>`, … — an existing
 * file is never replaced): temp file (owner-only), fsync, rename, so a crash never leaves half a
 * document under the final name. Returns the path written.
 */
export function writeNewFile(dir: string, base: string, ext: string, content: string | Uint8Array): string {
  const tmp = path.join(dir, `.${base}.${toHex(randomBytes(6))}.tmp`);
  try {
    const fd = fs.openSync(tmp, 'wx', 0o600);
    try {
      if (typeof content === 'string') fs.writeFileSync(fd, content, 'utf8');
      else writeAll(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    let target = path.join(dir, base + ext);
    for (let i = 2; fs.existsSync(target); i++) target = path.join(dir, `${base}-${i}${ext}`);
    fs.renameSync(tmp, target);
    fsyncDir(dir);
    return target;
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    if ((error as { code?: unknown } | null)?.code === 'ENOSPC') {
      throw new VaultError('DISK_FULL', 'The drive is full. Free some space or choose another folder, then try again.');
    }
    throw new VaultError('IO_ERROR', 'The file could not be saved in that folder. Check that it exists and that you can write to it, then try again.');
  }
}
