import fs from 'node:fs';
import path from 'node:path';
import { ageDecryptWithPassphrase } from '../helpers/age-cli';
import { tempDir } from '../helpers/disk';
import { pdfText } from '../helpers/pdf';
import { TEST_PROFILE, value } from '../helpers/service';
import { expectAccessible } from './a11y';
import { chooseByTypedPath, createVaultThroughUi, expect, test } from './fixtures';

test('transfer of care: the record goes to the next clinician as an age file with a passphrase shown once; psychotherapy notes stay out; the trail and the client page show the disclosure', async ({ page, app }, testInfo) => {
  await createVaultThroughUi(page);
  value(await app.service.invoke('profile.update', TEST_PROFILE)); // signing records who signed
  const { id: clientId } = value(await app.service.invoke('clients.create', { displayName: 'Rowan Hale' }));
  const session = { serviceDate: '2025-05-06', riskFlags: [] };
  const note = value(await app.service.invoke('notes.create', { title: 'Session 4', clientId, kind: 'progress', body: 'Canary-transfer-5521 sleeping better.', session }));
  value(await app.service.invoke('notes.sign', { id: note.id, baseRev: note.rev }));
  const psy = value(await app.service.invoke('notes.create', { title: 'Process', clientId, kind: 'psychotherapy', body: 'Canary-psychotherapy-9907', session }));
  value(await app.service.invoke('notes.sign', { id: psy.id, baseRev: psy.rev }));
  await page.reload(); // the page lists what main holds now

  const main = page.getByRole('navigation', { name: 'Main' });
  await main.getByRole('button', { name: 'Clients' }).click();
  await page.getByRole('list', { name: 'Client list' }).getByText('Rowan Hale').click();
  const transfer = page.getByRole('region', { name: 'Transfer of care' });
  await transfer.getByLabel('Receiving clinician').fill('Dr. Morgan Reyes');
  await transfer.getByLabel('Their practice or organisation (optional)').fill('Lakeside Counselling');
  await transfer.getByRole('radio', { name: /With a passphrase SessionVault makes/ }).check();
  await expect(transfer.getByLabel(/Their age public key/)).toHaveCount(0);

  // Psychotherapy notes need a second, explicit yes; cancelling leaves them out.
  await transfer.getByRole('checkbox', { name: /Include the 1 psychotherapy note/ }).click(); // stays unticked until confirmed
  const confirm = page.getByRole('dialog', { name: 'Include psychotherapy notes?' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(transfer.getByRole('checkbox', { name: /Include the 1 psychotherapy note/ })).not.toBeChecked();

  const out = tempDir('sv-transfer-e2e-');
  await chooseByTypedPath(page, 'Choose folder for the transfer file…', out);
  await expectAccessible(page, 'transfer of care');
  await transfer.getByRole('button', { name: 'Encrypt the record for transfer' }).click();

  // The passphrase, once.
  const shown = transfer.getByRole('region', { name: 'Passphrase for Dr. Morgan Reyes' });
  await expect(shown).toBeVisible();
  const passphrase = /([a-z2-7]{4}-){5}[a-z2-7]{4}/.exec((await shown.textContent()) ?? '')![0];
  await expect(transfer.getByRole('status')).toContainText('encrypted with the passphrase below');
  await expectAccessible(page, 'transfer passphrase');
  await page.screenshot({ path: testInfo.outputPath('transfer-passphrase.png'), fullPage: true });

  // The receiving clinician opens it with the standard age tool, typing the passphrase.
  const files = fs.readdirSync(out);
  expect(files).toEqual([expect.stringMatching(/^client-record-.*\.pdf\.age$/)]);
  const opened = ageDecryptWithPassphrase(path.join(out, files[0]!), passphrase);
  expect(opened.ok).toBe(true);
  const pdf = path.join(tempDir('sv-transfer-opened-'), 'record.pdf');
  fs.writeFileSync(pdf, opened.ok ? opened.plain : Buffer.alloc(0));
  const text = pdfText(pdf);
  expect(text).toContain('Canary-transfer-5521');
  expect(text).toContain('copy for the receiving clinician (transfer of care)');
  expect(text).not.toContain('Canary-psychotherapy-9907');

  await shown.getByRole('button', { name: 'I have given it or written it down' }).click();
  await expect(shown).toBeHidden();
  await expect(page.getByText(passphrase)).toHaveCount(0);
  const disclosures = transfer.getByRole('list', { name: 'Disclosures of this record' });
  await expect(disclosures).toContainText('to Dr. Morgan Reyes (Lakeside Counselling), 1 note, psychotherapy notes left out, locked with a passphrase');

  await main.getByRole('button', { name: 'Audit trail' }).click();
  const events = page.getByRole('list', { name: 'Audit events' });
  await expect(events).toContainText('Transferred the record of Rowan Hale to another clinician (PDF, 1 note, locked with a passphrase given separately)');
  await expect(events).not.toContainText('Morgan');
});
