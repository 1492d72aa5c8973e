import fs from 'node:fs';
import { tempDir } from '../helpers/disk';
import { STRONG_PASSWORD, TEST_PROFILE, value } from '../helpers/service';
import { expectAccessible } from './a11y';
import { chooseByTypedPath, createVaultThroughUi, expect, test } from './fixtures';

test('audit trail after a session of work, records-request export without psychotherapy notes, retention', async ({ page, app, context }, testInfo) => {
  await createVaultThroughUi(page);
  const inRecord = 'Canary-record-Halvorsen-5531';
  const private_ = 'Canary-psychotherapy-Quenby-8812';
  value(await app.service.invoke('profile.update', TEST_PROFILE));
  const { id: clientId } = value(await app.service.invoke('clients.create', { displayName: 'Marisol Trent', dateOfBirth: '1986-02-11' }));
  const { id: noteId, rev } = value(
    await app.service.invoke('notes.create', {
      title: 'Session 1',
      clientId,
      kind: 'progress',
      templateId: 'soap',
      fields: { subjective: `Reports ${inRecord} improved.` },
      session: { serviceDate: '2025-05-02', riskFlags: [] },
    }),
  );
  value(await app.service.invoke('notes.sign', { id: noteId, baseRev: rev }));
  value(await app.service.invoke('notes.create', { title: 'Process note', clientId, kind: 'psychotherapy', body: `Hypothesis: ${private_}.` }));

  // A lock, a mistyped password, an unlock: all of it belongs in the trail.
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.getByLabel('Password').fill('not my password at all');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await page.getByLabel('Password').fill(STRONG_PASSWORD);
  await page.getByRole('button', { name: 'Unlock' }).click();

  const main = page.getByRole('navigation', { name: 'Main' });
  await main.getByRole('button', { name: 'Audit trail' }).click();
  await expect(page.getByTestId('audit-verdict')).toContainText('Audit trail intact');
  const events = page.getByRole('list', { name: 'Audit events' });
  for (const text of ['Created the vault', 'Added client Marisol Trent', "Signed note 'Session 1' for Marisol Trent", 'A wrong password or Recovery Key was entered', 'Locked the vault', 'Unlocked the vault']) {
    await expect(events).toContainText(text);
  }
  // The mistyped password happened while locked: it was sealed at the unlock, and says so.
  await expect(events.locator('li', { hasText: 'A wrong password or Recovery Key was entered' })).toContainText('recorded while locked');
  await expect(page.locator('body')).not.toContainText(inRecord);
  await expectAccessible(page, 'audit trail');
  await page.screenshot({ path: testInfo.outputPath('1-audit.png'), fullPage: true });

  await page.getByLabel('Event', { exact: true }).selectOption('note.signed');
  await expect(events.locator('li')).toHaveCount(1);

  // Records request.
  await main.getByRole('button', { name: 'Clients' }).click();
  await page.getByRole('list', { name: 'Client list' }).getByText('Marisol Trent').click();
  await expect(page.getByTestId('retain-until')).toHaveText(/\d{4}/);
  const out = tempDir('sv-export-');
  await page.getByRole('button', { name: 'Export the record…' }).click();
  await page.getByRole('radio', { name: 'Web page (HTML)' }).check();
  await chooseByTypedPath(page, 'Choose export folder…', out);
  await expect(page.getByTestId('export-message')).toContainText('1 note. Left out: psychotherapy notes, as the law allows.');
  const [file] = fs.readdirSync(out);
  const html = fs.readFileSync(`${out}/${file}`, 'utf8');
  expect(html).toContain(inRecord);
  expect(html).not.toContain(private_);
  const exported = await context.newPage();
  await exported.goto(`file://${out}/${file}`);
  await expect(exported.locator('body')).toContainText('Marisol Trent');
  await expect(exported.locator('body')).toContainText(/psychotherapy notes/i);
  await exported.screenshot({ path: testInfo.outputPath('2-export.png'), fullPage: true });
  await exported.close();

  await main.getByRole('button', { name: 'Audit trail' }).click();
  await expect(events).toContainText('Exported records for Marisol Trent (HTML, 1 note, psychotherapy notes left out)');

  // Retention: every client with its keep-until date; nothing due yet.
  await main.getByRole('button', { name: 'Retention' }).click();
  await expect(page.getByRole('heading', { name: 'Due for review (0)' })).toBeVisible();
  // Last contact is today (the psychotherapy note has today's date of service): kept 7 years from it.
  await expect(page.getByRole('row', { name: /Marisol Trent/ })).toContainText(String(new Date().getFullYear() + 7));
  await expectAccessible(page, 'retention');
  await page.screenshot({ path: testInfo.outputPath('3-retention.png'), fullPage: true });

  // A state that requires ten years: the setting moves every date.
  await main.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel(/Keep records this many years/).fill('10');
  await page.getByRole('button', { name: 'Save records settings' }).click();
  await expect(page.getByText('Records and backup settings saved.')).toBeVisible();
  await main.getByRole('button', { name: 'Retention' }).click();
  await expect(page.getByRole('row', { name: /Marisol Trent/ })).toContainText(String(new Date().getFullYear() + 10));
  await expect(page.getByText(/^Records are kept 10 years after the last contact/)).toBeVisible();
  // Counts are words through plural rules: one year, never "1 years".
  value(await app.service.invoke('settings.update', { retentionYears: 1 }));
  await main.getByRole('button', { name: 'Audit trail' }).click();
  await main.getByRole('button', { name: 'Retention' }).click();
  await expect(page.getByText(/^Records are kept 1 year after the last contact \(for clients seen as minors, at least 1 year after/)).toBeVisible();
});
