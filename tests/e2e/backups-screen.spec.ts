import { tempDir } from '../helpers/disk';
import { STRONG_PASSWORD } from '../helpers/service';
import { expectAccessible } from './a11y';
import { chooseByTypedPath, createVaultThroughUi, expect, test } from './fixtures';

test('Backups: a drill result shows on that backup row; restoring over the vault is set apart and asks first', async ({ page }, testInfo) => {
  await createVaultThroughUi(page);
  await page.getByRole('button', { name: 'New note' }).click();
  await page.getByLabel('Title').fill('Before the backup');
  await expect(page.getByRole('list', { name: 'All notes' })).toContainText('Before the backup');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Backups' }).click();
  const usb = tempDir('sv-usb-');
  await chooseByTypedPath(page, 'Choose another folder…', usb);
  const backUpNow = page.getByRole('region', { name: 'Back up now' });
  await expect(backUpNow.getByRole('status')).toContainText('Backup verified');
  await page.getByRole('button', { name: /^Back up to .* again$/ }).click();
  await expect(backUpNow.getByRole('status')).toContainText('Backup verified');

  // Two backups listed; the drill of the older one reports on its own row, not elsewhere.
  const rows = page.getByRole('table', { name: 'Backups in this folder' }).getByRole('row', { name: /\.svbackup/ });
  await expect(rows).toHaveCount(2);
  const older = rows.nth(1);
  await older.getByRole('button', { name: /^Restore drill/ }).click();
  await expect(older.getByRole('status')).toContainText('Restore drill passed');
  await expect(older.getByRole('status')).toContainText('1 note');
  await expect(rows.nth(0)).not.toContainText('Restore drill passed');
  await expect(backUpNow).not.toContainText('Restore drill');

  // Restoring over the vault: its own section, warning first, closed until asked for.
  const danger = page.getByRole('region', { name: 'Restore over this vault' });
  await expect(danger).toContainText('This replaces every note on this computer');
  await expect(backUpNow.getByRole('group', { name: 'Backup to restore' })).toHaveCount(0);
  await expect(danger.getByRole('group', { name: 'Backup to restore' })).toHaveCount(0);
  await expectAccessible(page, 'backups with a drill result');
  await page.screenshot({ path: testInfo.outputPath('backups.png'), fullPage: true });

  await danger.getByRole('button', { name: 'Restore a backup over this vault…' }).click();
  const file = (await older.getByRole('rowheader').textContent())!;
  await chooseByTypedPath(page, 'Choose a file…', `${usb}/${file}`);
  await danger.getByLabel('Backup password').fill(STRONG_PASSWORD);
  await danger.getByRole('button', { name: 'Restore over this vault' }).click();

  // Nothing happens before the clinician confirms, and Cancel leaves everything as it was.
  const dialog = page.getByRole('dialog', { name: 'Replace the notes on this computer?' });
  await expect(dialog).toContainText('Anything written since that backup was made will not be in the restored vault');
  await expectAccessible(page, 'restore over this vault confirmation');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await danger.getByRole('button', { name: 'Restore over this vault' }).click();
  await dialog.getByRole('button', { name: 'Replace this vault' }).click();
  await expect(backUpNow.getByRole('status')).toContainText('Restored 1 note and 0 clients');
});
