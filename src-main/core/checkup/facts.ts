/** Everything the checkup rules look at, gathered once per run (see gather-facts.ts). */
export type DiskEncryption =
  | { state: 'on'; how: string }
  | { state: 'off'; how: string }
  | { state: 'unknown' };

export interface CheckupFacts {
  now: number;
  /** zxcvbn score 0–4 from the last unlock/create/change with the password; null if never rated. */
  passwordScore: number | null;
  passwordChangedAt: number;
  recoveryCreatedAt: number;
  /** Which Recovery Key's kit the user confirmed storing; null if none. */
  recoveryKitConfirmedFor: number | null;
  keyFile: boolean;
  idleLockMinutes: number;
  backupReminderDays: number;
  /** Creation time of the newest backup this vault verified; null if none. */
  lastVerifiedBackupAt: number | null;
  /** When the vault was last restored from a verified backup (it then equalled that backup); null if never. */
  lastRestoredAt: number | null;
  /** A backup folder is set, so "Back up now" can run without asking where. */
  backupFolderChosen: boolean;
  /** Time of the last restore drill that passed; null if none. */
  lastDrillAt: number | null;
  /** null when the audit trail could not be checked. */
  audit: { ok: boolean; entries: number } | null;
  /** null where file modes do not apply (Windows). */
  permissions: { ownerOnly: boolean; loose: number } | null;
  disk: DiskEncryption;
}

export const DAY_MS = 24 * 60 * 60 * 1000;
