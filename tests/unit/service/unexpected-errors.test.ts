import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { VaultService } from '../../../src-main/service';
import { tempDir } from '../../helpers/disk';
import { newService, STRONG_PASSWORD } from '../../helpers/service';

let service: VaultService | undefined;
afterEach(() => {
  service?.close();
  service = undefined;
});

describe('an unexpected error never reaches the renderer as its raw text', () => {
  it('a file-system error naming a path (and a client-like name in it) comes back as the fixed sentence', async () => {
    // The data folder's place is a file: creating the vault fails deep in Node with a message that names the path.
    const parent = tempDir('sv-Ophelia-Winterbourne-');
    const dataDir = path.join(parent, 'not-a-folder');
    fs.writeFileSync(dataDir, 'a file where the data folder should be');
    ({ service } = await newService({ dataDir }));
    const res = await service.invoke('vault.create', { password: STRONG_PASSWORD });
    expect(res).toEqual({ ok: false, error: { code: 'IO_ERROR', message: 'The vault could not read or write its files. Nothing was changed.' } });
    const text = JSON.stringify(res);
    for (const leak of [parent, 'Ophelia', 'EEXIST', 'ENOTDIR', 'mkdir', STRONG_PASSWORD]) expect(text).not.toContain(leak);
  });
});
