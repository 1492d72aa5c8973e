import fs from 'node:fs';
import path from 'node:path';
import type { MasterKey } from '../crypto/keys';
import { VaultError } from '../errors';
import { backupFileName, BACKUP_EXTENSION, BACKUP_NAME_PATTERN, CHUNK_BYTES, encodeChunkLength, encodePrefix, FORMAT_VERSION, type BackupHeader } from './backup-format';
import { fileError, removeQuietly, yieldToEventLoop, YIELD_BYTES } from './backup-files';
import { assertRoomFor, type BackupTarget } from './backup-room';
import { chunkSealer, sealOverhead, streamHeaderBytes, type ChunkSealer } from './backup-stream';
import { fsyncDir, readInto, writeAll } from '../files/durable-files';

export type { BackupTarget };

export interface WriteBackupOptions {
  /** A consistent snapshot of vault.db (record-encrypted pages only). */
  snapshotFile: string;
  target: BackupTarget;
  header: Omit<BackupHeader, 'snapshotBytes' | 'chunkBytes'>;
  /** The vault's master key; the body is sealed under its backup subkey (backup-stream.ts). */
  masterKey: MasterKey;
  /** Plaintext bytes per chunk; CHUNK_BYTES unless a test vector needs a small file with two chunks (readers accept 256 B – 16 MiB). */
  chunkBytes?: number;
  onProgress?: (done: number, total: number) => void;
}

/** A backup written and fsynced under its temporary name; not a backup yet until `commitBackupFile`. */
export interface PartialBackup {
  partial: string;
  bytes: number;
  createdAt: number;
}

const PARTIAL_SUFFIX = '.partial';

/** The exact size of a backup file the app writes: prefix, stream header, and per chunk a length, the ciphertext and its tag. */
export function backupFileBytes(prefixBytes: number, snapshotBytes: number, chunkBytes = CHUNK_BYTES): number {
  const chunks = Math.max(1, Math.ceil(snapshotBytes / chunkBytes));
  return prefixBytes + streamHeaderBytes(FORMAT_VERSION) + chunks * (4 + sealOverhead(FORMAT_VERSION)) + snapshotBytes;
}

/** A final name not taken yet (two backups in one second get "-2"). */
function freshPath(dir: string, at: number): string {
  const base = backupFileName(at).slice(0, -BACKUP_EXTENSION.length);
  for (let i = 1; ; i++) {
    const file = path.join(dir, `${i === 1 ? base : `${base}-${i}`}${BACKUP_EXTENSION}`);
    if (!fs.existsSync(file) && !fs.existsSync(`${file}${PARTIAL_SUFFIX}`)) return file;
  }
}

/**
 * Temporary files of backups that were cut off (drive pulled, crash). Only this process backs up
 * (single-instance lock) and one backup runs at a time, so any left in the folder is stale.
 */
function removeStalePartials(dir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (name.endsWith(PARTIAL_SUFFIX) && BACKUP_NAME_PATTERN.test(name.slice(0, -PARTIAL_SUFFIX.length))) removeQuietly(path.join(dir, name));
  }
}

/** Makes the drive's `SessionVault Backups/` folder, one level only: a missing drive must never be recreated on this computer's disk. */
function ensureFolder(target: BackupTarget): void {
  if (!target.createFolder || fs.existsSync(target.dir)) return;
  fs.mkdirSync(target.dir);
}

/**
 * Encrypts the snapshot into `<name>.svbackup.partial` as format version 2 (backup-stream.ts:
 * AES-256-GCM chunks, each bound to the plaintext prefix, its index and whether it is the last)
 * and fsyncs it. It keeps that
 * temporary name until it has been read back and verified (`commitBackupFile`), so a crash or a
 * pulled USB stick never leaves a file that looks like a backup. Refuses before writing anything
 * when the drive is known to be too small.
 */
export async function writeBackupFile(o: WriteBackupOptions): Promise<PartialBackup> {
  const snapshotBytes = fs.statSync(o.snapshotFile).size;
  const chunkBytes = o.chunkBytes ?? CHUNK_BYTES;
  const prefix = encodePrefix({ ...o.header, chunkBytes, snapshotBytes });
  const { target } = o;
  let partial: string;
  try {
    assertRoomFor(target, backupFileBytes(prefix.length, snapshotBytes, chunkBytes));
    ensureFolder(target);
    if (!fs.statSync(target.dir).isDirectory()) throw new VaultError('IO_ERROR', 'The backup folder is not a folder. Choose a folder.');
    removeStalePartials(target.dir);
    partial = `${freshPath(target.dir, o.header.createdAt)}${PARTIAL_SUFFIX}`;
  } catch (e) {
    throw fileError(e, 'backup folder', target.driveLabel);
  }
  let out: number | undefined;
  let input: number | undefined;
  let sealer: ChunkSealer | undefined;
  try {
    out = fs.openSync(partial, 'wx', 0o600);
    input = fs.openSync(o.snapshotFile, 'r');
    sealer = chunkSealer(o.masterKey, prefix);
    writeAll(out, prefix);
    writeAll(out, sealer.header);
    const count = Math.max(1, Math.ceil(snapshotBytes / chunkBytes));
    const buffer = new Uint8Array(chunkBytes);
    let sinceYield = 0;
    for (let i = 0; i < count; i++) {
      const plain = readInto(input, buffer, chunkBytes, i * chunkBytes);
      const expected = Math.min(chunkBytes, snapshotBytes - i * chunkBytes);
      if (plain.length !== expected) throw new VaultError('IO_ERROR', 'The vault copy changed while it was being backed up. Try again.');
      const sealed = sealer.seal(plain, i === count - 1);
      writeAll(out, encodeChunkLength(sealed.reduce((n, part) => n + part.length, 0)));
      for (const part of sealed) writeAll(out, part);
      o.onProgress?.(i * chunkBytes + plain.length, snapshotBytes);
      sinceYield += plain.length;
      if (sinceYield >= YIELD_BYTES) {
        sinceYield = 0;
        await yieldToEventLoop();
      }
    }
    fs.fsyncSync(out);
    fs.closeSync(out);
    out = undefined;
    return { partial, bytes: fs.statSync(partial).size, createdAt: o.header.createdAt };
  } catch (e) {
    if (out !== undefined) fs.closeSync(out);
    removeQuietly(partial);
    throw fileError(e, 'backup folder', target.driveLabel);
  } finally {
    sealer?.done();
    if (input !== undefined) fs.closeSync(input);
  }
}

/** Gives a verified backup its final name (never over an existing file) and makes the rename durable. Returns the final path. */
export function commitBackupFile(written: PartialBackup, target: BackupTarget): string {
  try {
    const named = written.partial.slice(0, -PARTIAL_SUFFIX.length);
    // The name it was written for, unless something took that name meanwhile.
    const file = fs.existsSync(named) ? freshPath(target.dir, written.createdAt) : named;
    fs.renameSync(written.partial, file);
    fsyncDir(target.dir);
    return file;
  } catch (e) {
    throw fileError(e, 'backup folder', target.driveLabel);
  }
}

/** Removes a temporary backup that did not pass its check (or whose drive went away). */
export function discardPartial(written: PartialBackup): void {
  removeQuietly(written.partial);
}
