import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers/disk';
import { newService, pick, STRONG_PASSWORD, value } from '../helpers/service';
import { expectAccessible } from './a11y';
import { chooseByTypedPath, confirmRecoveryKit, createVaultThroughUi, expect, test } from './fixtures';

const DAY_MS = 86_400_000;

test('create vault: the weak-password alert clears as the password changes; a strong one is rated "Strong", once', async ({ page }) => {
  await page.getByLabel('Password', { exact: true }).fill('password1234');
  await page.getByLabel('Type it again').fill('password1234');
  await page.getByRole('button', { name: 'Create vault' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Too easy to guess');

  await page.getByLabel('Password', { exact: true }).pressSequentially(' lantern');
  await expect(alert).toHaveCount(0);

  await page.getByLabel('Password', { exact: true }).fill(STRONG_PASSWORD);
  const rating = page.getByRole('meter', { name: 'Password strength' }).locator('..');
  await expect(rating).toHaveText('Strong');
  await expectAccessible(page, 'create vault with a strong password');
});

test('the Recovery Kit cannot be skipped by reloading: a banner says what is at stake and leads to a new kit', async ({ page }) => {
  await page.getByLabel('Password', { exact: true }).fill(STRONG_PASSWORD);
  await page.getByLabel('Type it again').fill(STRONG_PASSWORD);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('heading', { name: 'Your Recovery Kit' })).toBeVisible();

  // The window is reloaded (or closed and opened again) before the kit was confirmed.
  await page.reload();
  const banner = page.getByRole('alert').filter({ hasText: 'Your Recovery Kit is not stored' });
  await expect(banner).toContainText('If you forget your password, nobody can open your notes');
  await expectAccessible(page, 'main screen with the Recovery Kit banner');
  await banner.getByRole('button', { name: 'Make a new Recovery Kit' }).click();

  const section = page.getByRole('region', { name: 'New Recovery Kit' });
  await expect(section.getByLabel('Password')).toBeFocused();
  await section.getByLabel('Password').fill(STRONG_PASSWORD);
  await section.getByRole('button', { name: 'Make a new Recovery Kit' }).click();
  await confirmRecoveryKit(page);
  await expect(page.getByRole('status').filter({ hasText: 'New Recovery Kit stored' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Your Recovery Kit is not stored' })).toHaveCount(0);
});

test('day one is not an alarm: amber "Make your first backup", red only after the reminder interval', async ({ page }) => {
  await createVaultThroughUi(page);
  const banner = page.getByRole('status').filter({ hasText: /backup/ }).first();
  await expect(banner).toContainText('Make your first backup');
  await expect(banner).toHaveCSS('background-color', 'rgb(255, 246, 229)'); // amber, not the red of an alarm
  await expect(banner.getByRole('button', { name: 'Choose a backup folder' })).toBeVisible();
  await expectAccessible(page, 'first-backup banner');

  // Eight days later, still no backup: now it is an alarm.
  await page.clock.setFixedTime(Date.now() + 8 * DAY_MS);
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.getByLabel('Password').fill(STRONG_PASSWORD);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(banner).toContainText('No verified backup yet');
  await expect(banner).toHaveCSS('background-color', 'rgb(253, 240, 240)');

  // (The page's clock was moved, not the vault's: back to real time before the backup is dated by the vault.)
  await page.clock.setFixedTime(Date.now());
  await banner.getByRole('button', { name: 'Choose a backup folder' }).click();
  await expect(page.getByRole('button', { name: 'Choose another folder…' })).toBeFocused();
  await chooseByTypedPath(page, 'Choose another folder…', tempDir('sv-usb-'));
  await expect(page.getByRole('region', { name: 'Back up now' }).getByRole('status')).toContainText('Backup verified');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Notes' }).click();
  await expect(page.getByText(/No verified backup|Make your first backup/)).toHaveCount(0);
});

test('right after restoring an old backup on a new computer there is no backup alarm', async ({ page }) => {
  // A backup made 30 days ago on the old laptop.
  const oldLaptop = tempDir('sv-old-laptop-');
  const usb = tempDir('sv-usb-');
  const monthAgo = Date.now() - 30 * DAY_MS;
  const { service: old } = await newService({ dataDir: oldLaptop, now: () => monthAgo });
  value(await old.invoke('vault.create', { password: STRONG_PASSWORD }));
  value(await old.invoke('notes.create', { title: 'From the old laptop' }));
  const backup = value(await old.invoke('backup.create', { folder: await pick(old, 'backup-folder', usb) }));
  old.close();
  fs.rmSync(oldLaptop, { recursive: true, force: true });

  await page.getByRole('button', { name: 'Restore from backup' }).click();
  await chooseByTypedPath(page, 'Choose a file…', path.join(usb, path.basename(backup.path)));
  await page.getByLabel('Backup password').fill(STRONG_PASSWORD);
  await page.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(page.getByRole('list', { name: 'All notes' })).toContainText('From the old laptop');
  await expect(page.getByText(/No verified backup|Make your first backup/)).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Security', exact: true }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Last verified backup' })).toContainText('Restored from a verified backup today');
});

test('the wrong-password message mentions a key file only when the vault has one', async ({ page }) => {
  await createVaultThroughUi(page);
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.getByLabel('Password').fill('not the password at all');
  await page.getByRole('button', { name: 'Unlock' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The password is not right');
  await expect(alert).not.toContainText('key file');
});
