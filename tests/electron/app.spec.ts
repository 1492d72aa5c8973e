import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { filesContaining } from '../helpers/disk';
import { STRONG_PASSWORD } from '../helpers/service';
import { createVaultThroughUi } from '../e2e/fixtures';
import { electronBinary, ROOT } from './electron-binary';

/** What the page can see of its global scope, without DOM typings in this tsconfig. */
type PageGlobals = { require?: unknown; process?: unknown; vault?: Record<string, unknown>; open(url: string): unknown; location: { href: string } };

test.describe('SessionVault in Electron', () => {
  test.skip(!electronBinary.found, electronBinary.found ? '' : electronBinary.reason);
  test.describe.configure({ mode: 'serial' });

  let app: ElectronApplication;
  let page: Page;
  let userData: string;

  test.beforeAll(async () => {
    if (!electronBinary.found) return;
    userData = fs.mkdtempSync(path.join(os.tmpdir(), 'sv-electron-'));
    // Chromium refuses to start as root with its sandbox (CI containers); the renderer settings under test are unchanged.
    const rootOnly = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    app = await electron.launch({
      executablePath: electronBinary.path,
      args: [ROOT, ...rootOnly],
      cwd: ROOT,
      // Honoured by the unfused development build only; keeps the developer's own vault out of reach.
      env: { ...process.env, SV_DEV_USER_DATA_DIR: userData },
    });
    const dataDir = await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'));
    if (dataDir !== userData) throw new Error(`The app did not take the temporary data folder (got ${dataDir}); stopping before touching it.`);
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (userData) fs.rmSync(userData, { recursive: true, force: true });
  });

  test('the window is hardened: sandbox, isolation, no Node in the page', async () => {
    expect(page.url()).toBe('app://sessionvault/index.html');
    // getLastWebPreferences is Electron's own (untyped) accessor for what the window was really given.
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> | null };
      return contents.getLastWebPreferences();
    });
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    const seen = await page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals;
      return { require: typeof g.require, process: typeof g.process, vault: Object.keys(g.vault ?? {}).sort() };
    });
    expect(seen.require).toBe('undefined');
    expect(seen.process).toBe('undefined');
    expect(seen.vault).toContain('on');
    expect(seen.vault).not.toContain('invoke');
  });

  test('app:// serves the CSP header and nothing outside the renderer build', async () => {
    const res = await page.evaluate(async () => {
      const own = await fetch('app://sessionvault/index.html');
      const outside = await fetch('app://sessionvault/..%2f..%2fpackage.json');
      return { csp: own.headers.get('content-security-policy'), outside: outside.status };
    });
    expect(res.csp).toContain("default-src 'self'");
    expect(res.outside).toBe(404);
  });

  test('window.open and navigation away are refused', async () => {
    const opened = await page.evaluate(() => (globalThis as unknown as PageGlobals).open('https://example.com/') === null);
    expect(opened).toBe(true);
    expect(app.windows()).toHaveLength(1);
    await page.evaluate(() => {
      (globalThis as unknown as PageGlobals).location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe('app://sessionvault/index.html');
  });

  test('create a vault, write a note, lock, unlock, and the note is there', async () => {
    await createVaultThroughUi(page);
    const canary = 'Oriel-Vantablack-canary-9051';
    await page.getByRole('button', { name: 'New note' }).click();
    await page.getByLabel('Title').fill('Session in Electron');
    await page.getByLabel('Note', { exact: true }).fill(`Client ${canary} slept well.`);
    await expect(page.getByTestId('save-status')).toHaveText('Saved');

    await page.getByRole('button', { name: 'Lock' }).click();
    await expect(page.getByRole('heading', { name: 'SessionVault is locked' })).toBeVisible();
    const vaultDir = path.join(userData, 'vault');
    expect(fs.existsSync(path.join(vaultDir, 'vault.db'))).toBe(true);
    expect(filesContaining(vaultDir, canary)).toEqual([]);

    await page.getByLabel('Password').fill(STRONG_PASSWORD);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByLabel('Note', { exact: true })).toHaveValue(`Client ${canary} slept well.`);
  });
});
