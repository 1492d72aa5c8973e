import { expectAccessible } from './a11y';
import { createVaultThroughUi, expect, test } from './fixtures';

test('keyboard only: new note, focus order, save, next/previous note, search, open, lock', async ({ page }) => {
  await createVaultThroughUi(page);
  await page.keyboard.press('Control+N');
  await expect(page.getByLabel('Title')).toBeFocused();
  await page.keyboard.type('Morning check-in');

  // Tab walks the editor top to bottom: client, kind, template, session header, risk flags, then the note.
  const order: string[] = [];
  for (let i = 0; i < 40 && order.at(-1) !== 'note-body'; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent || '');
    // Date and time inputs take one Tab per part (day, month, year).
    if (order.at(-1) !== id) order.push(id);
  }
  expect(order.slice(0, 9)).toEqual(['note-client', 'note-kind', 'note-template', 'session-date', 'session-start', 'session-duration', 'session-code', 'session-modality', 'session-attendees']);
  expect(order.at(-1)).toBe('note-body');
  await page.keyboard.type('Brief phone check-in about the new medication.');
  await page.keyboard.press('Control+S');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  await page.keyboard.press('Control+N');
  await expect(page.getByLabel('Title')).toBeFocused();
  await expect(page.getByLabel('Title')).toHaveValue('');
  await page.keyboard.type('Afternoon session');
  await page.keyboard.press('Control+S');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await expect(page.getByRole('list', { name: 'All notes' }).getByRole('listitem')).toHaveCount(2);

  // Newest first: Afternoon, Morning.
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByLabel('Title')).toHaveValue('Morning check-in');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.getByLabel('Title')).toHaveValue('Afternoon session');

  await page.keyboard.press('Control+F');
  await expect(page.getByLabel('Search notes')).toBeFocused();
  await page.keyboard.type('medication');
  await expect(page.getByRole('list', { name: 'Search results' }).getByRole('listitem')).toHaveCount(1);
  await page.keyboard.press('Tab'); // client filter
  await page.keyboard.press('Tab'); // first result
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Title')).toHaveValue('Morning check-in');
  await expect(page.getByLabel('Title')).toBeFocused();

  await page.keyboard.press('Control+L');
  await expect(page.getByRole('heading', { name: 'SessionVault is locked' })).toBeVisible();
});

test('10,000 notes: the list renders only what is in view and scrolls to the oldest', async ({ page, app }) => {
  test.setTimeout(180_000);
  await createVaultThroughUi(page);
  const day = 86_400_000;
  for (let i = 0; i < 10_000; i++) {
    const serviceDate = new Date(Date.UTC(2000, 0, 1) + i * day).toISOString().slice(0, 10);
    const created = await app.service.invoke('notes.create', { title: `Seeded note ${i}`, session: { serviceDate } });
    if (!created.ok) throw new Error(created.error.message);
  }
  await page.reload();
  const list = page.getByRole('list', { name: 'All notes' });
  await expect(list.getByRole('listitem').first()).toContainText('Seeded note 9999');
  expect(await list.getByRole('listitem').count()).toBeLessThan(60);

  const started = Date.now();
  await list.evaluate((el) => el.parentElement!.scrollTo({ top: el.scrollHeight }));
  await expect(list.getByText('Seeded note 0', { exact: true })).toBeVisible();
  expect(Date.now() - started).toBeLessThan(2000);
  expect(await list.getByRole('listitem').count()).toBeLessThan(60);
  await expectAccessible(page, 'long notes list');
});
