import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planRotation } from '../../../../src-main/core/backup/rotation';
import type { BackupFileInfo } from '../../../../src-main/core/backup/backup-list';
import type { VaultService } from '../../../../src-main/service';
import { tempDir } from '../../../helpers/disk';
import { newService, pick, STRONG_PASSWORD, value } from '../../../helpers/service';

let service: VaultService | undefined;
afterAll(() => service?.close());

function listing(name: string, createdAt: number, extra: Partial<BackupFileInfo> = {}): BackupFileInfo {
  return {
    path: `/usb/${name}`,
    name,
    bytes: 1,
    createdAt,
    readable: true,
    sameVault: true,
    verified: true,
    state: 'verified',
    detailsVerified: true,
    checkedAt: createdAt,
    notes: 0,
    clients: 0,
    ...extra,
  };
}

describe('planRotation', () => {
  const names = [1, 2, 3, 4].map((d) => `SessionVault-2026-01-0${d}-120000.svbackup`);
  const newest = `/usb/${names[3]}`;

  it('removes only verified, unchanged backups of this vault beyond the newest N, the new file counting as one', () => {
    const list = [
      ...names.map((n, i) => listing(n, i)),
      listing('SessionVault-2026-02-01-120000.svbackup', 10, { verified: false, state: 'not-verified' }),
      listing('SessionVault-2026-02-02-120000.svbackup', -5, { sameVault: false, verified: false, state: 'other-vault' }),
      listing('SessionVault-2026-02-03-120000.svbackup', -7, { verified: false, state: 'changed' }),
      listing('SessionVault-2026-02-04-120000.svbackup', -8, { verified: false, state: 'recheck' }),
      listing('my renamed copy.svbackup', -6),
    ];
    expect(planRotation(list, 2, newest)).toEqual([`/usb/${names[1]}`, `/usb/${names[0]}`]);
  });

  it('never removes the file just written, even when another file claims to be newer', () => {
    const list = names.map((n, i) => listing(n, i));
    expect(planRotation(list, 1, `/usb/${names[0]}`)).toEqual([`/usb/${names[3]}`, `/usb/${names[2]}`, `/usb/${names[1]}`]);
    expect(planRotation(list, 0, newest)).toEqual([`/usb/${names[2]}`, `/usb/${names[1]}`, `/usb/${names[0]}`]);
    expect(planRotation([listing(names[0]!, 1)], 1, `/usb/${names[0]}`)).toEqual([]);
  });
});

describe('backup.create rotation and backup.list', () => {
  it('keeps the newest N verified backups, lists newest first, and leaves unverified and renamed files alone', async () => {
    let clock = Date.UTC(2026, 0, 5, 9, 0, 0);
    ({ service } = await newService({ now: () => clock }));
    value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
    value(await service.invoke('notes.create', { title: 'A', body: 'b' }));
    expect(value(await service.invoke('backup.status', {}))).toMatchObject({ lastVerifiedAt: null, lastVerified: null, restoredAt: null });
    const usb = tempDir('sv-usb-');
    const folder = await pick(service, 'backup-folder', usb);
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      clock += 60_000;
      made.push(value(await service.invoke('backup.create', { folder })).path);
    }
    // A copy the clinician renamed, and one this vault never verified: rotation must not touch them.
    fs.copyFileSync(made[0]!, path.join(usb, 'my renamed copy.svbackup'));
    fs.writeFileSync(path.join(usb, 'SessionVault-2020-01-01-000000.svbackup'), 'not really a backup');
    clock += 60_000;
    const last = value(await service.invoke('backup.create', { folder, keep: 2 }));
    expect(last.removed).toEqual([made[1], made[0]]);

    const list = value(await service.invoke('backup.list', { folder }));
    expect(list.map((b) => b.name)).toEqual([
      path.basename(last.path),
      path.basename(made[2]!),
      'my renamed copy.svbackup',
      'SessionVault-2020-01-01-000000.svbackup',
    ]);
    expect(list.map((b) => b.verified)).toEqual([true, true, false, false]);
    expect(list[3]).toMatchObject({ readable: false, createdAt: null, notes: null });
    expect(list[0]!.createdAt).toBe(clock);
    expect(fs.existsSync(made[0]!) || fs.existsSync(made[1]!)).toBe(false);

    // The reminder banner's source works with the drive unplugged.
    fs.renameSync(usb, `${usb}-unplugged`);
    expect(value(await service.invoke('backup.status', {}))).toMatchObject({ lastVerifiedAt: clock, lastVerified: last.handle, restoredAt: null });
    fs.renameSync(`${usb}-unplugged`, usb);

    // Locked: the files are still listed from their headers, verification is unknown.
    value(await service.invoke('vault.lock', {}));
    const locked = value(await service.invoke('backup.list', { folder }));
    expect(locked).toHaveLength(4);
    expect(locked.every((b) => !b.verified)).toBe(true);
  });
});
