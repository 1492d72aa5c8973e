import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { tempDir } from '../helpers/disk';
import { STRONG_PASSWORD } from '../helpers/service';
import { expectAccessible } from './a11y';
import { chooseByTypedPath, createVaultThroughUi, expect, test } from './fixtures';

const WORST_FIRST = ['Fix now', 'Attention', 'Unknown', 'Good'];

async function openCheckup(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Security', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Security Checkup' })).toBeVisible();
}

const line = (page: Page, title: string) => page.getByRole('list', { name: 'Checkup results' }).getByRole('listitem', { name: title });

/** The status word of every line, top to bottom. */
async function statuses(page: Page): Promise<string[]> {
  const items = page.getByRole('list', { name: 'Checkup results' }).getByRole('listitem');
  await expect(items).not.toHaveCount(0);
  return (await items.allTextContents()).map((t) => WORST_FIRST.find((w) => t.startsWith(w)) ?? t);
}

test('Security Checkup: worst first, every button does what it says, and "Add a key file" turns the second factor green', async ({ page }) => {
  await createVaultThroughUi(page);
  await openCheckup(page);
  const order = await statuses(page);
  expect(order.map((s) => WORST_FIRST.indexOf(s))).toEqual([...order.map((s) => WORST_FIRST.indexOf(s))].sort((a, b) => a - b));
  expect(order[0]).toBe('Fix now');
  expect(order.at(-1)).toBe('Good');
  await expectAccessible(page, 'Security Checkup, worst first');

  // "Add a key file": the form, with the cursor in it; once added, the line is green.
  const secondFactor = line(page, 'Second factor (key file)');
  await expect(secondFactor).toContainText('Attention');
  await secondFactor.getByRole('button', { name: 'Add a key file' }).click();
  const form = page.getByRole('region', { name: 'Second factor: key file' });
  await expect(form.getByLabel('Password')).toBeFocused();
  const keyFile = path.join(tempDir('sv-keyfile-'), 'garden.jpg');
  fs.writeFileSync(keyFile, 'a photo kept on a separate USB stick');
  await form.getByLabel('Password').fill(STRONG_PASSWORD);
  await chooseByTypedPath(page, 'Choose key file…', keyFile);
  await form.getByRole('button', { name: 'Add a key file' }).click();
  await expect(form.getByRole('status')).toContainText('Key file added');
  await expectAccessible(page, 'settings with a key file');
  await openCheckup(page);
  await expect(line(page, 'Second factor (key file)')).toContainText('Good');

  // "Choose a backup folder" leads to the first way to back up (no drive here: a folder); choosing it backs up.
  await line(page, 'Last verified backup').getByRole('button', { name: 'Choose a backup folder' }).click();
  await expect(page.getByRole('button', { name: 'Choose another folder…' })).toBeFocused();
  await chooseByTypedPath(page, 'Choose another folder…', tempDir('sv-usb-'));
  await expect(page.getByRole('region', { name: 'Back up now' }).getByRole('status')).toContainText('Backup verified');
  await openCheckup(page);
  const drill = line(page, 'Last restore drill');
  await drill.getByRole('button', { name: 'Run restore drill' }).click();
  await expect(drill.getByRole('status')).toContainText('Restore drill passed');
  await expect(drill).toContainText('Good');
  await expect(page.getByRole('heading', { name: 'Security Checkup' })).toBeVisible(); // it ran here, not elsewhere

  // "Change password" lands in the change-password form.
  await line(page, 'Password last changed').getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByLabel('Current password')).toBeFocused();
});

test('Security Checkup: "Back up now" on the line makes a backup into the chosen folder', async ({ page }) => {
  await createVaultThroughUi(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Backups' }).click();
  const usb = tempDir('sv-usb-');
  await chooseByTypedPath(page, 'Choose another folder…', usb);
  await expect(page.getByRole('region', { name: 'Back up now' }).getByRole('status')).toContainText('Backup verified');
  await openCheckup(page);
  const backup = line(page, 'Last verified backup');
  await backup.getByRole('button', { name: 'Back up now' }).click();
  await expect(backup.getByRole('status')).toContainText('Backup verified');
  expect(fs.readdirSync(usb).filter((f) => f.endsWith('.svbackup'))).toHaveLength(2);
});
