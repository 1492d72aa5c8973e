import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { VaultService } from '../../../../src-main/service';
import { tempDir } from '../../../helpers/disk';
import { newService, pick, STRONG_PASSWORD, value } from '../../../helpers/service';

/**
 * A key file is read whole and hashed: only a regular file of at most 1 MiB is accepted, both when
 * it is chosen and when what its handle names is read (the file may have changed in between).
 */
let service: VaultService | undefined;
afterEach(() => {
  service?.close();
  service = undefined;
});

const NOT_A_KEY_FILE = 'A key file must be a regular file of at most 1 MiB. Choose another file.';

function oddPaths() {
  const dir = tempDir('sv-keyfile-');
  const big = path.join(dir, 'movie.mp4');
  fs.writeFileSync(big, Buffer.alloc(1024 * 1024 + 1, 7));
  const fifo = path.join(dir, 'pipe');
  execFileSync('mkfifo', [fifo]);
  const zero = path.join(dir, 'zero.key');
  fs.symlinkSync('/dev/zero', zero);
  return { big, fifo, zero, dir, missing: path.join(dir, 'missing.key') };
}

describe('key files', () => {
  it('choosing one refuses a file over 1 MiB, a device, a pipe, a folder and a missing path, with one answer', async () => {
    ({ service } = await newService());
    const { big, fifo, zero, dir, missing } = oddPaths();
    for (const typedPath of [big, zero, fifo, dir, missing, '/dev/zero']) {
      expect(await service.invoke('files.choose', { purpose: 'key-file', typedPath })).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: NOT_A_KEY_FILE } });
    }
  });

  it('a chosen key file that became a device, a pipe or too large is refused before it is read; no vault is made', async () => {
    let dataDir: string;
    ({ service, dataDir } = await newService());
    const { big, fifo, zero } = oddPaths();
    for (const replacement of [big, zero, fifo, '/dev/zero']) {
      const keyFile = path.join(tempDir('sv-keyfile-chosen-'), 'key.bin');
      fs.writeFileSync(keyFile, 'a fine key file');
      const handle = await pick(service, 'key-file', keyFile);
      fs.rmSync(keyFile);
      fs.symlinkSync(replacement, keyFile);
      expect(await service.invoke('vault.create', { password: STRONG_PASSWORD, keyFile: handle })).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: NOT_A_KEY_FILE } });
    }
    expect(value(await service.invoke('vault.status', {})).state).toBe('absent');
    expect(fs.existsSync(path.join(dataDir, 'vault.db'))).toBe(false);
  });

  it('unlock and restore apply the same rule; a key file of exactly 1 MiB works', async () => {
    const keyFile = path.join(tempDir('sv-keyfile-'), 'exact.key');
    fs.writeFileSync(keyFile, Buffer.alloc(1024 * 1024, 3));
    const made = await newService();
    service = made.service;
    const handle = await pick(service, 'key-file', keyFile);
    value(await service.invoke('vault.create', { password: STRONG_PASSWORD, keyFile: handle }));
    const backup = value(await service.invoke('backup.create', { folder: await pick(service, 'backup-folder', tempDir('sv-usb-')) }));
    value(await service.invoke('vault.lock', {}));
    // The key file grows past the limit after it was chosen.
    fs.appendFileSync(keyFile, 'x');
    expect(await service.invoke('vault.unlock', { password: STRONG_PASSWORD, keyFile: handle })).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: NOT_A_KEY_FILE } });
    expect(await service.invoke('backup.restore', { backup: backup.handle, password: STRONG_PASSWORD, keyFile: handle })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: NOT_A_KEY_FILE },
    });
    fs.truncateSync(keyFile, 1024 * 1024);
    value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD, keyFile: handle }));
  });
});
