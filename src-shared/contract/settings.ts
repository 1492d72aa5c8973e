import { z } from 'zod';
import { empty, type ChannelSpec } from './common';

/**
 * The clinician's settings, stored encrypted in the vault. Ranges are enforced here so an
 * out-of-range value is INVALID_INPUT at the boundary, before anything is written.
 */
export const settingsShape = {
  /** Lock after this many minutes without input (HIPAA automatic logoff). */
  idleLockMinutes: z.number().int().min(1, 'Choose between 1 and 60 minutes.').max(60, 'Choose between 1 and 60 minutes.'),
  /** Lock when the window has been hidden or minimized this long; null = never. */
  lockWhenHiddenMinutes: z
    .number()
    .int()
    .min(1, 'Choose between 1 and 60 minutes.')
    .max(60, 'Choose between 1 and 60 minutes.')
    .nullable(),
  /** Clear the clipboard this long after copying from a note, if it still holds our text. */
  clipboardClearSeconds: z
    .number()
    .int()
    .min(5, 'Choose between 5 and 300 seconds.')
    .max(300, 'Choose between 5 and 300 seconds.'),
  /** The folder of the last backup (main writes it from a chosen folder; the renderer never names one); null until then. */
  backupDir: z.string().min(1).max(4096).nullable(),
  /** Rotation keeps this many newest verified backups in the folder. */
  backupKeep: z.number().int().min(1, 'Keep at least 1 backup.').max(100, 'Keep at most 100 backups.'),
  /** Remind when the last verified backup is older than this many days. */
  backupReminderDays: z.number().int().min(1, 'Choose between 1 and 90 days.').max(90, 'Choose between 1 and 90 days.'),
  /** Underline misspelled words while writing (where the OS checks spelling without a download; see spellcheck.ts). */
  spellCheck: z.boolean(),
  /** Keep a client's records this many years after last contact (minors: after their 18th birthday, if later). */
  retentionYears: z.number().int().min(1, 'Choose between 1 and 50 years.').max(50, 'Choose between 1 and 50 years.'),
};

export const settings = z.object(settingsShape);

export const SETTINGS_DEFAULTS: Settings = {
  idleLockMinutes: 5,
  lockWhenHiddenMinutes: null,
  clipboardClearSeconds: 30,
  backupDir: null,
  backupKeep: 10,
  backupReminderDays: 7,
  spellCheck: true,
  retentionYears: 7,
};

export const settingsContract = {
  /** The settings in effect; the defaults while the vault is locked (they cannot be read then). */
  'settings.get': { input: empty, output: settings },
  /** Changes only the given fields and returns the full settings. VAULT_LOCKED while locked. */
  // backupDir is not here: a folder reaches main only as a handle the user chose (backup.create).
  'settings.update': { input: settings.omit({ backupDir: true }).partial().strict(), output: settings },
} as const satisfies Record<`settings.${string}`, ChannelSpec>;

export type Settings = z.output<typeof settings>;
