import { filesContaining } from '../helpers/disk';
import { STRONG_PASSWORD } from '../helpers/service';
import { expectAccessible } from './a11y';
import { createVaultThroughUi, expect, test } from './fixtures';

test('create a vault, write a note, lock, unlock, and the note is there', async ({ page, app }, testInfo) => {
  await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('1-create.png') });

  const recoveryKey = await createVaultThroughUi(page);
  expect(recoveryKey).toMatch(/^([A-Z2-7]{4}-){13}[A-Z2-7]{4}$/);

  const canary = 'Zephyrine-Quillfeather-canary-4417';
  await page.getByRole('button', { name: 'New note' }).click();
  await page.getByLabel('Title').fill('Intake — first session');
  await page.getByLabel('Note', { exact: true }).fill(`Client ${canary} reports improved sleep since last week.`);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await expect(page.getByRole('navigation', { name: 'Notes' })).toContainText('Intake — first session');
  await page.screenshot({ path: testInfo.outputPath('2-note.png') });

  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'SessionVault is locked' })).toBeVisible();
  await expect(page.locator('body')).not.toContainText(canary);
  await expectAccessible(page, 'unlock');
  await page.screenshot({ path: testInfo.outputPath('3-locked.png') });
  expect(filesContaining(app.dataDir, canary)).toEqual([]);

  await page.getByLabel('Password').fill('definitely the wrong password');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toContainText('not right');

  await page.getByLabel('Password').fill(STRONG_PASSWORD);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByLabel('Note', { exact: true })).toHaveValue(`Client ${canary} reports improved sleep since last week.`);
  await page.screenshot({ path: testInfo.outputPath('4-unlocked.png') });
});
