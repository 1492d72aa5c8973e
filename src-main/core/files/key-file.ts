import fs from 'node:fs';
import { VaultError } from '../errors';
import { readAt } from './durable-files';

/** A key file is mixed in whole (BLAKE2b); anything larger is not a key file but a mistake or a trap. */
export const MAX_KEY_FILE_BYTES = 1024 * 1024;

export const NOT_A_KEY_FILE = 'A key file must be a regular file of at most 1 MiB. Choose another file.';

/**
 * Reads a key file the renderer (or a picked file handle) names. Only a regular file of at most
 * 1 MiB: a device (/dev/zero), a pipe or a huge file would hang or exhaust memory before any check.
 * Checked before opening (so a pipe is never opened) and again on the open descriptor (so the
 * path cannot be swapped for something else in between).
 */
export function readKeyFile(file: string): Uint8Array {
  let fd: number | undefined;
  try {
    const before = fs.statSync(file);
    if (!before.isFile() || before.size > MAX_KEY_FILE_BYTES) throw new VaultError('INVALID_INPUT', NOT_A_KEY_FILE);
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const opened = fs.fstatSync(fd);
    if (!opened.isFile() || opened.size > MAX_KEY_FILE_BYTES || opened.ino !== before.ino) throw new VaultError('INVALID_INPUT', NOT_A_KEY_FILE);
    const bytes = readAt(fd, opened.size, 0);
    if (bytes.length !== opened.size) throw new VaultError('IO_ERROR', 'The key file changed while it was read. Try again.');
    return bytes;
  } catch (e) {
    if (e instanceof VaultError) throw e;
    throw new VaultError('IO_ERROR', 'The key file could not be read. Check that the drive holding it is connected.');
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
