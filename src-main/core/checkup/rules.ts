import type { CheckupLine } from '../../../src-shared/contract/checkup';
import { DAY_MS, type CheckupFacts } from './facts';

/**
 * One pure rule per checkup line: facts in, a line out. No I/O here, so each state is tested
 * directly (tests/unit/core/checkup/rules.test.ts).
 */
type Rule = (f: CheckupFacts) => CheckupLine;

function days(ms: number): number {
  return Math.max(0, Math.floor(ms / DAY_MS));
}

function ago(n: number): string {
  return n === 0 ? 'today' : n === 1 ? 'yesterday' : `${n} days ago`;
}

export const passwordStrength: Rule = ({ passwordScore: score }) => {
  const base = { id: 'password-strength', title: 'Password strength', fix: { action: 'change-password', label: 'Change password' } } as const;
  if (score === null) {
    return { ...base, status: 'unknown', detail: 'Not rated yet. It is rated (never stored) the next time you unlock with your password.' };
  }
  if (score >= 4) return { ...base, status: 'green', detail: 'Strong: it would take an attacker with the vault file a very long time to guess.' };
  if (score === 3) return { ...base, status: 'amber', detail: 'Good, but could be stronger. A few more unrelated words would help.' };
  return { ...base, status: 'red', detail: 'Weak: an attacker with a copy of the vault file could guess it. Change it now.' };
};

export const passwordAge: Rule = ({ now, passwordChangedAt }) => {
  const n = days(now - passwordChangedAt);
  const base = { id: 'password-age', title: 'Password last changed', fix: { action: 'change-password', label: 'Change password' } } as const;
  // Current guidance (NIST SP 800-63B): no forced rotation of a strong password; just a nudge after a year.
  if (n <= 365) return { ...base, status: 'green', detail: `Changed ${ago(n)}. Change it at once if anyone may have seen it.` };
  return { ...base, status: 'amber', detail: `Changed ${ago(n)}. Consider a new one, and change it at once if anyone may have seen it.` };
};

export const recoveryKit: Rule = ({ recoveryKitConfirmedFor, recoveryCreatedAt }) => {
  const base = { id: 'recovery-kit', title: 'Recovery Kit stored', fix: { action: 'recovery-kit', label: 'Make a new Recovery Kit' } } as const;
  if (recoveryKitConfirmedFor === recoveryCreatedAt) {
    return { ...base, status: 'green', detail: 'You confirmed storing the kit for the current recovery key. Keep it apart from this laptop.' };
  }
  return {
    ...base,
    status: 'red',
    detail: 'Storing the current Recovery Kit was never confirmed. Without it, a forgotten password means losing every note.',
  };
};

export const keyFile: Rule = ({ keyFile: inUse }) =>
  inUse
    ? {
        id: 'key-file',
        title: 'Second factor (key file)',
        status: 'green',
        detail: 'A key file is needed with the password. Keep it on a separate drive, not on this laptop.',
        fix: { action: 'none', label: '' },
      }
    : {
        id: 'key-file',
        title: 'Second factor (key file)',
        status: 'amber',
        detail: 'Only the password protects the vault. A key file kept on a separate USB drive adds a second factor.',
        fix: { action: 'add-key-file', label: 'Add a key file' },
      };

export const autoLock: Rule = ({ idleLockMinutes: m }) => {
  const base = { id: 'auto-lock', title: 'Auto-lock', fix: { action: 'auto-lock', label: 'Change auto-lock' } } as const;
  const detail = `Locks after ${m} minute${m === 1 ? '' : 's'} without activity.`;
  if (m <= 10) return { ...base, status: 'green', detail };
  if (m <= 30) return { ...base, status: 'amber', detail: `${detail} 10 minutes or less is safer for an unattended screen.` };
  return { ...base, status: 'red', detail: `${detail} An unattended unlocked laptop shows your notes that long.` };
};

/** Green within the reminder, amber up to three times it, red beyond or never. */
function ageStatus(at: number | null, now: number, reminderDays: number): { status: 'green' | 'amber' | 'red'; n: number | null } {
  if (at === null) return { status: 'red', n: null };
  const n = days(now - at);
  return { status: n <= reminderDays ? 'green' : n <= 3 * reminderDays ? 'amber' : 'red', n };
}

/** A backup made right here when the folder is known; otherwise the way to choose one. */
function backupFix({ backupFolderChosen }: CheckupFacts): CheckupLine['fix'] {
  return backupFolderChosen ? { action: 'backup', label: 'Back up now' } : { action: 'choose-backup-folder', label: 'Choose a backup folder' };
}

export const backupAge: Rule = (f) => {
  const { lastVerifiedBackupAt, lastRestoredAt, now, backupReminderDays } = f;
  // Right after a restore the vault equals a verified backup: that counts like a fresh backup.
  const restoredLater = lastRestoredAt !== null && (lastVerifiedBackupAt === null || lastRestoredAt > lastVerifiedBackupAt);
  const { status, n } = ageStatus(restoredLater ? lastRestoredAt : lastVerifiedBackupAt, now, backupReminderDays);
  const reminder = `(reminder after ${backupReminderDays} days)`;
  return {
    id: 'backup-age',
    title: 'Last verified backup',
    status,
    detail:
      n === null
        ? 'No verified backup yet. If this laptop is lost or breaks, every note is gone.'
        : restoredLater
          ? `Restored from a verified backup ${ago(n)} ${reminder}.`
          : `Made and verified ${ago(n)} ${reminder}.`,
    fix: backupFix(f),
  };
};

export const restoreDrill: Rule = (f) => {
  const { lastDrillAt, now, backupReminderDays } = f;
  const { status, n } = ageStatus(lastDrillAt, now, backupReminderDays);
  return {
    id: 'restore-drill',
    title: 'Last restore drill',
    status,
    detail:
      n === null
        ? 'No restore drill yet. A drill proves a backup really brings your notes back, without touching the vault.'
        : `Passed ${ago(n)}.`,
    // A drill needs a verified backup to drill: without one, the first step is making it.
    fix: f.lastVerifiedBackupAt === null ? backupFix(f) : { action: 'restore-drill', label: 'Run restore drill' },
  };
};

export const auditTrail: Rule = ({ audit }) => {
  const base = { id: 'audit-trail', title: 'Audit trail intact' } as const;
  if (audit === null) {
    return { ...base, status: 'unknown', detail: 'The audit trail could not be checked.', fix: { action: 'none', label: '' } };
  }
  if (audit.ok) {
    return { ...base, status: 'green', detail: `All ${audit.entries} entries are in order; none was changed or removed.`, fix: { action: 'none', label: '' } };
  }
  return {
    ...base,
    status: 'red',
    detail: 'Entries of the audit trail were changed or removed outside SessionVault. Treat it as a possible break-in.',
    fix: { action: 'lost-laptop', label: 'What to do now' },
  };
};

export const permissions: Rule = ({ permissions: p }) => {
  const base = { id: 'permissions', title: 'Vault folder private' } as const;
  if (p === null) {
    return { ...base, status: 'unknown', detail: 'Not checked on this system: make sure only your user account can open the vault folder.', fix: { action: 'none', label: '' } };
  }
  if (p.ownerOnly) return { ...base, status: 'green', detail: 'Only your user account can open the vault folder and its files.', fix: { action: 'none', label: '' } };
  return {
    ...base,
    status: 'red',
    detail: `Other accounts on this computer can open ${p.loose} item${p.loose === 1 ? '' : 's'} in the vault folder.`,
    fix: { action: 'fix-permissions', label: 'Fix permissions' },
  };
};

export const diskEncryption: Rule = ({ disk }) => {
  const base = { id: 'disk-encryption', title: 'Disk encryption' } as const;
  if (disk.state === 'on') return { ...base, status: 'green', detail: `${disk.how} is on for the disk holding the vault.`, fix: { action: 'none', label: '' } };
  if (disk.state === 'off') {
    return {
      ...base,
      status: 'amber',
      detail: `${disk.how} is off. The vault is encrypted anyway, but other files on this laptop (downloads, printouts) are not.`,
      fix: { action: 'lost-laptop', label: 'What a thief could read' },
    };
  }
  return { ...base, status: 'unknown', detail: 'Unknown — check your system settings (BitLocker, FileVault or LUKS).', fix: { action: 'none', label: '' } };
};

/** The checkup's lines, before sorting by status. */
export const RULES: readonly Rule[] = [
  passwordStrength,
  passwordAge,
  recoveryKit,
  keyFile,
  autoLock,
  backupAge,
  restoreDrill,
  auditTrail,
  permissions,
  diskEncryption,
];

/** What needs doing first comes first: red, then amber, then what could not be checked, then green. */
const STATUS_ORDER: Record<CheckupLine['status'], number> = { red: 0, amber: 1, unknown: 2, green: 3 };

/** Every line, worst first; lines of the same status keep the order of RULES. */
export function runRules(facts: CheckupFacts): CheckupLine[] {
  return RULES.map((rule) => rule(facts)).sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
}
