import { expectAccessible } from './a11y';
import { createVaultThroughUi, expect, test } from './fixtures';

test('Settings: spell check can be turned off, and where it would need a download it stays off and says so', async ({ page }) => {
  await createVaultThroughUi(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  const spelling = page.getByRole('region', { name: 'Spelling' });
  const box = spelling.getByRole('checkbox', { name: 'Check spelling while I write' });
  if (process.platform === 'linux') {
    await expect(box).toBeDisabled();
    await expect(box).not.toBeChecked();
    await expect(spelling).toContainText('Not available on Linux');
  } else {
    await expect(box).toBeChecked();
    await box.uncheck();
    await expect(spelling.getByRole('status')).toHaveText('Spell check is off.');
  }
  await expectAccessible(page, 'settings');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Notes' }).click();
  await page.getByRole('button', { name: 'New note' }).click();
  // Either way, a note is not spell-checked now.
  await expect(page.getByLabel('Note', { exact: true })).toHaveAttribute('spellcheck', 'false');
});
