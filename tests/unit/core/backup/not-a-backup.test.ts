import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VaultService } from '../../../../src-main/service';
import { tempDir } from '../../../helpers/disk';
import { newService, pick, STRONG_PASSWORD, value } from '../../../helpers/service';

/**
 * Whatever path is offered as a backup — typed in the preview, or a chosen file that has since
 * been replaced — what the app answers must not say whether a file exists there or what it is.
 */
let service: VaultService;
let good: string;
beforeAll(async () => {
  ({ service } = await newService());
  value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
  good = value(await service.invoke('backup.create', { folder: await pick(service, 'backup-folder', tempDir('sv-usb-')) })).path;
}, 60_000);
afterAll(() => service?.close());

/** Paths that are not backups, of every kind: missing, folders, devices, a pipe, ordinary files. */
function probes(): string[] {
  const dir = tempDir('sv-probe-');
  const existing = path.join(dir, 'diary.txt');
  fs.writeFileSync(existing, 'Dear diary, nothing to see here. '.repeat(20));
  const empty = path.join(dir, 'empty.svbackup');
  fs.writeFileSync(empty, '');
  const fifo = path.join(dir, 'pipe.svbackup');
  execFileSync('mkfifo', [fifo]);
  const zero = path.join(dir, 'zero.svbackup');
  fs.symlinkSync('/dev/zero', zero);
  return [path.join(dir, 'missing.svbackup'), path.join(dir, 'no-such-folder', 'x.svbackup'), dir, existing, empty, fifo, zero, '/dev/null', '/etc/hostname'];
}

describe('a path that is not a backup', () => {
  it('typed as a backup to choose: one answer, whether a file exists there and whatever it is', async () => {
    const answers = new Set<string>();
    for (const typedPath of probes()) answers.add(JSON.stringify(await service.invoke('files.choose', { purpose: 'backup-file', typedPath })));
    expect([...answers]).toHaveLength(1);
    expect(JSON.parse([...answers][0]!)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('not a SessionVault backup') } });
  });

  it('a chosen backup later replaced by anything else: verify, drill and restore give one answer', async () => {
    const answers = new Set<string>();
    for (const replacement of probes()) {
      const file = path.join(tempDir('sv-chosen-'), 'SessionVault-2026-01-01-000000.svbackup');
      fs.copyFileSync(good, file);
      const handle = await pick(service, 'backup-file', file);
      fs.rmSync(file);
      if (!replacement.endsWith('missing.svbackup')) fs.symlinkSync(replacement, file);
      for (const input of [{ backup: handle }, { backup: handle, password: STRONG_PASSWORD }]) {
        answers.add(JSON.stringify(await service.invoke('backup.verify', input)));
      }
      answers.add(JSON.stringify(await service.invoke('backup.drill', { backup: handle })));
      answers.add(JSON.stringify(await service.invoke('backup.restore', { backup: handle, password: STRONG_PASSWORD })));
    }
    expect([...answers]).toHaveLength(1);
    expect(JSON.parse([...answers][0]!)).toMatchObject({ ok: false, error: { code: 'BACKUP_CORRUPT' } });
  });
});
