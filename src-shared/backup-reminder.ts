/**
 * The "back up" banner, decided from dates alone (pure, so each boundary is tested directly).
 * Day one is not an alarm: a new vault gets an amber nudge to make its first backup; red comes
 * only once the newest verified backup (or a restore from one, which leaves the vault equal to a
 * verified backup) is older than the reminder interval, or the new vault's first days are over.
 */

import { countOf } from './document-text';

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface BackupDates {
  now: number;
  /** When this vault was created. */
  vaultCreatedAt: number;
  /** Creation time of the newest backup this vault verified; null if none. */
  lastVerifiedAt: number | null;
  /** When the vault was last restored from a verified backup; null if never. */
  restoredAt: number | null;
  /** Settings: remind when the last verified backup is older than this many days. */
  reminderDays: number;
}

export type BackupReminder = { level: 'none' } | { level: 'amber' | 'red'; text: string };

export function backupReminder(d: BackupDates): BackupReminder {
  const interval = d.reminderDays * DAY_MS;
  const covered = Math.max(d.lastVerifiedAt ?? -Infinity, d.restoredAt ?? -Infinity);
  if (covered !== -Infinity) {
    const age = d.now - covered;
    if (age <= interval) return { level: 'none' };
    const days = Math.floor(age / DAY_MS);
    return { level: 'red', text: `No verified backup for ${countOf(days, 'day')}: notes written since then exist only on this computer. Back up now.` };
  }
  if (d.now - d.vaultCreatedAt <= interval) {
    return { level: 'amber', text: 'Make your first backup: it keeps your notes safe if this computer is lost or breaks.' };
  }
  return { level: 'red', text: 'No verified backup yet: every note exists only on this computer. Back up now.' };
}
