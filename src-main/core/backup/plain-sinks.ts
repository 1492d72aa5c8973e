import fs from 'node:fs';
import { VaultError } from '../errors';
import { readInto, writeAll } from '../files/durable-files';

/** Where decryptBackup puts each chunk's plaintext, in order. */
export interface PlainSink {
  /** `offset`: where these bytes start in the vault copy. */
  write(plain: Uint8Array, offset: number): void;
  /** Every chunk decrypted and the size right: make it final. */
  finish(): void;
  /** Always called last, success or not. */
  close(): void;
}

/**
 * Writes the vault copy to `file` (a new file in a private scratch folder). Only restore asks for
 * `durable`: it renames the copy into place as the vault; verify and drill delete it.
 */
export function fileSink(file: string, o: { durable: boolean }): PlainSink {
  let out: number | undefined = fs.openSync(file, 'wx', 0o600);
  return {
    write: (plain) => writeAll(out!, plain),
    finish: () => {
      if (o.durable) fs.fsyncSync(out!);
    },
    close: () => {
      if (out !== undefined) fs.closeSync(out);
      out = undefined;
    },
  };
}

const differs = () => new VaultError('BACKUP_CORRUPT', 'The backup file is damaged (it does not hold the vault copy it was written from).');

/**
 * Compares every decrypted byte with the snapshot the backup was just written from, byte for
 * byte, and that the snapshot ends where the plaintext does. Create's read-back: once it passes,
 * the file decrypts to exactly the snapshot, so checking the snapshot is checking the backup.
 */
export function sameAsSink(snapshotFile: string): PlainSink {
  let fd: number | undefined = fs.openSync(snapshotFile, 'r');
  let expected = new Uint8Array(0);
  let end = 0;
  return {
    write(plain, offset) {
      if (expected.length < plain.length) expected = new Uint8Array(plain.length);
      const original = readInto(fd!, expected, plain.length, offset);
      if (!Buffer.from(original.buffer, original.byteOffset, original.length).equals(plain)) throw differs();
      end = offset + plain.length;
    },
    finish() {
      if (fs.fstatSync(fd!).size !== end) throw differs();
    },
    close: () => {
      if (fd !== undefined) fs.closeSync(fd);
      fd = undefined;
    },
  };
}
