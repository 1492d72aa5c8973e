import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { VaultService } from '../../../../src-main/service';
import { newService, STRONG_PASSWORD, tempDir, value } from '../../../helpers/service';

/** The renderer names a key file's path: only a regular file of at most 1 MiB is read. */
let service: VaultService | undefined;
afterEach(() => {
  service?.close();
  service = undefined;
});

const NOT_A_KEY_FILE = { ok: false, error: { code: 'INVALID_INPUT', message: 'A key file must be a regular file of at most 1 MiB. Choose another file.' } };

function oddPaths() {
  const dir = tempDir('sv-keyfile-');
  const big = path.join(dir, 'movie.mp4');
  fs.writeFileSync(big, Buffer.alloc(1024 * 1024 + 1, 7));
  const fifo = path.join(dir, 'pipe');
  execFileSync('mkfifo', [fifo]);
  const zero = path.join(dir, 'zero.key');
  fs.symlinkSync('/dev/zero', zero);
  return { big, fifo, zero, dir };
}

describe('key file paths from the renderer', () => {
  it('create refuses a file over 1 MiB, a device, a pipe and a folder before reading them; no vault is made', async () => {
    const { big, fifo, zero, dir } = oddPaths();
    let dataDir: string;
    ({ service, dataDir } = await newService());
    for (const keyFile of [big, zero, fifo, dir, '/dev/zero']) {
      expect(await service.invoke('vault.create', { password: STRONG_PASSWORD, keyFile })).toEqual(NOT_A_KEY_FILE);
    }
    expect(value(await service.invoke('vault.status', {})).state).toBe('absent');
    expect(fs.existsSync(path.join(dataDir, 'vault.db'))).toBe(false);
  });

  it('unlock and restore apply the same rule; a key file of exactly 1 MiB works', async () => {
    const keyFile = path.join(tempDir('sv-keyfile-'), 'exact.key');
    fs.writeFileSync(keyFile, Buffer.alloc(1024 * 1024, 3));
    const made = await newService();
    value(await made.service.invoke('vault.create', { password: STRONG_PASSWORD, keyFile }));
    const backup = value(await made.service.invoke('backup.create', { dir: tempDir('sv-usb-') })).path;
    value(await made.service.invoke('vault.lock', {}));
    service = made.service;
    const { big, zero } = oddPaths();
    for (const bad of [big, zero]) {
      expect(await service.invoke('vault.unlock', { password: STRONG_PASSWORD, keyFile: bad })).toEqual(NOT_A_KEY_FILE);
      expect(await service.invoke('backup.restore', { path: backup, password: STRONG_PASSWORD, keyFile: bad })).toEqual(NOT_A_KEY_FILE);
    }
    value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD, keyFile }));
  });
});
