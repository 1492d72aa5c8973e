import { test as base, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import { bridgeScript } from '../../src-main/dev/bridge-bundle';
import path from 'node:path';
import { folderDriveSource } from '../../src-main/dev/folder-drives';
import { startStaticServer } from '../../src-main/dev/static-server';
import { typedPathChooser } from '../../src-main/dev/typed-path-chooser';
import { createVaultService, type VaultService } from '../../src-main/service';
import { tempDir } from '../helpers/disk';
import { STRONG_PASSWORD, TEST_KDF } from '../helpers/service';

export interface AppHarness {
  service: VaultService;
  dataDir: string;
  /** The laptop is lost: the data dir is deleted and the page talks to a fresh install (plugged-in drives stay). */
  newDevice(): Promise<void>;
  /** Plugs in a removable drive with this label (a folder the app sees as a drive); returns its folder. */
  plugInDrive(label: string): string;
  /** How many paths the page typed into the preview's chooser (the only way a path can enter). */
  typedPaths: number;
  /** Requests the page made to anything but the app's own origin (must stay empty). */
  foreignRequests: string[];
}

/**
 * Each test: the built renderer served on 127.0.0.1, and `window.vault` bridged by
 * page.exposeBinding to a real service (real SQLite, real libsodium) in a fresh temp dir.
 */
export const test = base.extend<{ app: AppHarness }, { server: { url: string }; bridge: string }>({
  bridge: [async ({}, use) => use(await bridgeScript()), { scope: 'worker' }],
  server: [
    async ({}, use) => {
      const server = await startStaticServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  app: [async ({ page, server, bridge }, use) => {
    const drives = tempDir('sv-e2e-drives-');
    const start = (dataDir: string) =>
      createVaultService({
        dataDir,
        dangerouslyUseKdfParams: TEST_KDF,
        // As in `npm run preview`: no OS dialog in the browser, the drive list and a typed path instead.
        fileChooser: typedPathChooser(),
        driveSource: folderDriveSource(drives),
        onEvent: (event, payload) => {
          void page.evaluate(([e, p]) => window.__svEmit?.(e as never, p), [event, payload] as const).catch(() => undefined);
        },
      });
    const harness = { dataDir: tempDir('sv-e2e-') } as AppHarness;
    harness.service = await start(harness.dataDir);
    harness.newDevice = async () => {
      harness.service.close();
      fs.rmSync(harness.dataDir, { recursive: true, force: true });
      harness.dataDir = tempDir('sv-e2e-new-device-');
      harness.service = await start(harness.dataDir);
      await page.reload();
    };
    harness.plugInDrive = (label) => {
      const dir = path.join(drives, label);
      fs.mkdirSync(dir);
      return dir;
    };
    harness.typedPaths = 0;
    await page.exposeBinding('__svInvoke', (_source, channel: string, input: unknown) => {
      if (channel === 'files.choose' && (input as { typedPath?: unknown } | null)?.typedPath !== undefined) harness.typedPaths++;
      return harness.service.invoke(channel, input);
    });
    await page.addInitScript({ content: bridge });
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    const foreignRequests: string[] = [];
    page.on('request', (req) => {
      const url = req.url();
      if (!url.startsWith(server.url) && !url.startsWith('blob:') && !url.startsWith('data:')) foreignRequests.push(url);
    });
    await page.goto(server.url);
    harness.foreignRequests = foreignRequests;
    await use(harness);
    harness.service.close();
    expect(foreignRequests, 'no request may leave the app').toEqual([]);
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  }, { auto: true }],
});

export { expect };

/** Creates a vault through the UI and confirms the Recovery Kit; returns the recovery key shown. */
export async function createVaultThroughUi(page: Page, password = STRONG_PASSWORD): Promise<string> {
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Type it again').fill(password);
  await page.getByRole('button', { name: 'Create vault' }).click();
  const key = await confirmRecoveryKit(page);
  await expect(page.getByRole('button', { name: 'New note' })).toBeVisible();
  return key;
}

/** On the Recovery Kit screen: types back the group asked for and confirms; returns the key shown. */
export async function confirmRecoveryKit(page: Page): Promise<string> {
  await expect(page.getByRole('heading', { name: 'Your Recovery Kit' })).toBeVisible();
  const groups = await page.getByTestId('recovery-key').locator('li').allTextContents();
  const label = await page.locator('label[for="kit-confirm"]').textContent();
  const n = Number(/group (\d+)/.exec(label ?? '')?.[1]);
  await page.getByLabel(/type group/).fill(groups[n - 1]!);
  await page.getByRole('button', { name: 'I stored my Recovery Kit' }).click();
  return groups.join('-');
}

/**
 * Chooses a file or folder the way the preview offers it (no OS dialog in a browser): the
 * `button` opens the chooser, the path is typed in, main hands the page a handle.
 */
export async function chooseByTypedPath(page: Page, button: string | RegExp, path: string): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  const chooser = page.getByRole('dialog');
  await chooser.getByLabel(/^Full path of the (file|folder)$/).fill(path);
  await chooser.getByRole('button', { name: 'Use this path' }).click();
  await expect(chooser).toBeHidden();
}

/**
 * Signs the open note through the dialog. The first signature of a vault asks who signs (the
 * clinician profile) before it shows the signature line.
 */
export async function signOpenNote(page: Page, who?: { name: string; credential: string; licenseNumber: string; licenseState: string }): Promise<void> {
  await page.getByRole('button', { name: 'Sign note' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign this note?' });
  if (who) {
    await dialog.getByLabel('Full name, as on your license').fill(who.name);
    await dialog.getByLabel(/^Credential/).fill(who.credential);
    await dialog.getByLabel('License number').fill(who.licenseNumber);
    await dialog.getByLabel(/^State or board/).fill(who.licenseState);
    await dialog.getByRole('button', { name: 'Save and continue' }).click();
  }
  await expect(dialog.getByText(/^Signed electronically by /)).toBeVisible();
  await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(page.getByText(/^Signed electronically by .+\d/)).toBeVisible();
}
