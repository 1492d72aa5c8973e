import { describe, expect, it } from 'vitest';
import { DAY_MS, type CheckupFacts } from '../../../../src-main/core/checkup/facts';
import {
  auditTrail,
  autoLock,
  backupAge,
  diskEncryption,
  keyFile,
  passwordAge,
  passwordStrength,
  permissions,
  recoveryKit,
  restoreDrill,
  runRules,
} from '../../../../src-main/core/checkup/rules';
import { CHECKUP_LINE_IDS } from '../../../../src-shared/contract/checkup';

const NOW = Date.UTC(2026, 10, 24, 12);
const ago = (days: number) => NOW - days * DAY_MS;

/** A healthy practice; each test changes one fact. */
function facts(patch: Partial<CheckupFacts> = {}): CheckupFacts {
  return {
    now: NOW,
    passwordScore: 4,
    passwordChangedAt: ago(30),
    recoveryCreatedAt: ago(30),
    recoveryKitConfirmedFor: ago(30),
    keyFile: true,
    idleLockMinutes: 5,
    backupReminderDays: 7,
    lastVerifiedBackupAt: ago(1),
    lastRestoredAt: null,
    backupFolderChosen: true,
    lastDrillAt: ago(2),
    audit: { ok: true, entries: 12 },
    permissions: { ownerOnly: true, loose: 0 },
    disk: { state: 'on', how: 'LUKS (dm-crypt)' },
    ...patch,
  };
}

describe('checkup rules', () => {
  it('a healthy practice is all green, one line per id, in order', () => {
    const lines = runRules(facts());
    expect(lines.map((l) => l.id)).toEqual([...CHECKUP_LINE_IDS]);
    expect(lines.map((l) => l.status)).toEqual(CHECKUP_LINE_IDS.map(() => 'green'));
  });

  it('password strength: 4 green, 3 amber, 0–2 red, never rated unknown; the fix is Change password', () => {
    expect(passwordStrength(facts({ passwordScore: 4 })).status).toBe('green');
    expect(passwordStrength(facts({ passwordScore: 3 })).status).toBe('amber');
    expect(passwordStrength(facts({ passwordScore: 2 })).status).toBe('red');
    expect(passwordStrength(facts({ passwordScore: 0 })).status).toBe('red');
    const unknown = passwordStrength(facts({ passwordScore: null }));
    expect(unknown.status).toBe('unknown');
    expect(unknown.fix).toEqual({ action: 'change-password', label: 'Change password' });
  });

  it('password strength never shows the score number', () => {
    for (const score of [0, 1, 2, 3, 4]) expect(passwordStrength(facts({ passwordScore: score })).detail).not.toMatch(/\d/);
  });

  it('password age: within a year green, older amber, with the age in days', () => {
    expect(passwordAge(facts({ passwordChangedAt: ago(0) }))).toMatchObject({ status: 'green', detail: expect.stringContaining('today') });
    expect(passwordAge(facts({ passwordChangedAt: ago(365) })).status).toBe('green');
    expect(passwordAge(facts({ passwordChangedAt: ago(400) }))).toMatchObject({ status: 'amber', detail: expect.stringContaining('400 days ago') });
  });

  it('recovery kit: confirmed for the current key green; never confirmed or confirmed for a rotated-away key red', () => {
    expect(recoveryKit(facts()).status).toBe('green');
    expect(recoveryKit(facts({ recoveryKitConfirmedFor: null })).status).toBe('red');
    const rotated = recoveryKit(facts({ recoveryCreatedAt: ago(1), recoveryKitConfirmedFor: ago(30) }));
    expect(rotated).toMatchObject({ status: 'red', fix: { action: 'recovery-kit' } });
  });

  it('key file: in use green with the separate-drive hint; not in use amber, offering to add one', () => {
    expect(keyFile(facts({ keyFile: true }))).toMatchObject({ status: 'green', detail: expect.stringContaining('separate drive'), fix: { action: 'none' } });
    expect(keyFile(facts({ keyFile: false }))).toMatchObject({ status: 'amber', fix: { action: 'add-key-file', label: 'Add a key file' } });
  });

  it('auto-lock: up to 10 minutes green, up to 30 amber, above red', () => {
    expect(autoLock(facts({ idleLockMinutes: 1 })).status).toBe('green');
    expect(autoLock(facts({ idleLockMinutes: 10 })).status).toBe('green');
    expect(autoLock(facts({ idleLockMinutes: 11 })).status).toBe('amber');
    expect(autoLock(facts({ idleLockMinutes: 30 })).status).toBe('amber');
    expect(autoLock(facts({ idleLockMinutes: 31 }))).toMatchObject({ status: 'red', fix: { action: 'auto-lock' } });
    expect(autoLock(facts({ idleLockMinutes: 30 })).detail).toContain('30 minutes');
  });

  it('backup age: within the reminder green, up to 3x amber, beyond or never red; fix is Back up now', () => {
    expect(backupAge(facts({ lastVerifiedBackupAt: ago(7) })).status).toBe('green');
    expect(backupAge(facts({ lastVerifiedBackupAt: ago(8) })).status).toBe('amber');
    expect(backupAge(facts({ lastVerifiedBackupAt: ago(21) })).status).toBe('amber');
    expect(backupAge(facts({ lastVerifiedBackupAt: ago(22) })).status).toBe('red');
    const never = backupAge(facts({ lastVerifiedBackupAt: null }));
    expect(never).toMatchObject({ status: 'red', fix: { action: 'backup', label: 'Back up now' } });
    expect(never.detail).toContain('No verified backup');
    expect(backupAge(facts({ backupReminderDays: 30, lastVerifiedBackupAt: ago(25) })).status).toBe('green');
  });

  it('backup age: without a chosen folder the button chooses one instead of claiming to back up', () => {
    expect(backupAge(facts({ backupFolderChosen: false })).fix).toEqual({ action: 'choose-backup-folder', label: 'Choose a backup folder' });
  });

  it('backup age: a restore from a verified backup counts as a backup made at the restore', () => {
    const restored = backupAge(facts({ lastVerifiedBackupAt: ago(40), lastRestoredAt: ago(0) }));
    expect(restored).toMatchObject({ status: 'green', detail: expect.stringContaining('Restored from a verified backup today') });
    expect(backupAge(facts({ lastVerifiedBackupAt: null, lastRestoredAt: ago(8) })).status).toBe('amber');
    // A backup made after the restore is the newer fact.
    expect(backupAge(facts({ lastVerifiedBackupAt: ago(1), lastRestoredAt: ago(3) })).detail).toContain('Made and verified yesterday');
  });

  it('restore drill age: same thresholds; never is red with Run restore drill, or the backup first when there is none', () => {
    expect(restoreDrill(facts({ lastDrillAt: ago(3) })).status).toBe('green');
    expect(restoreDrill(facts({ lastDrillAt: ago(10) })).status).toBe('amber');
    expect(restoreDrill(facts({ lastDrillAt: ago(40) })).status).toBe('red');
    expect(restoreDrill(facts({ lastDrillAt: null }))).toMatchObject({ status: 'red', fix: { action: 'restore-drill', label: 'Run restore drill' } });
    expect(restoreDrill(facts({ lastDrillAt: null, lastVerifiedBackupAt: null })).fix).toEqual({ action: 'backup', label: 'Back up now' });
  });

  it('orders the lines red, amber, unknown, green; lines of one status keep their usual order', () => {
    const lines = runRules(
      facts({ keyFile: false, idleLockMinutes: 45, passwordScore: null, lastVerifiedBackupAt: ago(10), audit: null, permissions: { ownerOnly: false, loose: 1 } }),
    );
    expect(lines.map((l) => [l.id, l.status])).toEqual([
      ['auto-lock', 'red'],
      ['permissions', 'red'],
      ['key-file', 'amber'],
      ['backup-age', 'amber'],
      ['password-strength', 'unknown'],
      ['audit-trail', 'unknown'],
      ['password-age', 'green'],
      ['recovery-kit', 'green'],
      ['restore-drill', 'green'],
      ['disk-encryption', 'green'],
    ]);
  });

  it('audit trail: intact green, broken red, not checkable unknown', () => {
    expect(auditTrail(facts({ audit: { ok: true, entries: 3 } })).status).toBe('green');
    expect(auditTrail(facts({ audit: { ok: false, entries: 3 } })).status).toBe('red');
    expect(auditTrail(facts({ audit: null })).status).toBe('unknown');
  });

  it('permissions: owner-only green, loose red with Fix permissions, not applicable unknown', () => {
    expect(permissions(facts()).status).toBe('green');
    expect(permissions(facts({ permissions: { ownerOnly: false, loose: 2 } }))).toMatchObject({
      status: 'red',
      fix: { action: 'fix-permissions', label: 'Fix permissions' },
      detail: expect.stringContaining('2 items'),
    });
    expect(permissions(facts({ permissions: null })).status).toBe('unknown');
  });

  it('disk encryption: on green, off amber, otherwise "unknown — check your system settings"', () => {
    expect(diskEncryption(facts({ disk: { state: 'on', how: 'FileVault' } }))).toMatchObject({ status: 'green', detail: expect.stringContaining('FileVault') });
    expect(diskEncryption(facts({ disk: { state: 'off', how: 'FileVault' } })).status).toBe('amber');
    const unknown = diskEncryption(facts({ disk: { state: 'unknown' } }));
    expect(unknown.status).toBe('unknown');
    expect(unknown.detail).toMatch(/^Unknown — check your system settings/);
  });
});
