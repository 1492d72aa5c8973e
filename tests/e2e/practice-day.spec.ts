import type { Page } from '@playwright/test';
import { expectAccessible } from './a11y';
import { createVaultThroughUi, expect, test } from './fixtures';

/** Fills the session header of the open note. */
async function session(page: Page, date: string, start: string, minutes: string, code: string) {
  await page.getByLabel('Date of service').fill(date);
  await page.getByLabel('Start time').fill(start);
  await page.getByLabel('Duration (minutes)').fill(minutes);
  await page.getByLabel('Service code').fill(code);
  await page.getByLabel('Modality').selectOption('in-person');
}

async function saved(page: Page) {
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
}

async function openClientRecord(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Clients' }).click();
  await expect(page.getByRole('heading', { name: 'Robin Ashdown' })).toBeVisible();
}

async function soapNote(page: Page, title: string, date: string, subjective: string) {
  await openClientRecord(page);
  await page.getByRole('button', { name: 'New note', exact: true }).click();
  await expect(page.getByLabel('Kind of note')).toHaveValue('progress');
  await expect(page.getByLabel('Template')).toHaveValue('soap');
  await page.getByLabel('Title').fill(title);
  await session(page, date, '10:00', '50', 'CPT 90834');
  await page.getByLabel('Subjective', { exact: true }).fill(subjective);
  await page.getByLabel('Objective', { exact: true }).fill('Calm, good eye contact, affect congruent.');
  await page.getByLabel('Assessment', { exact: true }).fill('Progressing toward goal 1.');
  await page.getByLabel('Plan', { exact: true }).fill('Continue weekly CBT; sleep diary.');
  await saved(page);
}

test('a practice day: client, intake, three SOAP notes, sign, addendum, psychotherapy note, search', async ({ page }, testInfo) => {
  // A whole day with nine accessibility scans and eight full-page screenshots: over a minute on a busy 2-core machine.
  test.setTimeout(120_000);
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(name), fullPage: true });
  await createVaultThroughUi(page);

  // Add a client.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Clients' }).click();
  await expect(page.getByText('No clients yet.')).toBeVisible();
  await expectAccessible(page, 'empty client list');
  await page.getByRole('button', { name: 'Add client', exact: true }).click();
  await page.getByLabel('Name or client code').fill('Robin Ashdown');
  await page.getByLabel('Intake date').fill('2025-03-03');
  await expectAccessible(page, 'add client form');
  await shot('1-add-client.png');
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { name: 'Robin Ashdown' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Client list' })).toContainText('Robin Ashdown');

  // Intake note, from the client's record.
  await page.getByRole('button', { name: 'New note', exact: true }).click();
  await page.getByLabel('Kind of note').selectOption('intake');
  await expect(page.getByLabel('Template')).toHaveValue('intake');
  await page.getByLabel('Title').fill('Intake assessment');
  await session(page, '2025-03-03', '09:00', '60', 'CPT 90791');
  await page.getByLabel('Presenting problem').fill('Trouble sleeping since a job change; worry most evenings.');
  await page.getByLabel('Risk assessment').fill('No suicidal ideation; protective factors: partner, work.');
  await page.getByLabel('Diagnostic impression').fill('Generalized anxiety, rule out insomnia disorder.');
  await saved(page);
  await expect(page.getByRole('combobox', { name: 'Client' }).getByRole('option', { selected: true })).toHaveText('Robin Ashdown');
  await expectAccessible(page, 'intake note editor');
  await shot('2-intake-note.png');

  // Three SOAP notes.
  await soapNote(page, 'Session 2', '2025-03-10', 'Reports early waking and racing thoughts about deadlines.');
  await soapNote(page, 'Session 3', '2025-03-17', 'Sleep diary shows five nights over six hours.');
  await soapNote(page, 'Session 4', '2025-03-24', 'Felt steadier this week; one panic episode at work.');
  await page.getByRole('checkbox', { name: 'Substance use' }).check();
  await saved(page);
  await expectAccessible(page, 'SOAP note editor');
  await shot('3-soap-note.png');

  // Sign the last one: confirm, then it is read-only with a Signed badge.
  // The first signature asks who signs, then shows the line the signature will carry.
  await page.getByRole('button', { name: 'Sign note' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign this note?' });
  await expect(dialog.getByLabel('Full name, as on your license')).toBeVisible();
  await dialog.getByLabel('Full name, as on your license').fill('Dana Reyes');
  await dialog.getByLabel(/^Credential/).fill('LCSW');
  await dialog.getByLabel('License number').fill('12345');
  await dialog.getByLabel(/^State or board/).fill('CA');
  await dialog.getByRole('button', { name: 'Save and continue' }).click();
  await expect(dialog.getByText(/^Signed electronically by Dana Reyes, LCSW, CA license 12345, /)).toBeVisible();
  await expectAccessible(page, 'sign confirmation');
  await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(page.getByText(/^Signed electronically by Dana Reyes, LCSW, CA license 12345, .+\d/)).toBeVisible();
  await expect(page.getByRole('article', { name: 'Session 4' }).getByRole('textbox')).toHaveCount(0);

  // Add an addendum under it.
  await page.getByRole('button', { name: 'New addendum' }).click();
  await page.getByLabel('Addendum', { exact: true }).fill('Correction: the panic episode was on Tuesday, not at work.');
  await page.getByRole('button', { name: 'Add addendum' }).click();
  const addenda = page.getByRole('region', { name: 'Addenda' });
  await expect(addenda).toContainText('Correction: the panic episode was on Tuesday');
  await expect(addenda).toContainText(/Addendum by Dana Reyes, LCSW, CA license 12345, .+\d/);
  await expect(page.getByRole('button', { name: 'New addendum' })).toBeVisible();
  await expectAccessible(page, 'signed note with addendum');
  await shot('4-signed-with-addendum.png');

  // A psychotherapy note: the UI says it is kept apart, and it is.
  await openClientRecord(page);
  await page.getByRole('tab', { name: /Psychotherapy notes/ }).click();
  await expect(page.getByRole('tabpanel')).toContainText('Kept apart from the record');
  await page.getByRole('button', { name: 'New psychotherapy note' }).click();
  await expect(page.getByRole('note').filter({ hasText: 'Psychotherapy note.' })).toContainText('never included in a records-request export');
  await expect(page.getByLabel('Kind of note')).toHaveValue('psychotherapy');
  await page.getByLabel('Title').fill('Process reflections');
  await page.getByLabel('Note', { exact: true }).fill('My countertransference around deadlines; bring to supervision.');
  await saved(page);
  await shot('5-psychotherapy-note.png');

  await openClientRecord(page);
  const record = page.getByRole('list', { name: 'Record notes' });
  await expect(record.getByRole('listitem')).toHaveCount(4);
  await expect(record).not.toContainText('Process reflections');
  // Date order, newest first.
  await expect(record.locator('.note-title')).toHaveText(['Session 4', 'Session 3', 'Session 2', 'Intake assessment']);
  await expect(record.getByRole('listitem').first()).toContainText('Signed');
  await expectAccessible(page, 'client record');
  await shot('6-client-record.png');
  await page.getByRole('tab', { name: /Record/ }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: /Psychotherapy notes/ })).toBeFocused();
  await expect(page.getByRole('tab', { name: /Psychotherapy notes/ })).toHaveAttribute('aria-selected', 'true');
  const psycho = page.getByRole('list', { name: 'Psychotherapy notes' });
  await expect(psycho.getByRole('listitem')).toHaveCount(1);
  await expect(psycho).toContainText('Process reflections');
  await expect(psycho).toContainText('Psychotherapy note');
  await expectAccessible(page, 'psychotherapy tab');

  // Search from the keyboard, open a result.
  await page.keyboard.press('Control+K');
  await expect(page.getByLabel('Search notes')).toBeFocused();
  await page.keyboard.type('racing');
  const results = page.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(results).toContainText('Session 2');
  await expect(results.locator('mark')).toHaveText(['racing']);
  await expectAccessible(page, 'search');
  await shot('7-search.png');
  // Common words are not searched: alone they find nothing; among other words they are left out.
  const searchBox = page.getByLabel('Search notes');
  await expect(page.getByText('common words such as “the” or “and”, are not searched', { exact: false })).toBeVisible();
  await searchBox.fill('the');
  await expect(page.getByRole('status').filter({ hasText: 'No notes match.' })).toBeVisible();
  await searchBox.fill('racing thoughts about the deadlines');
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(results.locator('mark')).toHaveText(['racing', 'thoughts', 'about', 'deadlines']);
  await results.getByRole('button').first().click();
  await expect(page.getByLabel('Title')).toHaveValue('Session 2');
  await expect(page.getByLabel('Subjective', { exact: true })).toHaveValue('Reports early waking and racing thoughts about deadlines.');
  await expectAccessible(page, 'notes list and editor');
  await shot('8-opened-result.png');
});
