import { afterEach, describe, expect, it } from 'vitest';
import type { VaultService } from '../../../../src-main/service';
import { backupReminder, DAY_MS } from '../../../../src-shared/backup-reminder';
import { tempDir } from '../../../helpers/disk';
import { newService, pick, STRONG_PASSWORD, value } from '../../../helpers/service';

const services: VaultService[] = [];
afterEach(() => {
  for (const s of services.splice(0)) s.close();
});

async function serviceAt(clock: { now: number }) {
  const made = await newService({ now: () => clock.now, flushTimeoutMs: 1 });
  services.push(made.service);
  return made.service;
}

describe('a restore counts as the last verified backup', () => {
  it('restoring a 40-day-old backup on a new laptop: status, checkup and banner say it is backed up as of the restore', async () => {
    const clock = { now: Date.UTC(2026, 0, 5, 9) };
    const old = await serviceAt(clock);
    const created = value(await old.invoke('vault.create', { password: STRONG_PASSWORD }));
    value(await old.invoke('notes.create', { title: 'Kept' }));
    clock.now += DAY_MS;
    const usb = tempDir('sv-usb-');
    const backup = value(await old.invoke('backup.create', { folder: await pick(old, 'backup-folder', usb) }));
    value(await old.invoke('vault.lock', {}));

    clock.now += 40 * DAY_MS;
    const fresh = await serviceAt(clock);
    value(await fresh.invoke('backup.restore', { backup: await pick(fresh, 'backup-file', backup.path), password: STRONG_PASSWORD }));
    const status = value(await fresh.invoke('backup.status', {}));
    expect(status).toEqual({ lastVerifiedAt: backup.createdAt, lastVerified: expect.stringMatching(/^fh_/), restoredAt: clock.now, vaultCreatedAt: created.createdAt });
    // The restored backup is the one a drill would test.
    expect(value(await fresh.invoke('backup.drill', { backup: status.lastVerified! }))).toMatchObject({ notes: 1 });

    const line = value(await fresh.invoke('checkup.run', {})).find((l) => l.id === 'backup-age');
    expect(line).toMatchObject({ status: 'green', detail: expect.stringContaining('Restored from a verified backup today') });
    const reminderDays = value(await fresh.invoke('settings.get', {})).backupReminderDays;
    expect(backupReminder({ now: clock.now, reminderDays, ...status })).toEqual({ level: 'none' });
    // The restored file is listed as verified by this vault.
    expect(value(await fresh.invoke('backup.list', { folder: await pick(fresh, 'backup-folder', usb) }))[0]).toMatchObject({ verified: true });

    // And it survives a lock: the restore is in the sealed backup log, not in memory.
    value(await fresh.invoke('vault.lock', {}));
    value(await fresh.invoke('vault.unlock', { password: STRONG_PASSWORD }));
    expect(value(await fresh.invoke('backup.status', {})).restoredAt).toBe(status.restoredAt);
  });

  it('a vault never restored reports no restore', async () => {
    const clock = { now: Date.UTC(2026, 0, 5, 9) };
    const s = await serviceAt(clock);
    const created = value(await s.invoke('vault.create', { password: STRONG_PASSWORD }));
    expect(value(await s.invoke('backup.status', {}))).toEqual({ lastVerifiedAt: null, lastVerified: null, restoredAt: null, vaultCreatedAt: created.createdAt });
  });
});
