import { createVaultThroughUi, expect, test } from './fixtures';

test('saving a note is one round trip: the list shows the saved note without reading it back', async ({ page, app }) => {
  await createVaultThroughUi(page);
  // Every request the page sends to main, in order (the page's only door is this service).
  const channels: string[] = [];
  const invoke = app.service.invoke.bind(app.service);
  app.service.invoke = ((channel: string, input: unknown) => {
    channels.push(channel);
    return invoke(channel, input);
  }) as typeof app.service.invoke;

  await page.getByRole('button', { name: 'New note' }).click();
  await page.getByLabel('Title').fill('Morning check-in');
  const notes = page.getByRole('list', { name: 'All notes' });
  await expect(notes).toContainText('Morning check-in');
  await page.getByLabel('Note', { exact: true }).fill('Slept better this week.');
  await page.getByLabel('Title').fill('Morning check-in, week 2');
  await expect(notes).toContainText('Morning check-in, week 2');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

  const noteCalls = channels.filter((c) => c.startsWith('notes.'));
  expect(noteCalls[0]).toBe('notes.create');
  expect(noteCalls.slice(1).every((c) => c === 'notes.update')).toBe(true);
  expect(noteCalls, 'a save never reads the note or the list back').not.toContain('notes.get');
});
