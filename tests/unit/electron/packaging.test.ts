import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { tempDir } from '../../helpers/service';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const BUILDER_YML = path.join(ROOT, 'electron-builder.yml');

describe('electron-builder.yml', () => {
  const config = parse(fs.readFileSync(BUILDER_YML, 'utf8')) as Record<string, unknown>;

  it('names the app and packs it into an asar with better-sqlite3 unpacked', () => {
    expect(config.appId).toMatch(/^[a-z0-9]+(\.[a-z0-9-]+)+$/);
    expect(config.productName).toBe('SessionVault');
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**/*.node');
    expect(config.files).toEqual(expect.arrayContaining(['package.json', 'dist/main/**/*', 'dist/renderer/**/*']));
  });

  it('flips every security fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('targets AppImage and deb, dmg, and nsis', () => {
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'] });
    expect(config.mac).toMatchObject({ target: ['dmg'] });
    expect(config.win).toMatchObject({ target: ['nsis'] });
  });

  it("is valid against electron-builder's own configuration schema", async () => {
    // app-builder-lib ships with electron-builder; its validator rejects unknown or mistyped keys.
    const load = createRequire(import.meta.url);
    const { getConfig, validateConfiguration } = load('app-builder-lib/out/util/config/config') as {
      getConfig(dir: string, file: string, extra: null): Promise<unknown>;
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = load('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    const loaded = await getConfig(ROOT, BUILDER_YML, null);
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
  });
});

describe('main-process bundles (scripts/build-main.mjs)', () => {
  let outdir: string;
  beforeAll(() => {
    outdir = tempDir('sv-bundle-');
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-main.mjs'), `--outdir=${outdir}`], { cwd: ROOT, stdio: 'pipe' });
  }, 60_000);
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  const requires = (file: string) => new Set([...fs.readFileSync(path.join(outdir, file), 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1] ?? ''));

  it('produces main.cjs and preload.cjs', () => {
    expect(fs.existsSync(path.join(outdir, 'main.cjs'))).toBe(true);
    expect(fs.existsSync(path.join(outdir, 'preload.cjs'))).toBe(true);
  });

  it('gives the sandboxed preload nothing to require but electron', () => {
    expect([...requires('preload.cjs')]).toEqual(['electron']);
  });

  it('keeps electron and the native/WASM modules external in main', () => {
    const external = [...requires('main.cjs')].filter((m) => !m.startsWith('node:'));
    expect(external.sort()).toEqual(['better-sqlite3', 'electron', 'libsodium-wrappers-sumo']);
  });
});
