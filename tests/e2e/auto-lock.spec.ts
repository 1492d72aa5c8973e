import { STRONG_PASSWORD } from '../helpers/service';
import { createVaultThroughUi, expect, test } from './fixtures';

test('idle lock saves the draft mid-word, wipes the page, and unlock returns to the same note', async ({ page, app }, testInfo) => {
  await createVaultThroughUi(page);
  await page.getByRole('button', { name: 'New note' }).click();
  await page.getByLabel('Title').fill('Couples session');
  const body = page.getByLabel('Note', { exact: true });
  await body.click();
  // Typed and not yet autosaved when the lock comes: the last word is cut mid-way.
  const typed = 'Discussed communication patterns; both partners agreed to weekly check-ins. Next sess';
  await body.pressSequentially(typed, { delay: 2 });

  // Idle for the whole timeout minus the warning: the countdown shows.
  app.service.idle.dangerouslyAdvanceClock(4 * 60_000 + 1000);
  await expect(page.getByRole('alertdialog')).toContainText(/Locking in \d+ s/);
  await page.screenshot({ path: testInfo.outputPath('1-warning.png') });

  // No input: the lock comes, after the renderer saved its draft.
  app.service.idle.dangerouslyAdvanceClock(61_000);
  await expect(page.getByRole('heading', { name: 'SessionVault is locked' })).toBeVisible();
  await expect(page.getByText('Locked after a period of inactivity')).toBeVisible();
  const html = await page.content();
  expect(html).not.toContain('communication patterns');
  expect(html).not.toContain('Couples session');
  await page.screenshot({ path: testInfo.outputPath('2-locked.png') });

  await page.getByLabel('Password').fill(STRONG_PASSWORD);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByLabel('Title')).toHaveValue('Couples session');
  await expect(page.getByLabel('Note', { exact: true })).toHaveValue(typed);
  await expect(page.getByLabel('Note', { exact: true })).toBeFocused();
  const caret = await page.getByLabel('Note', { exact: true }).evaluate((el: HTMLTextAreaElement) => el.selectionStart);
  expect(caret).toBe(typed.length);
});

test('activity during the warning keeps the vault unlocked', async ({ page, app }) => {
  await createVaultThroughUi(page);
  app.service.idle.dangerouslyAdvanceClock(4 * 60_000 + 1000);
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await page.getByRole('button', { name: 'Stay unlocked' }).click();
  await expect(page.getByRole('alertdialog')).toBeHidden();
  app.service.idle.dangerouslyAdvanceClock(61_000);
  await page.waitForTimeout(500);
  await expect(page.getByRole('button', { name: 'New note' })).toBeVisible();
});
