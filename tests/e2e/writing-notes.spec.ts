import type { Page } from '@playwright/test';
import { TEST_PROFILE, value } from '../helpers/service';
import { expectAccessible } from './a11y';
import { createVaultThroughUi, expect, signOpenNote, test } from './fixtures';

const main = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const saveStatus = (page: Page) => page.getByRole('article', { name: 'Note editor' }).getByRole('status');

async function addClient(page: Page, name: string) {
  await main(page).getByRole('button', { name: 'Clients' }).click();
  await page.getByRole('button', { name: 'Add client', exact: true }).click();
  await page.getByLabel('Name or client code').fill(name);
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
}

test('New note lets you choose the client, and change it until the note is signed; from a client record it is for that client', async ({ page }) => {
  await createVaultThroughUi(page);
  await addClient(page, 'Robin Ashdown');
  await addClient(page, 'Sam Lee');

  await main(page).getByRole('button', { name: 'Notes' }).click();
  await page.getByRole('button', { name: 'New note' }).click();
  const client = page.getByRole('combobox', { name: 'Client' });
  await expect(client.getByRole('option', { selected: true })).toHaveText('No client');
  await page.getByLabel('Title').fill('Phone call');
  await client.selectOption({ label: 'Robin Ashdown' });
  const list = page.getByRole('list', { name: 'All notes' });
  await expect(list).toContainText('Robin Ashdown');
  await expect(saveStatus(page)).toHaveText('Saved');
  await expectAccessible(page, 'note with a client chooser');

  // Wrong client: changed before signing, and the list follows.
  await client.selectOption({ label: 'Sam Lee' });
  await expect(list).toContainText('Sam Lee');
  await expect(list).not.toContainText('Robin Ashdown');
  await signOpenNote(page, TEST_PROFILE);
  const signed = page.getByRole('article', { name: 'Phone call' });
  await expect(signed).toContainText('Sam Lee');
  await expect(signed.getByRole('combobox')).toHaveCount(0);

  // From a client's record, "New note" and Ctrl+N are for that client.
  await main(page).getByRole('button', { name: 'Clients' }).click();
  await page.getByRole('list', { name: 'Client list' }).getByRole('button', { name: /Robin Ashdown/ }).click();
  await page.getByRole('button', { name: 'New note', exact: true }).click();
  await expect(client.getByRole('option', { selected: true })).toHaveText('Robin Ashdown');
  await main(page).getByRole('button', { name: 'Clients' }).click();
  await page.getByRole('list', { name: 'Client list' }).getByRole('button', { name: /Sam Lee/ }).click();
  await page.keyboard.press('Control+N');
  await expect(page.getByLabel('Title')).toBeFocused();
  await expect(client.getByRole('option', { selected: true })).toHaveText('Sam Lee');
});

test('A note opened from the list offers every active client; an archived client only on the note that has it', async ({ page }) => {
  await createVaultThroughUi(page);
  await addClient(page, 'Robin Ashdown');
  await addClient(page, 'Sam Lee');
  await addClient(page, 'Ana Ortiz');
  await main(page).getByRole('button', { name: 'Notes' }).click();
  const client = page.getByRole('combobox', { name: 'Client' });
  for (const [title, name] of [['Phone call', 'Robin Ashdown'], ['Letter', null]] as const) {
    await page.getByRole('button', { name: 'New note' }).click();
    await page.getByLabel('Title').fill(title);
    if (name) await client.selectOption({ label: name });
    await expect(saveStatus(page)).toHaveText('Saved');
  }

  // Robin is archived: no longer offered for a note, but the note already for Robin keeps showing Robin.
  await main(page).getByRole('button', { name: 'Clients' }).click();
  await page.getByRole('list', { name: 'Client list' }).getByRole('button', { name: /Robin Ashdown/ }).click();
  await page.getByRole('button', { name: 'Archive client' }).click();
  await main(page).getByRole('button', { name: 'Notes' }).click();
  const list = page.getByRole('list', { name: 'All notes' });
  await list.getByRole('button', { name: /^Phone call/ }).click();
  await expect(client.getByRole('option')).toHaveText(['No client', 'Ana Ortiz', 'Robin Ashdown', 'Sam Lee']);
  await expect(client.getByRole('option', { selected: true })).toHaveText('Robin Ashdown');
  await list.getByRole('button', { name: /^Letter/ }).click();
  await expect(client.getByRole('option')).toHaveText(['No client', 'Ana Ortiz', 'Sam Lee']);
  await client.selectOption({ label: 'Ana Ortiz' });
  await expect(list.getByRole('button', { name: /^Letter/ })).toContainText('Ana Ortiz');
});

test('"Saved" appears only after something was saved', async ({ page }) => {
  await createVaultThroughUi(page);
  await page.getByRole('button', { name: 'New note' }).click();
  await expect(saveStatus(page)).toHaveText('');
  await page.getByLabel('Title').fill('First');
  await expect(saveStatus(page)).toHaveText('Saved');

  await page.getByRole('button', { name: 'New note' }).click();
  await page.getByLabel('Title').fill('Second');
  await expect(saveStatus(page)).toHaveText('Saved');
  // Opening a note, or pressing Ctrl+S with nothing changed, saves nothing and says nothing.
  await page.getByRole('list', { name: 'All notes' }).getByRole('button', { name: /First/ }).click();
  await expect(page.getByLabel('Title')).toHaveValue('First');
  await expect(saveStatus(page)).toHaveText('');
  await page.getByLabel('Note', { exact: true }).focus();
  await page.keyboard.press('Control+S');
  await expect(saveStatus(page)).toHaveText('');
});

test('a signed note reads as a finished document; addenda go below the signature, dated, with the part they amend', async ({ page }) => {
  await createVaultThroughUi(page);
  await page.getByRole('button', { name: 'New note' }).click();
  await page.getByLabel('Title').fill('Session 4');
  await page.getByLabel('Kind of note').selectOption('progress');
  await page.getByLabel('Template').selectOption('soap');
  await page.getByLabel('Date of service').fill('2025-03-24');
  await page.getByLabel('Service code').fill('CPT 90834');
  await page.getByLabel('Subjective', { exact: true }).fill('Felt steadier this week.');
  await page.getByLabel('Plan', { exact: true }).fill('Weekly CBT.');
  await expect(saveStatus(page)).toHaveText('Saved');
  await signOpenNote(page, TEST_PROFILE);

  const doc = page.getByRole('article', { name: 'Session 4' });
  await expect(doc.getByRole('heading', { name: 'Session 4', level: 1 })).toBeVisible();
  await expect(doc.getByRole('region', { name: 'Subjective' })).toContainText('Felt steadier this week.');
  await expect(doc.getByRole('region', { name: 'Plan' })).toContainText('Weekly CBT.');
  await expect(doc).toContainText('CPT 90834');
  const signature = doc.getByText(/^Signed .+\d/);
  await expect(signature).toBeVisible();
  for (const role of ['textbox', 'combobox', 'checkbox', 'spinbutton'] as const) await expect(doc.getByRole(role), role).toHaveCount(0);
  await expect(page.getByText('Saved', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Move to trash' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Sign note' })).toHaveCount(0);

  // "New addendum" is the one control that looks active; the rest are quiet.
  const buttons = doc.getByRole('button');
  await expect(buttons).toHaveText(['New addendum', 'History', 'Print', 'Save as PDF…']);
  const look = (name: string) => doc.getByRole('button', { name }).evaluate((b) => getComputedStyle(b).backgroundColor);
  expect(await look('New addendum')).toBe('rgb(47, 111, 98)');
  for (const quiet of ['History', 'Print', 'Save as PDF…']) expect(await look(quiet), quiet).toBe('rgb(255, 255, 255)');
  await expectAccessible(page, 'signed note');
  await page.screenshot({ path: test.info().outputPath('signed-note.png'), fullPage: true });

  await doc.getByRole('button', { name: 'New addendum' }).click();
  await doc.getByLabel('Part it amends').selectOption({ label: 'Plan' });
  await doc.getByLabel('Addendum', { exact: true }).fill('Plan changed to fortnightly sessions.');
  await doc.getByRole('button', { name: 'Add addendum' }).click();
  const addendum = doc.getByRole('region', { name: 'Addenda' }).getByRole('listitem');
  await expect(addendum).toContainText('Plan changed to fortnightly sessions.');
  await expect(addendum).toContainText(/Addendum by Dana Reyes, LCSW, CA license 12345, .+\d.*, amending Plan/);
  // Below the signature line.
  expect((await addendum.boundingBox())!.y).toBeGreaterThan((await signature.boundingBox())!.y);
  await expect(doc.getByRole('region', { name: 'Plan' })).toContainText('Weekly CBT.');
  await expectAccessible(page, 'signed note with an addendum');
});

test('psychotherapy notes show no billing fields, and a service code does not follow a note that becomes one', async ({ page, app }) => {
  await createVaultThroughUi(page);
  await page.getByRole('button', { name: 'New note' }).click();
  await page.getByLabel('Title').fill('Session 5');
  await page.getByLabel('Kind of note').selectOption('progress');
  await page.getByLabel('Service code').fill('CPT 90837');
  await expect(saveStatus(page)).toHaveText('Saved');

  await page.getByLabel('Kind of note').selectOption('psychotherapy');
  await expect(page.getByLabel('Service code')).toHaveCount(0);
  await expect(page.getByRole('note').filter({ hasText: 'Psychotherapy note.' })).toContainText('no billing fields');
  await expect(saveStatus(page)).toHaveText('Saved');
  const [saved] = value(await app.service.invoke('notes.list', {}));
  expect(value(await app.service.invoke('notes.get', { id: saved!.id })).session.serviceCode).toBeUndefined();
  await expectAccessible(page, 'psychotherapy note');

  await page.getByLabel('Kind of note').selectOption('progress');
  await expect(page.getByLabel('Service code')).toHaveValue('');
});

test('keyboard shortcuts are discoverable: "?" lists them all, Escape closes; a "?" typed in a note stays text', async ({ page }) => {
  await createVaultThroughUi(page);
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  for (const keys of ['Ctrl+N', 'Ctrl+S', 'Ctrl+K or Ctrl+F', 'Alt+Down / Alt+Up', 'Ctrl+L', '?', 'Escape']) {
    await expect(dialog.getByRole('rowheader', { name: keys, exact: true })).toBeVisible();
  }
  await expectAccessible(page, 'keyboard shortcuts');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  await page.keyboard.press('Control+N');
  await page.getByLabel('Note', { exact: true }).pressSequentially('Why now?');
  await expect(page.getByLabel('Note', { exact: true })).toHaveValue('Why now?');
  await expect(dialog).toHaveCount(0);

  await page.getByRole('button', { name: 'Shortcuts' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
});
