import { z } from 'zod';
import { empty, type ChannelSpec } from './common';

/** The Security Checkup: one line per practice habit, each with a status and a one-click fix. */
export const CHECKUP_LINE_IDS = [
  'password-strength',
  'password-age',
  'recovery-kit',
  'key-file',
  'auto-lock',
  'backup-age',
  'restore-drill',
  'audit-trail',
  'permissions',
  'disk-encryption',
] as const;

/**
 * What the fix button does; its label says exactly that. `backup` makes a backup into the chosen
 * folder and `restore-drill` drills the newest verified backup, right on the line;
 * `fix-permissions` calls `checkup.fixPermissions`; `choose-backup-folder` opens Backups at the
 * folder; `change-password`/`recovery-kit`/`auto-lock`/`add-key-file` open that form in Settings;
 * `lost-laptop` opens the "If this laptop is lost" page; `none` = no button.
 */
export const CHECKUP_FIX_ACTIONS = [
  'backup',
  'choose-backup-folder',
  'restore-drill',
  'add-key-file',
  'change-password',
  'recovery-kit',
  'auto-lock',
  'fix-permissions',
  'lost-laptop',
  'none',
] as const;

export const checkupStatus = z.enum(['green', 'amber', 'red', 'unknown']);

export const checkupLine = z.object({
  id: z.enum(CHECKUP_LINE_IDS),
  status: checkupStatus,
  title: z.string(),
  /** A plain sentence: what was found and why it matters. Never a path, a password or a score. */
  detail: z.string(),
  fix: z.object({ action: z.enum(CHECKUP_FIX_ACTIONS), label: z.string() }),
});

export const checkupContract = {
  /** Every line, worst first (red, amber, unknown, green). Needs an unlocked vault (most facts are encrypted). */
  'checkup.run': { input: empty, output: z.array(checkupLine) },
  /** Makes the vault folder 0700 and its files 0600 (Linux/macOS). `changed` counts entries tightened. */
  'checkup.fixPermissions': { input: empty, output: z.object({ changed: z.number().int().min(0) }) },
} as const satisfies Record<`checkup.${string}`, ChannelSpec>;

export type CheckupLine = z.output<typeof checkupLine>;
export type CheckupStatus = z.output<typeof checkupStatus>;
export type CheckupLineId = (typeof CHECKUP_LINE_IDS)[number];
export type CheckupFixAction = (typeof CHECKUP_FIX_ACTIONS)[number];
