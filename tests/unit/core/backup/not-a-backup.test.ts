import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VaultService } from '../../../../src-main/service';
import { newService, STRONG_PASSWORD, tempDir, value } from '../../../helpers/service';

/**
 * The renderer names the path of a backup to check. Whatever that path is — missing, a folder, a
 * device, a pipe, some other file — the answer is the same, so it cannot be used to learn which
 * files exist on this computer or what they are.
 */
let service: VaultService;
beforeAll(async () => {
  ({ service } = await newService());
  value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
}, 60_000);
afterAll(() => service?.close());

describe('a path that is not a backup', () => {
  it('gets one error, whether the file exists or not and whatever it is', async () => {
    const dir = tempDir('sv-probe-');
    const existing = path.join(dir, 'diary.txt');
    fs.writeFileSync(existing, 'Dear diary, nothing to see here. '.repeat(20));
    const empty = path.join(dir, 'empty.svbackup');
    fs.writeFileSync(empty, '');
    const fifo = path.join(dir, 'pipe.svbackup');
    execFileSync('mkfifo', [fifo]);
    const link = path.join(dir, 'zero.svbackup');
    fs.symlinkSync('/dev/zero', link);
    const probes = [path.join(dir, 'missing.svbackup'), path.join(dir, 'no-such-folder', 'x.svbackup'), dir, existing, empty, fifo, link, '/dev/null', '/etc/hostname'];
    const answers = new Set<string>();
    for (const p of probes) {
      for (const channel of ['backup.verify', 'backup.drill'] as const) {
        const res = await service.invoke(channel, { path: p });
        expect(res.ok).toBe(false);
        answers.add(JSON.stringify(res));
      }
      const withPassword = await service.invoke('backup.verify', { path: p, password: STRONG_PASSWORD });
      answers.add(JSON.stringify(withPassword));
    }
    expect([...answers]).toHaveLength(1);
    expect(JSON.parse([...answers][0]!)).toMatchObject({ ok: false, error: { code: 'BACKUP_CORRUPT' } });
  });
});
