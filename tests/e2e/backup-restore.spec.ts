import fs from 'node:fs';
import { filesContaining, tempDir } from '../helpers/disk';
import { expectAccessible } from './a11y';
import { chooseByTypedPath, createVaultThroughUi, expect, test } from './fixtures';

test('back up to a USB folder, lose the laptop, restore on a new one with the Recovery Key', async ({ page, app }, testInfo) => {
  const recoveryKey = await createVaultThroughUi(page);
  const usb = tempDir('sv-usb-');
  const canary = 'Bartholomew-Ashgrove-canary-9921';

  await page.getByRole('button', { name: 'New note' }).click();
  await page.getByLabel('Title').fill('Termination planning');
  await page.getByLabel('Note', { exact: true }).fill(`Reviewed progress with ${canary}; agreed on two more sessions.`);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  await page.getByRole('button', { name: 'Backups' }).click();
  await chooseByTypedPath(page, 'Choose another folder…', usb);
  await expect(page.getByTestId('backup-message')).toContainText('Backup verified');
  await expect(page.getByRole('cell', { name: 'Verified' })).toBeVisible();
  await expectAccessible(page, 'backups');
  await page.screenshot({ path: testInfo.outputPath('1-backup-verified.png') });

  const row = page.getByRole('row', { name: /\.svbackup/ });
  await row.getByRole('button', { name: /^Restore drill/ }).click();
  await expect(row).toContainText('Restore drill passed');

  const files = fs.readdirSync(usb).filter((f) => f.endsWith('.svbackup'));
  expect(files).toHaveLength(1);
  expect(filesContaining(usb, canary)).toEqual([]);

  // The laptop is stolen: a new computer, a fresh install, the USB drive.
  await app.newDevice();
  await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
  await page.getByRole('button', { name: 'Restore from backup' }).click();
  await chooseByTypedPath(page, 'Choose a file…', `${usb}/${files[0]}`);
  await page.getByLabel('The Recovery Key').check();
  await page.getByRole('textbox', { name: 'Recovery key' }).fill(recoveryKey);
  await expectAccessible(page, 'restore from backup');
  await page.screenshot({ path: testInfo.outputPath('2-restore.png') });
  await page.getByRole('button', { name: 'Restore' }).click();

  await expect(page.getByRole('button', { name: 'New note' })).toBeVisible();
  await page.getByRole('button', { name: /Termination planning/ }).click();
  await expect(page.getByLabel('Note', { exact: true })).toHaveValue(`Reviewed progress with ${canary}; agreed on two more sessions.`);
  await page.screenshot({ path: testInfo.outputPath('3-restored.png') });
});
