import fs from 'node:fs';
import path from 'node:path';
import { ageDecryptWithIdentity, ageKeygen } from '../helpers/age-cli';
import { tempDir } from '../helpers/disk';
import { pdfText } from '../helpers/pdf';
import { TEST_PROFILE, value } from '../helpers/service';
import { expectAccessible } from './a11y';
import { chooseByTypedPath, createVaultThroughUi, expect, test } from './fixtures';

test('professional will: a 2-of-3 split, kits printed and saved; two custodians open the vault read-only, export a record and transfer it to the next clinician, and the trail says so', async ({ page, app }, testInfo) => {
  await createVaultThroughUi(page);
  value(await app.service.invoke('profile.update', TEST_PROFILE)); // signing records who signed
  const { id: clientId } = value(await app.service.invoke('clients.create', { displayName: 'Imogen Ashdown' }));
  const note = value(
    await app.service.invoke('notes.create', { title: 'Session 1', clientId, kind: 'progress', body: 'Canary-custodian-7731 reports better sleep.', session: { serviceDate: '2025-04-02', riskFlags: [] } }),
  );
  value(await app.service.invoke('notes.sign', { id: note.id, baseRev: note.rev }));

  // Settings -> Professional will: three custodians, any two together.
  const main = page.getByRole('navigation', { name: 'Main' });
  await main.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Records custodians' }).click();
  await expect(page.getByRole('heading', { name: 'Professional will' })).toBeVisible();
  await expect(page.getByTestId('custodians-current')).toContainText('No records custodians are named');
  await page.getByRole('textbox', { name: 'Custodian 1' }).fill('Avery Attorney');
  await page.getByRole('textbox', { name: 'Custodian 2' }).fill('Casey Colleague');
  await page.getByRole('textbox', { name: 'Custodian 3' }).fill('Pat Partner');
  await page.getByLabel('How many must come together').selectOption('2');
  await page.getByLabel('Your password').fill('correct horse battery staple 42');
  await expectAccessible(page, 'professional will');
  await page.getByRole('button', { name: 'Make custodian kits' }).click();

  // The kits, once: one per custodian, printable one per page, or saved (after the warning) as files.
  await expect(page.getByRole('heading', { name: 'Custodian kits' })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Kit for / })).toHaveCount(3);
  await expectAccessible(page, 'custodian kits');
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  await page.getByRole('button', { name: 'Print all kits' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('region', { name: 'Kit for Pat Partner' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print all kits' })).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath('kits-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  const kitDir = tempDir('sv-kits-');
  const kitFiles: string[] = [];
  for (const name of ['Avery Attorney', 'Pat Partner']) {
    const kit = page.getByRole('region', { name: `Kit for ${name}` });
    await kit.getByRole('button', { name: `Save ${name}’s kit as a file` }).click();
    await expect(kit.getByRole('heading', { name: 'The file must not stay on this laptop' })).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), kit.getByRole('link', { name: 'Save the file to a USB drive' }).click()]);
    const file = path.join(kitDir, download.suggestedFilename());
    await download.saveAs(file);
    kitFiles.push(file);
  }
  const kitText = fs.readFileSync(kitFiles[1]!, 'utf8');
  expect(kitText).toContain('For: Pat Partner');
  expect(kitText).toContain('any 2 of 3 kits together');
  const typedShare = /SVCS(-[A-Z2-7]{4}){16}/.exec(kitText)![0];
  await page.getByRole('button', { name: 'Each custodian has their kit' }).click();
  await expect(page.getByTestId('custodians-current')).toContainText('Any 2 of these 3 together can open the vault');

  // The clinician is gone: no password, no Recovery Kit. Two custodians meet at the laptop.
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.getByRole('button', { name: 'I am a records custodian' }).click();
  await expect(page.getByRole('heading', { name: 'Open as records custodian' })).toBeVisible();
  await expectAccessible(page, 'custodian unlock');
  await page.getByLabel('Or load share 1 from a kit file').setInputFiles(kitFiles[0]!);
  await expect(page.getByLabel('Share 1', { exact: true })).toHaveValue(/^SVCS-/);
  // A typo in one group is named before anything else happens.
  const groups = typedShare.split('-');
  groups[5] = groups[5] === 'AAAA' ? 'BBBB' : 'AAAA';
  await page.getByLabel('Share 2', { exact: true }).fill(groups.join('-'));
  await page.getByRole('button', { name: 'Open as custodian' }).click();
  await expect(page.getByRole('alert')).toContainText('Share 2 has a typo');
  await page.getByLabel('Share 2', { exact: true }).fill(typedShare.toLowerCase().replaceAll('-', ' '));
  await page.getByRole('button', { name: 'Open as custodian' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Opened by the records custodians: read-only' })).toBeVisible();
  await expect(main.getByRole('button', { name: 'Settings' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'New note' })).toHaveCount(0);
  await expectAccessible(page, 'custodian mode');

  // A records request, as the custodian.
  await main.getByRole('button', { name: 'Clients' }).click();
  await page.getByRole('list', { name: 'Client list' }).getByText('Imogen Ashdown').click();
  await expect(page.getByRole('button', { name: 'Edit details' })).toBeHidden();
  const out = tempDir('sv-custodian-export-');
  await page.getByRole('button', { name: 'Export the record…' }).click();
  await page.getByRole('radio', { name: 'Web page (HTML)' }).check();
  // Choosing the folder is the export.
  await chooseByTypedPath(page, 'Choose export folder…', out);
  await expect(page.getByTestId('export-message')).toContainText('1 note.');
  expect(fs.readFileSync(path.join(out, fs.readdirSync(out)[0]!), 'utf8')).toContain('Canary-custodian-7731');

  // A transfer of care, as the custodian: to the next clinician's age key, opened with the age tool.
  const receiver = ageKeygen();
  const transfer = page.getByRole('region', { name: 'Transfer of care' });
  await transfer.getByLabel('Receiving clinician').fill('Dr. Next Clinician');
  await transfer.getByLabel(/Their age public key/).fill(receiver.publicKey);
  const transferOut = tempDir('sv-custodian-transfer-');
  await chooseByTypedPath(page, 'Choose folder for the transfer file…', transferOut);
  await transfer.getByRole('button', { name: 'Encrypt the record for transfer' }).click();
  await expect(transfer.getByRole('list', { name: 'Disclosures of this record' })).toContainText('to Dr. Next Clinician, 1 note, psychotherapy notes left out, locked to their key — sent by the records custodians');
  const sent = path.join(transferOut, fs.readdirSync(transferOut)[0]!);
  expect(sent).toMatch(/\.pdf\.age$/);
  const opened = path.join(tempDir('sv-custodian-opened-'), 'record.pdf');
  fs.writeFileSync(opened, ageDecryptWithIdentity(sent, receiver.identityFile));
  expect(pdfText(opened)).toContain('Canary-custodian-7731');

  await main.getByRole('button', { name: 'Audit trail' }).click();
  const events = page.getByRole('list', { name: 'Audit events' });
  await expect(events).toContainText('Opened as records custodian (read-only, with the custodian kits)');
  await expect(events).toContainText('Records custodian: Exported records for Imogen Ashdown (HTML, 1 note');
  await expect(events).toContainText('Records custodian: Transferred the record of Imogen Ashdown to another clinician (PDF, 1 note, locked to their age key)');
  await expect(events).not.toContainText('Dr. Next');
  await expect(events).toContainText('Named records custodians: any 2 of 3 kits together open the vault');
  await page.screenshot({ path: testInfo.outputPath('custodian-audit.png'), fullPage: true });
});
