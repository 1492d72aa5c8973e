import { expectAccessible } from './a11y';
import { createVaultThroughUi, expect, test } from './fixtures';

test('edit a client, discharge and archive them; archived clients hide until asked for', async ({ page }) => {
  await createVaultThroughUi(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Clients' }).click();
  await page.getByRole('button', { name: 'Add client', exact: true }).click();
  await page.getByRole('button', { name: 'Save client' }).click();
  // The browser's own required check stops an empty name before the service is asked.
  await expect(page.getByLabel('Name or client code')).toBeFocused();
  await page.getByLabel('Name or client code').fill('C-1042');
  await page.getByLabel('Date of birth (optional)').fill('1988-07-14');
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { name: 'C-1042' })).toBeVisible();

  await page.getByRole('button', { name: 'Edit details' }).click();
  await page.getByLabel('Status').selectOption('discharged');
  await page.getByLabel('About the client').fill('Referred by Dr. Okafor.');
  await expectAccessible(page, 'edit client');
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByRole('heading', { name: 'C-1042' })).toBeVisible();
  await expect(page.getByText('Referred by Dr. Okafor.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Client list' })).toContainText('Discharged');

  await page.getByRole('button', { name: 'Archive client' }).click();
  await expect(page.getByText('Every client is archived.')).toBeVisible();
  await page.getByLabel('Show archived').check();
  await expect(page.getByRole('list', { name: 'Client list' })).toContainText('Archived');
  await page.getByRole('button', { name: 'Unarchive client' }).click();
  await page.getByLabel('Show archived').uncheck();
  await expect(page.getByRole('list', { name: 'Client list' })).toContainText('C-1042');
});
