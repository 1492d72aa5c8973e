import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers/disk';
import { expectAccessible } from './a11y';
import { chooseByTypedPath, createVaultThroughUi, expect, test } from './fixtures';

test('a backup whose header was edited on the drive reads "changed since it was verified", its date labelled unverified', async ({ page }) => {
  await createVaultThroughUi(page);
  const usb = tempDir('sv-usb-');
  const main = page.getByRole('navigation', { name: 'Main' });
  await main.getByRole('button', { name: 'Backups' }).click();
  await chooseByTypedPath(page, 'Choose another folder…', usb);
  await expect(page.getByRole('cell', { name: 'Verified', exact: true })).toBeVisible();
  await expect(page.getByText('(unverified)')).toHaveCount(0);

  // Someone with the drive moves the backup's date back a year, same length, same size.
  const [name] = fs.readdirSync(usb);
  const file = path.join(usb, name!);
  const bytes = fs.readFileSync(file);
  const json = bytes.subarray(13, 13 + bytes.readUInt32BE(9)).toString('utf8');
  const at = Number(/"createdAt":(\d{13})/.exec(json)![1]);
  bytes.write(json.replace(String(at), String(at - 365 * 86_400_000)), 13, 'utf8');
  fs.writeFileSync(file, bytes);

  await main.getByRole('button', { name: 'Audit trail' }).click();
  await main.getByRole('button', { name: 'Backups' }).click();
  const row = page.getByRole('row', { name: new RegExp(name!.replace('.', '\\.')) });
  await expect(row).toContainText('Changed since it was verified');
  await expect(row).toContainText('(unverified)');
  await expectAccessible(page, 'backups with a changed file');
});
