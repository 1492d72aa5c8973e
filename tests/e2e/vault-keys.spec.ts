import fs from 'node:fs';
import { tempDir } from '../helpers/disk';
import { STRONG_PASSWORD } from '../helpers/service';
import { expectAccessible } from './a11y';
import { chooseByTypedPath, createVaultThroughUi, expect, test } from './fixtures';

test('weak password refused, strong accepted, recovery key unlocks, password change works', async ({ page }, testInfo) => {
  await page.getByLabel('Password', { exact: true }).fill('password123');
  await expect(page.locator('.strength')).toContainText(/Very weak|Weak/);
  await page.getByLabel('Type it again').fill('password123');
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('alert')).toContainText('12 characters');
  await expectAccessible(page, 'create vault');
  await page.screenshot({ path: testInfo.outputPath('weak-password.png') });

  const recoveryKey = await createVaultThroughUi(page, STRONG_PASSWORD);
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'SessionVault is locked' })).toBeVisible();

  // Forgot the password: the Recovery Kit opens the vault.
  await page.getByRole('button', { name: /Use your Recovery Key/ }).click();
  await page.getByLabel('Recovery key').fill(recoveryKey.toLowerCase().replaceAll('-', ' '));
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('button', { name: 'New note' })).toBeVisible();

  await page.getByRole('button', { name: 'Settings' }).click();
  const next = 'lavender quarry postcard umbrella 7';
  await page.getByLabel('Current password').fill(STRONG_PASSWORD);
  await page.getByLabel('New password', { exact: true }).fill(next);
  await page.getByLabel('Type the new password again').fill(next);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Password changed')).toBeVisible();
  await expectAccessible(page, 'settings');
  await page.screenshot({ path: testInfo.outputPath('settings.png') });

  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'SessionVault is locked' })).toBeVisible();
  await page.getByLabel('Password').fill(STRONG_PASSWORD);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toContainText('not right');
  await page.getByLabel('Password').fill(next);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('button', { name: 'New note' })).toBeVisible();
});

test('a key file as second factor: the password alone no longer opens the vault', async ({ page }) => {
  const keyFile = `${tempDir('sv-usb-key-')}/holiday-photo.jpg`;
  fs.writeFileSync(keyFile, Buffer.from('not really a photo, but any bytes will do: 8c1f0e'));
  await page.getByText('Second factor: a key file (optional)').click();
  await chooseByTypedPath(page, 'Choose key file…', keyFile);
  await expect(page.getByText('holiday-photo.jpg')).toBeVisible();
  // Chosen from this computer's own disk: the advice says where a key file belongs.
  await expect(page.getByText(/This file is on this computer’s own disk.*separate USB drive/)).toBeVisible();
  await createVaultThroughUi(page, STRONG_PASSWORD);
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'SessionVault is locked' })).toBeVisible();

  await page.getByLabel('Password').fill(STRONG_PASSWORD);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toContainText('key file');
  await chooseByTypedPath(page, 'Choose key file…', keyFile);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('button', { name: 'New note' })).toBeVisible();
});

test('saving the Recovery Kit as a file first warns that it must not stay on this laptop and offers printing', async ({ page }) => {
  await page.getByLabel('Password', { exact: true }).fill(STRONG_PASSWORD);
  await page.getByLabel('Type it again').fill(STRONG_PASSWORD);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('heading', { name: 'Your Recovery Kit' })).toBeVisible();
  // No download link before the warning.
  await expect(page.getByRole('link', { name: /Save the file/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Save as file' }).click();
  const warning = page.getByRole('region', { name: 'The file must not stay on this laptop' });
  await expect(warning).toContainText('Anyone who has this laptop and this file can open your vault');
  await expect(warning.getByRole('button', { name: 'Print instead' })).toBeVisible();
  const download = page.waitForEvent('download');
  await warning.getByRole('link', { name: 'Save the file to a USB drive' }).click();
  expect((await download).suggestedFilename()).toBe('SessionVault-Recovery-Kit.txt');
  await expectAccessible(page, 'recovery kit save-as-file warning');
});
