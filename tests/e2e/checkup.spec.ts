import fs from 'node:fs';
import { tempDir } from '../helpers/disk';
import { pick, value } from '../helpers/service';
import { expectAccessible } from './a11y';
import { chooseByTypedPath, createVaultThroughUi, expect, test } from './fixtures';

test('Security Checkup: a fresh vault shows red backup and drill lines; a verified backup and a drill turn them green', async ({ page }, testInfo) => {
  await createVaultThroughUi(page);
  await page.getByRole('button', { name: 'Security', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Security Checkup' })).toBeVisible();

  const backupLine = page.getByTestId('checkup-backup-age');
  const drillLine = page.getByTestId('checkup-restore-drill');
  await expect(backupLine).toHaveAttribute('data-status', 'red');
  await expect(backupLine).toContainText('Fix now'); // status as a word, not colour alone
  await expect(drillLine).toHaveAttribute('data-status', 'red');
  // Confirmed while creating the vault (the user typed a group back).
  await expect(page.getByTestId('checkup-recovery-kit')).toHaveAttribute('data-status', 'green');
  await expect(page.getByTestId('checkup-auto-lock')).toHaveAttribute('data-status', 'green');
  await expect(page.getByTestId('checkup-disk-encryption')).not.toHaveAttribute('data-status', 'red');
  await page.screenshot({ path: testInfo.outputPath('1-fresh-checkup.png'), fullPage: true });
  await expectAccessible(page, 'Security Checkup');

  // One click from the line to the fix.
  await backupLine.getByRole('button', { name: 'Choose a backup folder' }).click();
  // The fix leaves the keyboard on the first way to back up; with no drive plugged in, a folder.
  await expect(page.getByRole('button', { name: 'Choose another folder…' })).toBeFocused();
  await chooseByTypedPath(page, 'Choose another folder…', tempDir('sv-usb-'));
  await expect(page.getByTestId('backup-message')).toContainText('Backup verified');
  const row = page.getByRole('row', { name: /\.svbackup/ });
  await row.getByRole('button', { name: /^Restore drill/ }).click();
  await expect(row).toContainText('Restore drill passed');

  await page.getByRole('button', { name: 'Security', exact: true }).click();
  await expect(backupLine).toHaveAttribute('data-status', 'green');
  await expect(backupLine).toContainText('Good');
  await expect(drillLine).toHaveAttribute('data-status', 'green');
  await page.screenshot({ path: testInfo.outputPath('2-after-backup-and-drill.png'), fullPage: true });

  await page.getByTestId('checkup-password-strength').getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
});

test('Security Checkup: loose vault folder permissions are fixed with one click', async ({ page, app }) => {
  test.skip(process.platform === 'win32', 'file modes do not apply on Windows');
  await createVaultThroughUi(page);
  fs.chmodSync(app.dataDir, 0o755);
  await page.getByRole('button', { name: 'Security', exact: true }).click();
  const line = page.getByTestId('checkup-permissions');
  await expect(line).toHaveAttribute('data-status', 'red');
  await line.getByRole('button', { name: 'Fix permissions' }).click();
  await expect(line).toHaveAttribute('data-status', 'green');
  expect(fs.statSync(app.dataDir).mode & 0o777).toBe(0o700);
});

test('consent: added, revoked, kept in the history, flagged in the client view, and in the export', async ({ page, app }, testInfo) => {
  await createVaultThroughUi(page);
  await page.getByRole('button', { name: 'Clients' }).click();
  await page.getByRole('button', { name: 'Add client' }).click();
  await page.getByLabel('Name or client code').fill('Ada Quill');
  await page.getByRole('button', { name: 'Save client' }).click();
  await page.getByRole('button', { name: /Ada Quill/ }).click();
  await expect(page.getByRole('heading', { name: 'Ada Quill' })).toBeVisible();

  const flag = page.getByTestId('consent-flag');
  await expect(flag).toHaveText('No treatment consent on file.');

  await page.getByRole('button', { name: 'Add consent' }).click();
  await page.getByLabel('Type of consent').selectOption('treatment');
  await page.getByLabel('Date given').fill('2026-01-10');
  await page.getByLabel('Form version or summary').fill('Informed consent v3');
  await page.getByRole('button', { name: 'Save consent' }).click();
  const inForce = page.getByRole('table', { name: 'Consents in force' });
  await expect(inForce).toContainText('Treatment');
  await expect(inForce).toContainText('Informed consent v3');
  await expect(flag).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('1-consent-in-force.png'), fullPage: true });

  await page.getByRole('button', { name: 'Revoke Treatment' }).click();
  await page.getByLabel('Date revoked').fill('2026-03-01');
  await page.getByRole('button', { name: 'Confirm revoke' }).click();
  await expect(flag).toBeVisible();
  await expect(page.getByRole('table', { name: 'Consent history' })).toContainText('Informed consent v3');
  await expect(page.getByText('No consent in force.')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('2-consent-revoked.png'), fullPage: true });
  await expectAccessible(page, 'client record with consents');

  // The records-request export carries the consent and its revocation.
  const [client] = value(await app.service.invoke('clients.list', { includeArchived: false }));
  const exported = value(await app.service.invoke('export.client', { clientId: client!.id, format: 'html', folder: await pick(app.service, 'export-folder', tempDir('sv-export-')) }));
  const html = fs.readFileSync(exported.path, 'utf8');
  expect(html).toContain('<h2>Consents</h2>');
  expect(html).toContain('Revoked 1 Mar 2026'); // Documents print dates as day, short month, year.
  expect(html).toContain('Informed consent v3');
});

test('If this laptop is lost: the steps, and an incident record kept and exported', async ({ page }) => {
  await createVaultThroughUi(page);
  await page.getByRole('button', { name: 'Security', exact: true }).click();
  await page.getByRole('button', { name: 'If this laptop is lost' }).click();
  await expect(page.getByRole('heading', { name: 'What a thief cannot read' })).toBeVisible();
  await page.getByLabel('Date of the incident').fill('2026-03-05');
  await page.getByLabel('What happened').fill('Laptop stolen from the car.');
  await page.getByLabel('What was done').fill('Restored from USB, changed password.');
  await page.getByRole('button', { name: 'Record incident' }).click();
  await expect(page.getByRole('table', { name: 'Incidents' })).toContainText('Laptop stolen from the car.');
  const out = tempDir('sv-incident-');
  await chooseByTypedPath(page, 'Choose export folder…', out);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByTestId('incident-message')).toContainText('Exported: incident-record-2026-03-05');
  expect(fs.readdirSync(out).filter((f) => f.endsWith('.html'))).toHaveLength(1);
  await expectAccessible(page, 'If this laptop is lost');
});
