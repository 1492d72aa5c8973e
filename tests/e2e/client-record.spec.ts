import { tempDir } from '../helpers/disk';
import { expectAccessible } from './a11y';
import { chooseByTypedPath, createVaultThroughUi, expect, test } from './fixtures';

test('client record: a short list takes only the room it needs, and the export form opens from a button', async ({ page }, testInfo) => {
  await createVaultThroughUi(page);
  const main = page.getByRole('navigation', { name: 'Main' });
  await main.getByRole('button', { name: 'Clients' }).click();
  await page.getByRole('button', { name: 'Add client', exact: true }).click();
  await page.getByLabel('Name or client code').fill('Robin Ashdown');
  await page.getByRole('button', { name: 'Save client' }).click();
  await page.getByRole('button', { name: 'New note', exact: true }).click();
  await page.getByLabel('Title').fill('Intake');
  await expect(page.getByRole('list', { name: 'All notes' })).toContainText('Intake');
  await main.getByRole('button', { name: 'Clients' }).click();

  const notes = page.getByRole('list', { name: 'Record notes' });
  await expect(notes.getByRole('listitem')).toHaveCount(1);
  const exportButton = page.getByRole('button', { name: 'Export the record…' });
  // No tall empty box: what follows the one note starts right below it.
  const row = (await notes.getByRole('listitem').boundingBox())!;
  const next = (await page.getByRole('heading', { name: 'Records request' }).boundingBox())!;
  expect(next.y - (row.y + row.height)).toBeLessThan(100);
  await expect(page.getByRole('button', { name: 'Choose export folder…' })).toHaveCount(0);
  await expectAccessible(page, 'client record');
  await page.screenshot({ path: testInfo.outputPath('client-record.png'), fullPage: true });

  await exportButton.click();
  // Choosing the folder is the export: one step, no second button.
  await chooseByTypedPath(page, 'Choose export folder…', tempDir('sv-export-'));
  await expect(page.getByRole('region', { name: 'Records request' }).getByRole('status')).toContainText(': 0 notes. Left out: 1 unsigned draft.');
  await expectAccessible(page, 'client record with the export form');
});
