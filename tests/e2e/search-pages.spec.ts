import { value } from '../helpers/service';
import { expectAccessible } from './a11y';
import { createVaultThroughUi, expect, test } from './fixtures';

test('search lists matches newest session first and shows older ones a page at a time', async ({ page, app }) => {
  await createVaultThroughUi(page);
  // 60 visits over five years, written out of date order (as notes imported or caught up on are).
  const dates = Array.from({ length: 60 }, (_, i) => new Date(Date.UTC(2020, 0, 6) + i * 30 * 86_400_000).toISOString().slice(0, 10));
  const order = dates.map((_, i) => (i * 37) % 60);
  for (const i of order) {
    value(await app.service.invoke('notes.create', { title: `Visit ${i + 1}`, body: 'Insomnia and early waking again.', session: { serviceDate: dates[i]!, riskFlags: [] } }));
  }
  value(await app.service.invoke('notes.create', { title: 'Screening', body: 'PHQ-9 of 14.', session: { serviceDate: '2019-05-02', riskFlags: [] } }));
  value(await app.service.invoke('notes.create', { title: 'Form mix-up', body: 'Asked about a PHQ-95: no such form.', session: { serviceDate: '2019-05-03', riskFlags: [] } }));

  await page.keyboard.press('Control+K');
  const box = page.getByLabel('Search notes');
  await expect(page.getByText('newest session first', { exact: false })).toBeVisible();
  await box.fill('insomnia');
  const results = page.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('listitem')).toHaveCount(50);
  await expect(page.getByRole('status').filter({ hasText: 'The newest 50 notes found; older ones follow.' })).toBeVisible();
  await expect(results.getByRole('listitem').first()).toContainText('Visit 60');
  await expect(results.getByRole('listitem').nth(49)).toContainText('Visit 11');
  await expectAccessible(page, 'search, first page');

  await page.getByRole('button', { name: 'Show older matches' }).click();
  await expect(results.getByRole('listitem')).toHaveCount(60);
  // The first of the older matches takes the focus: the button that asked is gone.
  await expect(results.getByRole('button').nth(50)).toBeFocused();
  await expect(results.getByRole('button').nth(50)).toContainText('Visit 10');
  await expect(page.getByRole('status').filter({ hasText: '60 notes found, newest first.' })).toBeVisible();
  await expect(results.getByRole('listitem').last()).toContainText('Visit 1');
  await expect(page.getByRole('button', { name: 'Show older matches' })).toHaveCount(0);
  const titles = await results.locator('.note-title').allTextContents();
  expect(titles).toEqual(Array.from({ length: 60 }, (_, i) => `Visit ${60 - i}`));

  // A short last word is matched whole: the screening that says PHQ-9, not every word starting with 9.
  await box.fill('PHQ-9');
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(results).toContainText('Screening');
  await expect(page.getByRole('button', { name: 'Show older matches' })).toHaveCount(0);
});
