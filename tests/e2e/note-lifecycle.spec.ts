import type { Page } from '@playwright/test';
import { expectAccessible } from './a11y';
import { TEST_PROFILE } from '../helpers/service';
import { createVaultThroughUi, expect, signOpenNote, test } from './fixtures';

async function writeSoapNote(page: Page, title: string) {
  await page.getByRole('button', { name: 'New note' }).click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Template').selectOption('soap');
  await page.getByLabel('Subjective', { exact: true }).fill('Reports better sleep.');
  await page.getByLabel('Plan', { exact: true }).fill('Review in two weeks.');
  await page.getByLabel('Note', { exact: true }).fill('Brief session.');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
}

test('a signed note is read-only everywhere in the editor, and its history can be read', async ({ page, app }) => {
  await createVaultThroughUi(page);
  await writeSoapNote(page, 'Follow-up');
  // The first signature asks who signs; cancelling leaves the note an editable draft.
  await page.getByRole('button', { name: 'Sign note' }).click();
  await expect(page.getByRole('dialog').getByLabel('Full name, as on your license')).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByLabel('Title')).toBeEditable();

  await signOpenNote(page, TEST_PROFILE);
  await expect(page.getByText(/^Signed electronically by Dana Reyes, LCSW, CA license 12345, \d/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign note' })).toHaveCount(0);

  // Nothing on a signed note can be edited: no field, no choice, no checkbox is left.
  const note = page.getByRole('article', { name: 'Follow-up' });
  await expect(note.getByRole('region', { name: 'Subjective' })).toContainText('Reports better sleep.');
  for (const role of ['textbox', 'combobox', 'checkbox', 'spinbutton'] as const) await expect(note.getByRole(role), role).toHaveCount(0);

  // The service agrees: an update is refused with NOTE_SIGNED.
  const list = await app.service.invoke('notes.list', {});
  if (!list.ok) throw new Error('list failed');
  const { id, rev } = list.value[0]!;
  const update = await app.service.invoke('notes.update', { id, baseRev: rev, title: 'changed' });
  expect(update.ok ? null : update.error.code).toBe('NOTE_SIGNED');

  // History: every revision, and an old one opens read-only.
  await page.getByRole('button', { name: 'History' }).click();
  const history = page.getByRole('region', { name: 'History' });
  await expect(history.getByRole('listitem').last()).toContainText('Signed');
  await history.getByRole('button', { name: 'View revision 1' }).click();
  const revision = page.getByRole('region', { name: /Revision 1 of/ });
  await expect(revision).toContainText('Follow-up');
  await expect(revision.getByRole('textbox')).toHaveCount(0);
  await expectAccessible(page, 'history');
});

test('trash and restore a note, then empty the trash after confirming', async ({ page }) => {
  await createVaultThroughUi(page);
  await writeSoapNote(page, 'Keep me');
  await writeSoapNote(page, 'Scratch draft');
  const notesList = page.getByRole('list', { name: 'All notes' });
  await expect(notesList.getByRole('listitem')).toHaveCount(2);

  await page.getByRole('button', { name: 'Move to trash' }).click();
  await expect(page.getByText(/In the trash since/)).toBeVisible();
  await expect(page.getByLabel('Title')).not.toBeEditable();
  await expect(notesList.getByRole('listitem')).toHaveCount(1);

  await page.getByRole('button', { name: 'Trash', exact: true }).click();
  const trash = page.getByRole('list', { name: 'Notes in the trash' });
  await expect(trash).toContainText('Scratch draft');
  await expectAccessible(page, 'trash');
  await page.getByRole('button', { name: 'Restore from trash' }).click();
  await expect(page.getByText('The trash is empty.')).toBeVisible();
  await expect(page.getByLabel('Title')).toBeEditable();

  await page.getByRole('button', { name: 'Move to trash' }).click();
  await page.getByRole('button', { name: 'Empty trash' }).click();
  await page.getByRole('dialog', { name: 'Empty the trash?' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(trash).toContainText('Scratch draft');
  await page.getByRole('button', { name: 'Empty trash' }).click();
  await page.getByRole('dialog', { name: 'Empty the trash?' }).getByRole('button', { name: 'Delete for good' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted 1 note for good.' })).toBeVisible();
  await expect(page.getByText('The trash is empty.')).toBeVisible();
  await page.getByRole('button', { name: 'Back to notes' }).click();
  await expect(page.getByRole('list', { name: 'All notes' })).toHaveText(/Keep me/);
  await expect(page.getByRole('list', { name: 'All notes' }).getByRole('listitem')).toHaveCount(1);
});

test('a save over a newer version shows both versions, fields included, and keeps the chosen one', async ({ page, app }) => {
  await createVaultThroughUi(page);
  await writeSoapNote(page, 'Shared note');
  const list = await app.service.invoke('notes.list', {});
  if (!list.ok) throw new Error('list failed');
  const { id, rev } = list.value[0]!;
  // Another window saves first.
  const other = await app.service.invoke('notes.update', { id, baseRev: rev, fields: { subjective: 'Their subjective text.' } });
  expect(other.ok).toBe(true);

  await page.getByLabel('Subjective', { exact: true }).fill('My subjective text.');
  await expect(page.getByTestId('save-status')).toHaveText('Not saved: changed elsewhere');
  const conflict = page.getByRole('region', { name: 'Conflicting versions' });
  await expect(conflict).toContainText('Subjective:\nMy subjective text.');
  await expect(conflict).toContainText('Subjective:\nTheir subjective text.');
  await expectAccessible(page, 'conflict');
  await conflict.getByRole('button', { name: 'Keep mine' }).click();
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  const now = await app.service.invoke('notes.get', { id });
  expect(now.ok && now.value.fields['subjective']).toBe('My subjective text.');
  const history = await app.service.invoke('notes.history', { id });
  expect(history.ok && history.value.length).toBe(rev + 2);
});

test('a note that cannot be saved stays open when another is asked for, until it is saved: nothing typed is lost', async ({ page, app }) => {
  await createVaultThroughUi(page);
  await writeSoapNote(page, 'Other note');
  await writeSoapNote(page, 'Held note');
  const list = await app.service.invoke('notes.list', {});
  if (!list.ok) throw new Error('list failed');
  const held = list.value.find((n) => n.title === 'Held note')!;
  // Another window saves first: this window's next save is a conflict.
  expect((await app.service.invoke('notes.update', { id: held.id, baseRev: held.rev, fields: { subjective: 'Their text.' } })).ok).toBe(true);
  await page.getByLabel('Subjective', { exact: true }).fill('Typed here and not saved.');
  await expect(page.getByTestId('save-status')).toHaveText('Not saved: changed elsewhere');

  const notes = page.getByRole('list', { name: 'All notes' });
  await notes.getByRole('button', { name: /Other note/ }).click();
  await expect(page.getByTestId('save-status')).toHaveText(/stays open until it is saved/);
  await expect(page.getByLabel('Title')).toHaveValue('Held note');
  await expect(page.getByLabel('Subjective', { exact: true })).toHaveValue('Typed here and not saved.');
  await page.getByRole('button', { name: 'New note' }).click();
  await expect(page.getByLabel('Title')).toHaveValue('Held note');

  await page.getByRole('region', { name: 'Conflicting versions' }).getByRole('button', { name: 'Keep mine' }).click();
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await notes.getByRole('button', { name: /Other note/ }).click();
  await expect(page.getByLabel('Title')).toHaveValue('Other note');
  const saved = await app.service.invoke('notes.get', { id: held.id });
  expect(saved.ok && saved.value.fields['subjective']).toBe('Typed here and not saved.');
});

test('switching template keeps shared sections and moves the others into the note text', async ({ page }) => {
  await createVaultThroughUi(page);
  await writeSoapNote(page, 'Template switch');
  await page.getByLabel('Template').selectOption('dap');
  await expect(page.getByLabel('Plan', { exact: true })).toHaveValue('Review in two weeks.');
  await expect(page.getByLabel('Subjective', { exact: true })).toHaveCount(0);
  await expect(page.getByLabel('Note', { exact: true })).toHaveValue('Brief session.\n\nSubjective:\nReports better sleep.');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
});
