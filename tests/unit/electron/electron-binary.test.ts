import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../electron/electron-binary';
import { tempDir } from '../../helpers/disk';

/** The Electron suite skips (with this reason) instead of passing or failing when there is no binary. */
describe('findElectronBinary', () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('explains a package installed with ELECTRON_SKIP_BINARY_DOWNLOAD', () => {
    dir = tempDir('sv-electron-pkg-');
    const found = findElectronBinary(dir, {});
    expect(found).toMatchObject({ found: false, reason: expect.stringContaining('ELECTRON_SKIP_BINARY_DOWNLOAD') });
  });

  it('explains a missing package and a path.txt pointing at nothing', () => {
    dir = tempDir('sv-electron-pkg-');
    expect(findElectronBinary(path.join(dir, 'absent'), {})).toMatchObject({ found: false, reason: expect.stringContaining('npm install') });
    fs.writeFileSync(path.join(dir, 'path.txt'), 'electron');
    expect(findElectronBinary(dir, {})).toMatchObject({ found: false, reason: expect.stringContaining('install.js') });
  });

  it('finds the binary named by path.txt, or under ELECTRON_OVERRIDE_DIST_PATH', () => {
    dir = tempDir('sv-electron-pkg-');
    fs.writeFileSync(path.join(dir, 'path.txt'), 'electron');
    fs.mkdirSync(path.join(dir, 'dist'));
    fs.writeFileSync(path.join(dir, 'dist', 'electron'), '');
    expect(findElectronBinary(dir, {})).toEqual({ found: true, path: path.join(dir, 'dist', 'electron') });
    const override = path.join(dir, 'custom');
    fs.mkdirSync(override);
    fs.writeFileSync(path.join(override, 'electron'), '');
    expect(findElectronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: override })).toEqual({ found: true, path: path.join(override, 'electron') });
  });
});
