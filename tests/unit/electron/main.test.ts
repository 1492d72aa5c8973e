import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../src-shared/ipc';
import { APP_ENTRY_URL, CONTENT_SECURITY_POLICY } from '../../../src-main/electron/security';
import type { VaultService, VaultServiceOptions } from '../../../src-main/service';
import { tempDir } from '../../helpers/disk';
import { newService, STRONG_PASSWORD, value } from '../../helpers/service';

/**
 * Boots src-main/electron/main.ts against a fake 'electron' module (there is no Electron binary
 * here) and checks the order and the settings it applies. The vault service is the real one.
 */

type Listener = (...args: unknown[]) => unknown;
const fake = vi.hoisted(() => {
  const state = {
    calls: [] as string[],
    appListeners: new Map<string, Listener>(),
    ready: null as null | { resolve: () => void; promise: Promise<void> },
    gotLock: true,
    packaged: true,
    appPath: '',
    userData: '',
    windows: [] as Array<{
      options: { webPreferences?: Record<string, unknown> };
      loaded?: string;
      contentProtection?: boolean;
      sent: unknown[][];
      listeners: Map<string, Listener>;
      closed: number;
    }>,
    power: new Map<string, Listener>(),
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    schemes: [] as unknown[],
    ipc: new Map<string, Listener>(),
    permissionRequest: undefined as Listener | undefined,
    permissionCheck: undefined as Listener | undefined,
    beforeRequest: undefined as Listener | undefined,
    services: [] as Array<{ options: VaultServiceOptions; service: VaultService }>,
    /** Every spellchecker call on the session, in order (e.g. `enabled:false`, `url:app://…`). */
    spell: [] as string[],
  };
  const log = (name: string) => state.calls.push(name);
  const app = {
    get isPackaged() {
      return state.packaged;
    },
    setPath: (name: string, value: string) => {
      if (name === 'userData') state.userData = value;
    },
    requestSingleInstanceLock: () => (log('requestSingleInstanceLock'), state.gotLock),
    enableSandbox: () => log('enableSandbox'),
    on: (event: string, listener: Listener) => state.appListeners.set(event, listener),
    whenReady: () => (log('whenReady'), state.ready!.promise),
    getAppPath: () => state.appPath,
    getPath: (name: string) => (name === 'userData' ? state.userData : '/nonexistent'),
    quit: () => log('quit'),
    exit: (code: number) => log(`exit:${code}`),
  };
  class BrowserWindow {
    record: (typeof state.windows)[number];
    webContents: { send: (...args: unknown[]) => void };
    constructor(options: { webPreferences?: Record<string, unknown> }) {
      log('new BrowserWindow');
      this.record = { options, sent: [], listeners: new Map(), closed: 0 };
      this.webContents = { send: (...args) => this.record.sent.push(args) };
      state.windows.push(this.record);
    }
    setContentProtection(on: boolean) {
      this.record.contentProtection = on;
    }
    once() {}
    on(event: string, listener: Listener) {
      this.record.listeners.set(event, listener);
    }
    removeListener() {}
    close() {
      this.record.closed += 1;
    }
    isVisible() {
      return true;
    }
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {
      log('focus');
    }
    loadURL(url: string) {
      this.record.loaded = url;
      return Promise.resolve();
    }
  }
  const module = {
    app,
    BrowserWindow,
    dialog: { showErrorBox: () => log('showErrorBox') },
    clipboard: { readText: async () => '', writeText: async () => {} },
    powerMonitor: {
      on: (event: string, listener: Listener) => state.power.set(event, listener),
      removeListener: (event: string) => state.power.delete(event),
      getSystemIdleTime: () => 0,
    },
    ipcMain: {
      handle: (channel: string, listener: Listener) => state.ipc.set(channel, listener),
      removeHandler: (channel: string) => state.ipc.delete(channel),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => (log('registerSchemesAsPrivileged'), state.schemes.push(...schemes)),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => state.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Listener) => (state.permissionRequest = h),
        setPermissionCheckHandler: (h: Listener) => (state.permissionCheck = h),
        setDevicePermissionHandler: () => {},
        webRequest: { onBeforeRequest: (h: Listener) => (state.beforeRequest = h) },
        setSpellCheckerDictionaryDownloadURL: (url: string) => (log('setSpellCheckerDictionaryDownloadURL'), state.spell.push(`url:${url}`)),
        setSpellCheckerEnabled: (on: boolean) => state.spell.push(`enabled:${on}`),
      },
    },
  };
  return { state, module };
});

vi.mock('electron', () => fake.module);
vi.mock('../../../src-main/service', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src-main/service')>();
  return {
    ...original,
    createVaultService: async (options: VaultServiceOptions) => {
      const service = await original.createVaultService(options);
      fake.state.services.push({ options, service });
      return service;
    },
  };
});

let dir: string;
beforeEach(() => {
  dir = tempDir('sv-main-');
  const s = fake.state;
  s.calls = [];
  s.appListeners.clear();
  s.windows = [];
  s.protocolHandlers.clear();
  s.schemes = [];
  s.ipc.clear();
  s.services = [];
  s.spell = [];
  s.power.clear();
  s.gotLock = true;
  s.packaged = true;
  s.appPath = path.join(dir, 'app');
  s.userData = path.join(dir, 'userData');
  fs.mkdirSync(path.join(s.appPath, 'dist', 'renderer'), { recursive: true });
  fs.writeFileSync(path.join(s.appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><title>SessionVault</title>');
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  s.ready = { resolve, promise };
  vi.resetModules();
});
const realPlatform = process.platform;
function runningOn(platform: NodeJS.Platform): void {
  Object.defineProperty(process, 'platform', { value: platform, configurable: true });
}
afterEach(() => {
  runningOn(realPlatform);
  delete process.env.SV_DEV_USER_DATA_DIR;
  for (const { service } of fake.state.services) service.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function bootMain(): Promise<void> {
  await import('../../../src-main/electron/main');
}
async function bootAndBeReady(): Promise<void> {
  await bootMain();
  fake.state.ready!.resolve();
  await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1));
}
const OUR_FRAME = { senderFrame: { url: APP_ENTRY_URL, parent: null } };

describe('Electron main process', () => {
  it('registers app:// as privileged, enables the sandbox and takes the single-instance lock before ready', async () => {
    await bootMain();
    const s = fake.state;
    expect(s.calls.slice(0, 4)).toEqual(['registerSchemesAsPrivileged', 'enableSandbox', 'requestSingleInstanceLock', 'whenReady']);
    expect(s.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(s.windows).toHaveLength(0);
  });

  it('quits at once when another instance holds the lock', async () => {
    fake.state.gotLock = false;
    await bootMain();
    expect(fake.state.calls).toContain('quit');
    expect(fake.state.calls).not.toContain('whenReady');
  });

  it('focuses the existing window when a second instance starts', async () => {
    await bootAndBeReady();
    fake.state.appListeners.get('second-instance')?.();
    expect(fake.state.calls).toContain('focus');
  });

  it('opens one sandboxed, isolated window on app://sessionvault with content protection and no DevTools', async () => {
    await bootAndBeReady();
    const [win] = fake.state.windows;
    expect(win?.loaded).toBe(APP_ENTRY_URL);
    expect(win?.contentProtection).toBe(true);
    // The Electron security checklist (docs/security.md), as passed to the window.
    expect(win?.options.webPreferences).toEqual({
      preload: path.join(fake.state.appPath, 'dist', 'main', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
      spellcheck: false,
    });
  });

  it('allows DevTools only in an unpackaged development build', async () => {
    fake.state.packaged = false;
    await bootAndBeReady();
    expect(fake.state.windows[0]?.options.webPreferences?.devTools).toBe(true);
  });

  it('serves the renderer build over app:// with the CSP, and nothing outside it', async () => {
    await bootAndBeReady();
    const handler = fake.state.protocolHandlers.get('app');
    const page = await handler!(new Request(APP_ENTRY_URL));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await handler!(new Request('app://sessionvault/..%2f..%2fuserData%2fvault%2fvault.db'))).status).toBe(404);
  });

  it('denies permissions, remote requests and navigation', async () => {
    await bootAndBeReady();
    const granted = vi.fn();
    fake.state.permissionRequest?.({}, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(fake.state.permissionCheck?.()).toBe(false);
    const decide = vi.fn();
    fake.state.beforeRequest?.({ url: 'https://tracker.example/p.gif' }, decide);
    expect(decide).toHaveBeenCalledWith({ cancel: true });
    fake.state.beforeRequest?.({ url: 'app://sessionvault/assets/a.js' }, decide);
    expect(decide).toHaveBeenLastCalledWith({ cancel: false });

    const navigate = vi.fn();
    const listeners = new Map<string, Listener>();
    let openHandler: Listener | undefined;
    fake.state.appListeners.get('web-contents-created')?.({}, {
      on: (event: string, l: Listener) => listeners.set(event, l),
      setWindowOpenHandler: (h: Listener) => (openHandler = h),
    });
    listeners.get('will-navigate')?.({ preventDefault: navigate });
    expect(navigate).toHaveBeenCalled();
    expect(openHandler?.({ url: 'https://evil.example' })).toEqual({ action: 'deny' });
  });

  it('keeps the vault under userData/vault and answers every contract channel for our page only', async () => {
    await bootAndBeReady();
    const [created] = fake.state.services;
    expect(created?.options.dataDir).toBe(path.join(fake.state.userData, 'vault'));
    expect([...fake.state.ipc.keys()].sort()).toEqual([...CHANNELS].sort());
    const status = fake.state.ipc.get('vault.status')!;
    expect(await status(OUR_FRAME, {})).toMatchObject({ ok: true, value: { state: 'absent' } });
    expect(await status({ senderFrame: { url: 'https://evil.example/', parent: null } }, {})).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('takes SV_DEV_USER_DATA_DIR only in an unpackaged development build', async () => {
    process.env.SV_DEV_USER_DATA_DIR = path.join(dir, 'elsewhere');
    await bootAndBeReady();
    expect(fake.state.services[0]?.options.dataDir).toBe(path.join(dir, 'userData', 'vault'));
    for (const { service } of fake.state.services.splice(0)) service.close();

    fake.state.packaged = false;
    fake.state.windows = [];
    vi.resetModules();
    await bootMain();
    await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1));
    expect(fake.state.services[0]?.options.dataDir).toBe(path.join(dir, 'elsewhere', 'vault'));
  });

  it('forwards service events to the window as event:<name>', async () => {
    await bootAndBeReady();
    fake.state.services[0]?.options.onEvent?.('lock.warning', { secondsLeft: 30 });
    expect(fake.state.windows[0]?.sent).toEqual([['event:lock.warning', { secondsLeft: 30 }]]);
  });

  it('locks at once on suspend and on screen lock (idle sources attached to the window)', async () => {
    await bootAndBeReady();
    const service = fake.state.services[0]!.service;
    const lockNow = vi.spyOn(service.idle, 'lockNow').mockImplementation(() => {});
    fake.state.power.get('suspend')?.();
    fake.state.power.get('lock-screen')?.();
    expect(lockNow.mock.calls).toEqual([['suspend'], ['screen-lock']]);
  });

  it('on quit, flushes and locks the vault, then closes it, then really quits', async () => {
    await bootAndBeReady();
    const service = fake.state.services[0]!.service;
    const order: string[] = [];
    vi.spyOn(service, 'lock').mockImplementation(async (reason) => void order.push(`lock:${reason}`));
    vi.spyOn(service, 'close').mockImplementation(() => order.push('close'));
    const beforeQuit = fake.state.appListeners.get('before-quit')!;
    const first = { preventDefault: vi.fn() };
    beforeQuit(first);
    expect(first.preventDefault).toHaveBeenCalled();
    expect(fake.state.calls).not.toContain('quit');
    await vi.waitFor(() => expect(fake.state.calls).toContain('quit'));
    expect(order).toEqual(['lock:quit', 'close']);
    const second = { preventDefault: vi.fn() };
    beforeQuit(second);
    expect(second.preventDefault).not.toHaveBeenCalled();
  });

  it.each(['linux', 'darwin', 'win32'] as const)('spell check on %s: the dictionary URL is the app itself, set before any window; no dictionary URL leaves the app', async (platform) => {
    runningOn(platform);
    await bootAndBeReady();
    const s = fake.state;
    expect(s.spell[0]).toBe('url:app://sessionvault/dictionaries/');
    expect(s.calls.indexOf('setSpellCheckerDictionaryDownloadURL')).toBeLessThan(s.calls.indexOf('new BrowserWindow'));
    expect(s.spell.filter((c) => c.startsWith('url:'))).toEqual(['url:app://sessionvault/dictionaries/']);
    // Chromium's default dictionary host, or any other, is cancelled; the app's own folder stays local (and has no dictionaries).
    const decide = vi.fn();
    s.beforeRequest?.({ url: 'https://redirector.gvt1.com/edgedl/chrome/dict/en-us-10-1.bdic' }, decide);
    expect(decide).toHaveBeenCalledWith({ cancel: true });
    const dictionary = await s.protocolHandlers.get('app')!(new Request('app://sessionvault/dictionaries/en-US-10-1.bdic'));
    expect(dictionary.status).toBe(404);
    expect(s.windows[0]?.options.webPreferences?.spellcheck).toBe(platform !== 'linux');
  });

  it('spell check follows the setting on macOS/Windows, read once the vault is unlocked; on Linux it stays off', async () => {
    for (const platform of ['darwin', 'linux'] as const) {
      runningOn(platform);
      fake.state.spell = [];
      fake.state.windows = [];
      fake.state.userData = path.join(dir, `userData-${platform}`);
      // A vault made beforehand with fast KDF settings, so the Shell only unlocks it.
      const made = await newService({ dataDir: path.join(fake.state.userData, 'vault') });
      value(await made.service.invoke('vault.create', { password: STRONG_PASSWORD }));
      made.service.close();
      vi.resetModules();
      await bootMain();
      fake.state.ready!.resolve();
      await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1));
      const ipc = (channel: string, input: unknown) => fake.state.ipc.get(channel)!(OUR_FRAME, input);
      expect(fake.state.spell).toEqual(['url:app://sessionvault/dictionaries/', 'enabled:false']);
      expect(await ipc('vault.unlock', { password: STRONG_PASSWORD })).toMatchObject({ ok: true });
      expect(await ipc('settings.update', { spellCheck: false })).toMatchObject({ ok: true });
      expect(await ipc('settings.update', { spellCheck: true })).toMatchObject({ ok: true });
      const on = platform === 'darwin';
      expect(fake.state.spell.slice(2), platform).toEqual([`enabled:${on}`, 'enabled:false', `enabled:${on}`]);
    }
  });

  it('closing the window waits for the flush and lock, once, then closes', async () => {
    await bootAndBeReady();
    const service = fake.state.services[0]!.service;
    let finishLock!: () => void;
    const lock = vi.spyOn(service, 'lock').mockImplementation(() => new Promise<void>((r) => (finishLock = r)));
    const win = fake.state.windows[0]!;
    const first = { preventDefault: vi.fn() };
    win.listeners.get('close')?.(first);
    win.listeners.get('close')?.({ preventDefault: vi.fn() });
    expect(first.preventDefault).toHaveBeenCalled();
    expect(win.closed).toBe(0);
    finishLock();
    await vi.waitFor(() => expect(win.closed).toBe(1));
    expect(lock).toHaveBeenCalledOnce();
    const after = { preventDefault: vi.fn() };
    win.listeners.get('close')?.(after);
    expect(after.preventDefault).not.toHaveBeenCalled();
  });
});
