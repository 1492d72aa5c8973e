import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CHANNELS } from '../../../src-shared/ipc';
import { tempDir } from '../../helpers/disk';
import { STRONG_PASSWORD } from '../../helpers/service';
import { pdfText, qpdfCheck } from '../../helpers/pdf';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const BUILDER_YML = path.join(ROOT, 'electron-builder.yml');

describe('electron-builder.yml', () => {
  const config = parse(fs.readFileSync(BUILDER_YML, 'utf8')) as Record<string, unknown>;

  it('names the app and packs it into an asar with the native addons (better-sqlite3, Argon2id) unpacked', () => {
    expect(config.appId).toMatch(/^[a-z0-9]+(\.[a-z0-9-]+)+$/);
    expect(config.productName).toBe('SessionVault');
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**/*.node');
    expect(config.asarUnpack).toContain('node_modules/@node-rs/**/*.node');
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

  it('macOS: hardened runtime with its own entitlements, which keep library validation on', () => {
    const mac = config.mac as { hardenedRuntime?: boolean; entitlements?: string; entitlementsInherit?: string };
    expect(mac).toMatchObject({ hardenedRuntime: true, entitlements: 'build/entitlements.mac.plist', entitlementsInherit: 'build/entitlements.mac.plist' });
    const plist = fs.readFileSync(path.join(ROOT, mac.entitlements!), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    const granted = [...plist.matchAll(/<key>([^<]+)<\/key>\s*<true\/>/g)].map((m) => m[1]);
    expect(granted).toEqual(['com.apple.security.cs.allow-jit']);
  });

  it('Windows: installed per machine (Program Files), so programs running as the user cannot replace it', () => {
    expect(config.nsis).toMatchObject({ perMachine: true });
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

  // `require("x")`, or `createRequire(url)("x")` (how the KDF loads native Argon2id, so a missing binary can fall back).
  const requires = (file: string) =>
    new Set([...fs.readFileSync(path.join(outdir, file), 'utf8').matchAll(/\b(?:require|createRequire\)\([^)]*\))\("([^"]+)"\)/g)].map((m) => m[1] ?? ''));

  it('produces main.cjs and preload.cjs', () => {
    expect(fs.existsSync(path.join(outdir, 'main.cjs'))).toBe(true);
    expect(fs.existsSync(path.join(outdir, 'preload.cjs'))).toBe(true);
  });

  it('gives the sandboxed preload nothing to require but electron', () => {
    expect([...requires('preload.cjs')]).toEqual(['electron']);
  });

  it('boots under a stand-in electron module, answers IPC, creates a vault, signs and exports a PDF with embedded fonts, prints through the shell, locks on quit', () => {
    const userData = tempDir('sv-bundle-data-');
    const exportDir = tempDir('sv-bundle-export-');
    const hook = path.join(outdir, 'fake-electron-hook.cjs');
    fs.writeFileSync(hook, FAKE_ELECTRON_HOOK);
    const out = execFileSync(process.execPath, ['-r', hook, path.join(outdir, 'main.cjs')], {
      cwd: ROOT,
      // The bundle sits in a temp dir: its externals (better-sqlite3, libsodium, pdfmake and its fonts, zxcvbn) come from our node_modules.
      env: { ...process.env, SV_FAKE_USER_DATA: userData, SV_FAKE_EXPORT_DIR: exportDir, NODE_PATH: path.join(ROOT, 'node_modules') },
      encoding: 'utf8',
      timeout: 90_000,
    });
    const report = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
    expect(report).toMatchObject({
      loaded: 'app://sessionvault/index.html',
      sandbox: true,
      channels: CHANNELS.length,
      statusBefore: 'absent',
      created: true,
      exported: true,
      print: { via: 'shell', printed: true },
      statusAfterQuit: 'locked',
    });
    expect(fs.existsSync(path.join(userData, 'vault', 'vault.db'))).toBe(true);
    const [pdf] = fs.readdirSync(exportDir);
    const file = path.join(exportDir, pdf ?? '');
    qpdfCheck(file);
    expect(pdfText(file)).toMatch(/Signed electronically by Dana Reyes, LCSW, CA license 12345, /);
    // Every font in the file is embedded (pdffonts: "emb" column), so it reads the same anywhere.
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/Roboto.* yes +yes /);
    fs.rmSync(userData, { recursive: true, force: true });
  }, 90_000);

  it('keeps electron, the native/WASM modules, pdfmake (loaded on the first PDF) and zxcvbn (the first password rated) external in main', () => {
    const external = [...requires('main.cjs')].filter((m) => !m.startsWith('node:'));
    expect(external.sort()).toEqual([
      '@node-rs/argon2',
      '@zxcvbn-ts/core',
      '@zxcvbn-ts/language-common',
      '@zxcvbn-ts/language-en',
      'better-sqlite3',
      'electron',
      'libsodium-wrappers-sumo',
      'pdfmake',
    ]);
  });

  it('ships pdfmake and zxcvbn as production dependencies, so the packaged app has them (and the Roboto fonts) in node_modules', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies)).toEqual(expect.arrayContaining(['pdfmake', '@zxcvbn-ts/core', '@zxcvbn-ts/language-common', '@zxcvbn-ts/language-en']));
    const load = createRequire(import.meta.url);
    expect(fs.existsSync(load.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf'))).toBe(true);
  });
});

/** Preloaded with `node -r`: answers require('electron') with a stand-in, drives main.cjs, prints one JSON line. */
const FAKE_ELECTRON_HOOK = `
const Module = require('node:module');
const on = {};
const ipc = {};
let win;
let ready;
const whenReady = new Promise((r) => (ready = r));
const fake = {
  app: {
    isPackaged: true, requestSingleInstanceLock: () => true, enableSandbox() {}, on: (e, l) => (on[e] = l),
    whenReady: () => whenReady, getAppPath: () => process.cwd(), getPath: () => process.env.SV_FAKE_USER_DATA,
    quit: () => { fake.quitCalled = true; }, exit: (code) => process.exit(code),
  },
  BrowserWindow: class {
    constructor(o) { win = { prefs: o.webPreferences }; this.webContents = { send() {}, print: (opts, done) => { win.printed = opts; done(true); } }; }
    setContentProtection() {} once() {} on() {} removeListener() {}
    isMinimized() { return false; } isVisible() { return true; } isDestroyed() { return false; }
    loadURL(url) { win.loaded = url; return Promise.resolve(); }
  },
  dialog: {
    showErrorBox: (title) => { console.log(JSON.stringify({ error: title })); },
    // The user picks the export folder in the OS dialog.
    showOpenDialog: async () => ({ canceled: false, filePaths: [process.env.SV_FAKE_EXPORT_DIR] }),
  },
  ipcMain: { handle: (c, h) => (ipc[c] = h), removeHandler() {} },
  protocol: { registerSchemesAsPrivileged() {}, handle() {} },
  powerMonitor: { on() {}, removeListener() {}, getSystemIdleTime: () => 0 },
  clipboard: { readText: async () => '', writeText: async () => {} },
  session: { defaultSession: { setPermissionRequestHandler() {}, setPermissionCheckHandler() {}, setDevicePermissionHandler() {}, webRequest: { onBeforeRequest() {} }, setSpellCheckerDictionaryDownloadURL() {}, setSpellCheckerEnabled() {} } },
};
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'electron' ? fake : load.call(this, request, ...rest); };
setImmediate(async () => {
  ready();
  while (!win || Object.keys(ipc).length === 0) await new Promise((r) => setTimeout(r, 20));
  const frame = { senderFrame: { url: 'app://sessionvault/index.html', parent: null } };
  const before = await ipc['vault.status'](frame, {});
  const created = await ipc['vault.create'](frame, { password: ${JSON.stringify(STRONG_PASSWORD)} });
  const ok = (r) => { if (!r.ok) throw new Error(r.error.code + ': ' + r.error.message); return r.value; };
  ok(await ipc['profile.update'](frame, { name: 'Dana Reyes', credential: 'LCSW', licenseNumber: '12345', licenseState: 'CA' }));
  const client = ok(await ipc['clients.create'](frame, { displayName: 'M. Okafor' }));
  const note = ok(await ipc['notes.create'](frame, { title: 'Session 4', body: 'Bundled', clientId: client.id }));
  ok(await ipc['notes.sign'](frame, { id: note.id, baseRev: note.rev }));
  const { chosen } = ok(await ipc['files.choose'](frame, { purpose: 'export-folder' }));
  const exported = await ipc['export.client'](frame, { clientId: client.id, format: 'pdf', folder: chosen.handle });
  const print = ok(await ipc['print.page'](frame, {}));
  on['before-quit']({ preventDefault() {} });
  while (!fake.quitCalled) await new Promise((r) => setTimeout(r, 20));
  const after = await ipc['vault.status'](frame, {}).catch(() => null);
  console.log(JSON.stringify({
    loaded: win.loaded, sandbox: win.prefs.sandbox, channels: Object.keys(ipc).length,
    statusBefore: before.ok && before.value.state, created: created.ok, exported: exported.ok, print,
    statusAfterQuit: after && after.ok ? after.value.state : 'closed',
  }));
  process.exit(0);
});
`;
