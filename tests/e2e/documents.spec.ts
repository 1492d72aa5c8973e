import type { Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { pdfPages, pdfText, qpdfCheck } from '../helpers/pdf';
import { tempDir } from '../helpers/disk';
import { pick, value } from '../helpers/service';
import { expectAccessible } from './a11y';
import { chooseByTypedPath, createVaultThroughUi, expect, signOpenNote, test, type AppHarness } from './fixtures';

const SIGNED = 'Canary-signed-Halvorsen';
const DRAFT = 'Canary-draft-Quenby';
const PRIVATE = 'Canary-psychotherapy-Ilsted';

// Each test walks a whole task (axe on every screen it changes, PDFs read with poppler): more than the default minute on a busy machine.
test.describe.configure({ timeout: 150_000 });

const main = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** M. Okafor with an unsigned draft and a psychotherapy note (made through the service: the UI for them is tested elsewhere). */
async function client(app: AppHarness): Promise<string> {
  const { id } = value(await app.service.invoke('clients.create', { displayName: 'M. Okafor', dateOfBirth: '1986-02-11' }));
  value(await app.service.invoke('notes.create', { title: 'Session 5', clientId: id, kind: 'progress', body: DRAFT, session: { serviceDate: '2025-03-10', riskFlags: [] } }));
  value(await app.service.invoke('notes.create', { title: 'Process', clientId: id, kind: 'psychotherapy', body: PRIVATE, session: { serviceDate: '2025-03-03', riskFlags: [] } }));
  return id;
}

async function openClient(page: Page) {
  await main(page).getByRole('button', { name: 'Clients' }).click();
  await page.getByRole('list', { name: 'Client list' }).getByText('M. Okafor').click();
  await expect(page.getByRole('heading', { name: 'M. Okafor' })).toBeVisible();
}

/** Writes and saves "Session 4" for M. Okafor from the client's record. */
async function writeSession4(page: Page) {
  await openClient(page);
  await page.getByRole('button', { name: 'New note', exact: true }).click();
  await page.getByLabel('Title').fill('Session 4');
  await page.getByLabel('Date of service').fill('2025-03-03');
  await page.getByLabel('Subjective', { exact: true }).fill(`${SIGNED} reports better sleep.`);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
}

async function fillProfile(page: Page, p: { name: string; credential: string; licenseNumber: string; licenseState: string }) {
  await page.getByLabel('Full name, as on your license').fill(p.name);
  await page.getByLabel(/^Credential/).fill(p.credential);
  await page.getByLabel('License number').fill(p.licenseNumber);
  await page.getByLabel(/^State or board/).fill(p.licenseState);
}

test('set up the profile, sign, export the record as PDF and read it; a later profile change leaves the signature as signed', async ({ page, app }, testInfo) => {
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(name), fullPage: true });
  await createVaultThroughUi(page);
  await client(app);

  // The clinician profile, in Settings.
  await main(page).getByRole('button', { name: 'Settings' }).click();
  await fillProfile(page, { name: 'Dana Reyes', credential: 'LCSW', licenseNumber: '12345', licenseState: 'CA' });
  await page.getByLabel('Practice name (optional)').fill('Harbor Counseling');
  await page.getByLabel('NPI (optional, 10 digits)').fill('1234567893');
  await page.getByRole('button', { name: 'Save clinician profile' }).click();
  await expect(page.getByText(/^Clinician profile saved/)).toBeVisible();
  await expectAccessible(page, 'settings with the clinician profile');
  await shot('1-profile.png');

  // Sign: the profile exists, so the dialog goes straight to the line the signature will carry.
  await writeSession4(page);
  await page.getByRole('button', { name: 'Sign note' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign this note?' });
  await expect(dialog.getByText(/^Signed electronically by Dana Reyes, LCSW, CA license 12345, /)).toBeVisible();
  await expectAccessible(page, 'sign dialog');
  await shot('2-sign-dialog.png');
  await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
  const signature = page.getByText(/^Signed electronically by Dana Reyes, LCSW, CA license 12345, .+\d/);
  await expect(signature).toBeVisible();
  const signedLine = (await signature.textContent())!;

  // The records request, as a PDF, into a folder the test chose.
  await openClient(page);
  await page.getByRole('button', { name: 'Export the record…' }).click();
  const folder = tempDir('sv-e2e-records-');
  await expect(page.getByRole('radio', { name: /^Leave them out/ })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'PDF' })).toBeChecked();
  await expectAccessible(page, 'client record with the records request');
  await shot('3-records-request.png');
  // Choosing the folder is the export, with the options shown.
  await chooseByTypedPath(page, 'Choose export folder…', folder);
  await expect(page.getByTestId('export-message')).toContainText('1 note. Left out: psychotherapy notes, as the law allows, 1 unsigned draft.');
  const [file] = fs.readdirSync(folder);
  const pdf = path.join(folder, file!);
  qpdfCheck(pdf);
  expect(pdfPages(pdf)).toBe(3); // cover, consents, Session 4
  const text = pdfText(pdf);
  expect(text).toContain(SIGNED);
  expect(text).toContain(signedLine);
  expect(text).toContain('Prepared by Dana Reyes, LCSW, CA license 12345, NPI 1234567893');
  expect(text).toContain('Psychotherapy notes: notes the clinician keeps apart from the record, as defined in HIPAA 45 CFR 164.501');
  expect(text).toContain('1 unsigned draft: not signed by the clinician, so not part of the finished record.');
  expect(text).not.toContain(PRIVATE);
  expect(text).not.toContain(DRAFT);

  // A new name or license later: the signed note still says who signed it then.
  await main(page).getByRole('button', { name: 'Settings' }).click();
  await fillProfile(page, { name: 'Dana Reyes-Okafor', credential: 'PsyD', licenseNumber: 'PSY 999', licenseState: 'NY' });
  await page.getByRole('button', { name: 'Save clinician profile' }).click();
  await expect(page.getByText(/^Clinician profile saved/)).toBeVisible();
  await main(page).getByRole('button', { name: 'Notes' }).click();
  await page.getByRole('list', { name: 'Notes' }).getByText('Session 4').click();
  await expect(page.getByText(signedLine, { exact: true })).toBeVisible();
});

/** Replaces window.print: keeps what the print view held when the page asked to print. */
async function capturePrints(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __prints: { html: string; printing: boolean }[]; print: () => void };
    w.__prints = [];
    w.print = () => w.__prints.push({ html: document.querySelector('.print-area')?.outerHTML ?? '', printing: document.body.classList.contains('printing') });
  });
}

/** What was sent to the printer, laid out with the app's own print CSS, as a PDF in the test's temp dir. */
async function printedPdf(page: Page, index: number): Promise<string> {
  const print = await page.evaluate((i) => (window as unknown as { __prints: { html: string; printing: boolean }[] }).__prints[i]!, index);
  expect(print.printing).toBe(true);
  await expect(page.locator('.print-area')).toHaveCount(0); // gone from the page once printed
  const sheet = await page.context().newPage();
  await sheet.goto(page.url());
  await sheet.evaluate((html) => {
    document.body.classList.add('printing');
    document.body.insertAdjacentHTML('beforeend', html);
  }, print.html);
  await sheet.emulateMedia({ media: 'print' });
  const out = path.join(tempDir('sv-e2e-print-'), 'printed.pdf');
  await sheet.pdf({ path: out });
  await sheet.close();
  return out;
}

test('print a note and a record: the paper holds the note and its signature, drafts marked on every page, nothing of the app', async ({ page, app }) => {
  await createVaultThroughUi(page);
  await client(app);
  await writeSession4(page);
  await signOpenNote(page, { name: 'Dana Reyes', credential: 'LCSW', licenseNumber: '12345', licenseState: 'CA' });
  await capturePrints(page);

  // The note, on paper: its text and signature, none of the app around it.
  await page.getByRole('button', { name: 'Print', exact: true }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __prints: unknown[] }).__prints.length)).toBe(1);
  const notePaper = pdfText(await printedPdf(page, 0));
  expect(notePaper).toContain(SIGNED);
  expect(notePaper).toMatch(/Signed electronically by Dana Reyes, LCSW, CA license 12345, /);
  expect(notePaper).not.toContain('Audit trail');

  // The record with its draft: every page of the draft says so; psychotherapy notes stay out.
  await openClient(page);
  await page.getByRole('button', { name: 'Export the record…' }).click();
  await page.getByRole('radio', { name: /^Include them, marked/ }).check();
  await page.getByRole('button', { name: 'Print record' }).click();
  await expect(page.getByTestId('export-message')).toContainText('Sent to the printer: 2 notes (1 unsigned draft, marked as such).');
  const recordPdf = await printedPdf(page, 1);
  const pages = pdfPages(recordPdf);
  for (let n = 1; n <= pages; n++) {
    const sheet = pdfText(recordPdf, n);
    if (sheet.includes(DRAFT)) expect(sheet).toContain('UNSIGNED DRAFT: not signed by the clinician');
    expect(sheet).not.toContain(PRIVATE);
  }
  expect(pdfText(recordPdf)).toContain(DRAFT);
  expect(pdfText(recordPdf)).toContain('What is left out, and why');

});

test('the audit trail reads as sentences, filters by client and exports for an auditor', async ({ page, app }) => {
  await createVaultThroughUi(page);
  const clientId = await client(app);
  value(await app.service.invoke('profile.update', { name: 'Dana Reyes', credential: 'LCSW', licenseNumber: '12345', licenseState: 'CA' }));
  const note = value(await app.service.invoke('notes.create', { title: 'Session 4', clientId, kind: 'progress', body: SIGNED, session: { serviceDate: '2025-03-03', riskFlags: [] } }));
  value(await app.service.invoke('notes.sign', { id: note.id, baseRev: note.rev }));
  value(await app.service.invoke('export.client', { clientId, format: 'pdf', folder: await pick(app.service, 'export-folder', tempDir('sv-e2e-records-')) }));
  const backup = value(await app.service.invoke('backup.create', { folder: await pick(app.service, 'backup-folder', app.plugInDrive('KINGSTON')) }));
  value(await app.service.invoke('backup.verify', { backup: backup.handle }));
  value(await app.service.invoke('clients.create', { displayName: 'R. Lindqvist' }));
  await page.reload(); // The app lists what the service made meanwhile.
  // Opening the note in the app is what the trail records as "Opened".
  await page.getByRole('list', { name: 'Notes' }).getByText('Session 4').click();
  await expect(page.getByRole('heading', { name: 'Session 4', level: 1 })).toBeVisible();

  await main(page).getByRole('button', { name: 'Audit trail' }).click();
  const events = page.getByRole('list', { name: 'Audit events' });
  for (const line of [
    "Opened note 'Session 4' for M. Okafor",
    "Signed note 'Session 4' for M. Okafor",
    'Exported records for M. Okafor (PDF, 1 note, psychotherapy notes left out, 1 unsigned draft left out)',
    'Backup verified on KINGSTON (3 notes)',
    'Added client R. Lindqvist',
  ]) {
    await expect(events.getByText(line, { exact: true })).toBeVisible();
  }
  await expectAccessible(page, 'audit trail');

  // By client: only entries about M. Okafor and their notes.
  await page.getByLabel('Client', { exact: true }).selectOption({ label: 'M. Okafor' });
  await expect(events.getByText('Added client R. Lindqvist', { exact: true })).toHaveCount(0);
  await expect(events.getByText("Opened note 'Session 4' for M. Okafor", { exact: true })).toBeVisible();
  await page.getByLabel('Event', { exact: true }).selectOption('client.created');
  await expect(events.getByRole('listitem')).toHaveCount(1);
  await expect(events).toContainText('Added client M. Okafor');

  // For an auditor: CSV of what the filters show (M. Okafor, every event), and the export is itself in the trail.
  await page.getByLabel('Event', { exact: true }).selectOption('');
  const folder = tempDir('sv-e2e-audit-');
  await page.getByRole('radio', { name: 'CSV, for a spreadsheet' }).check();
  await chooseByTypedPath(page, 'Choose folder…', folder);
  await page.getByRole('button', { name: 'Export audit trail' }).click();
  await expect(page.getByText(/^Saved audit-trail-.+\.csv in that folder/)).toBeVisible();
  const csv = fs.readFileSync(path.join(folder, fs.readdirSync(folder)[0]!), 'utf8');
  expect(csv).toContain("Opened note 'Session 4' for M. Okafor");
  expect(csv).not.toContain('R. Lindqvist');
  await page.getByLabel('Client', { exact: true }).selectOption('');
  await expect(events.getByText(/^Exported the audit trail \(CSV, \d+ entries\)$/)).toBeVisible();
});
