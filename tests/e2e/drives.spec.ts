import fs from 'node:fs';
import { expectAccessible } from './a11y';
import { createVaultThroughUi, expect, test } from './fixtures';

test('a USB drive is found, one click backs up to it, and after losing the laptop its backup is picked from a list: no path typed anywhere', async ({ page, app }, testInfo) => {
  const recoveryKey = await createVaultThroughUi(page);
  await page.getByRole('button', { name: 'New note' }).click();
  await page.getByLabel('Title').fill('Termination planning');
  await page.getByLabel('Note', { exact: true }).fill('Agreed on two more sessions.');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Backups' }).click();
  const backUpNow = page.getByRole('region', { name: 'Back up now' });
  await expect(backUpNow).toContainText('Plug in a USB drive');

  // The stick goes in while the screen is open: it shows up by itself.
  app.plugInDrive('KINGSTON');
  const kingston = backUpNow.getByRole('button', { name: /^Back up to KINGSTON \(\d+(\.\d)? [KMG]B free\)$/ });
  await expect(kingston).toBeVisible();
  await expectAccessible(page, 'backups with a drive plugged in');
  await kingston.click();
  await expect(backUpNow.getByRole('status')).toContainText('Backup verified on KINGSTON: SessionVault-');
  await expect(page.getByRole('table', { name: 'Backups in this folder' }).getByRole('cell', { name: 'Verified' })).toBeVisible();

  // A second drive: a choice, one button each.
  app.plugInDrive('SANDISK');
  await expect(backUpNow.getByRole('button', { name: /^Back up to SANDISK / })).toBeVisible();
  await expect(kingston).toBeVisible();
  await expect(backUpNow).toContainText('choose the one to back up to');
  await page.screenshot({ path: testInfo.outputPath('1-two-drives.png'), fullPage: true });

  // The laptop is lost. A new one, a fresh install, the same stick.
  await app.newDevice();
  await page.getByRole('button', { name: 'Restore from backup' }).click();
  const found = page.getByRole('radio', { name: /on KINGSTON — 1 note, 0 clients \(not checked yet\)$/ });
  await expect(found).toBeVisible();
  await found.check();
  await page.getByLabel('The Recovery Key').check();
  await page.getByRole('textbox', { name: 'Recovery key' }).fill(recoveryKey);
  await expectAccessible(page, 'restore from a drive');
  await page.screenshot({ path: testInfo.outputPath('2-restore-from-list.png'), fullPage: true });
  await page.getByRole('button', { name: 'Restore', exact: true }).click();

  const summary = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'Restore complete' }) });
  await expect(summary).toContainText('Restored 1 note and 0 clients from the backup made');
  await expect(summary).toContainText('nothing had to be kept aside');
  await expectAccessible(page, 'restore summary');
  await page.getByRole('button', { name: /Termination planning/ }).click();
  await expect(page.getByLabel('Note', { exact: true })).toHaveValue('Agreed on two more sessions.');
  await summary.getByRole('button', { name: 'Done' }).click();
  await expect(summary).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('3-restored.png'), fullPage: true });

  expect(app.typedPaths, 'a path typed into the chooser').toBe(0);
});

test('a records request goes to the plugged-in drive in one click once the export is opened', async ({ page, app }) => {
  await createVaultThroughUi(page);
  const stick = app.plugInDrive('KINGSTON');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Clients' }).click();
  await page.getByRole('button', { name: 'Add client', exact: true }).click();
  await page.getByLabel('Name or client code').fill('C-2001');
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { name: 'C-2001' })).toBeVisible();
  await page.getByRole('button', { name: 'Export the record…' }).click();
  const exportTo = page.getByRole('button', { name: 'Export to KINGSTON' });
  await expect(exportTo).toBeVisible();
  await exportTo.click();
  await expect(page.getByTestId('export-message')).toContainText(/^Saved client-record-.+\.pdf in KINGSTON: 0 notes\./);
  expect(fs.readdirSync(stick).filter((f) => f.endsWith('.pdf'))).toHaveLength(1);
  expect(app.typedPaths).toBe(0);
});
