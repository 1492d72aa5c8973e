import { describe, expect, it } from 'vitest';
import { backupReminder, DAY_MS, type BackupDates } from '../../../src-shared/backup-reminder';

const CREATED = Date.UTC(2026, 2, 2, 9, 0, 0);
const dates = (patch: Partial<BackupDates>): BackupDates => ({
  now: CREATED,
  vaultCreatedAt: CREATED,
  lastVerifiedAt: null,
  restoredAt: null,
  reminderDays: 7,
  ...patch,
});

describe('backup banner from dates', () => {
  it('a new vault with no backup: amber "Make your first backup" through the whole reminder interval, red one moment after', () => {
    expect(backupReminder(dates({ now: CREATED }))).toEqual({ level: 'amber', text: expect.stringMatching(/^Make your first backup/) });
    expect(backupReminder(dates({ now: CREATED + 7 * DAY_MS })).level).toBe('amber');
    const late = backupReminder(dates({ now: CREATED + 7 * DAY_MS + 1 }));
    expect(late).toEqual({ level: 'red', text: expect.stringMatching(/^No verified backup yet/) });
  });

  it('with a verified backup: no banner up to the interval, red one moment after, with the age in days', () => {
    const made = CREATED + 3 * DAY_MS;
    expect(backupReminder(dates({ lastVerifiedAt: made, now: made }))).toEqual({ level: 'none' });
    expect(backupReminder(dates({ lastVerifiedAt: made, now: made + 7 * DAY_MS }))).toEqual({ level: 'none' });
    const old = backupReminder(dates({ lastVerifiedAt: made, now: made + 7 * DAY_MS + 1 }));
    expect(old).toEqual({ level: 'red', text: expect.stringContaining('No verified backup for 7 days') });
    expect(backupReminder(dates({ lastVerifiedAt: made, now: made + 30 * DAY_MS + 5 }))).toMatchObject({ text: expect.stringContaining('30 days') });
  });

  it('follows the reminder setting', () => {
    const made = CREATED;
    expect(backupReminder(dates({ lastVerifiedAt: made, now: made + 20 * DAY_MS, reminderDays: 30 }))).toEqual({ level: 'none' });
    expect(backupReminder(dates({ lastVerifiedAt: made, now: made + 1 * DAY_MS + 1, reminderDays: 1 })).level).toBe('red');
    expect(backupReminder(dates({ now: CREATED + 20 * DAY_MS, reminderDays: 30 })).level).toBe('amber');
  });

  it('right after a restore from an old backup: no banner, the restore counts as the last verified backup', () => {
    const backupMade = CREATED - 40 * DAY_MS;
    const restored = CREATED; // a new laptop: the vault id and creation date are the old vault's
    const vaultCreatedAt = CREATED - 400 * DAY_MS;
    expect(backupReminder(dates({ vaultCreatedAt, lastVerifiedAt: backupMade, restoredAt: restored, now: restored }))).toEqual({ level: 'none' });
    expect(backupReminder(dates({ vaultCreatedAt, lastVerifiedAt: backupMade, restoredAt: restored, now: restored + 7 * DAY_MS }))).toEqual({ level: 'none' });
    expect(backupReminder(dates({ vaultCreatedAt, lastVerifiedAt: backupMade, restoredAt: restored, now: restored + 7 * DAY_MS + 1 })).level).toBe('red');
  });

  it('an old vault that never had a backup is red at once', () => {
    expect(backupReminder(dates({ vaultCreatedAt: CREATED - 60 * DAY_MS })).level).toBe('red');
  });
});
