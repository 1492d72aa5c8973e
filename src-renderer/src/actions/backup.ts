import { backupReminder } from '../../../src-shared/backup-reminder';
import type { BackupListing, BackupProgress, ChosenPlace, Output } from '../../../src-shared/ipc';
import { fileName, formatDateTime, plural } from '../components/format';
import { userError } from '../errors';
import { useApp, type RestoreSummary } from '../store';
import { api, call } from './bridge';
import { loadSession } from './session';
import { loadSettings } from './settings';

/** `keyFile` is the handle of a chosen key file, for a backup of a vault that had one. */
export type RestoreCredentials = { password: string; keyFile?: string } | { recoveryKey: string };

/** The banner in the shell: amber for a new vault's first backup, red once backups are overdue (backup-reminder.ts). */
export async function refreshBackupReminder(): Promise<void> {
  const [settings, status] = await Promise.all([call(api().settings.get({})), call(api().backup.status({}))]);
  const reminder = backupReminder({ now: Date.now(), reminderDays: settings.backupReminderDays, ...status });
  useApp.setState({ backupReminder: reminder.level === 'none' ? null : { ...reminder, folderChosen: settings.backupDir !== null } });
}

/** Backup jobs this page started and still waits for. */
let running = 0;

export function onBackupProgress(progress: BackupProgress): void {
  // An event can arrive after its job's answer: a finished job must not leave a bar behind.
  if (running > 0) useApp.setState({ backupProgress: progress });
}

/** Runs a backup job; the progress bar it fed is cleared whatever the outcome. */
async function withProgress<T>(job: Promise<T>): Promise<T> {
  running++;
  try {
    return await job;
  } finally {
    running--;
    useApp.setState({ backupProgress: null });
  }
}

/** The backups in a chosen folder (its handle), newest first. */
export function listBackups(folder: string): Promise<BackupListing[]> {
  return call(api().backup.list({ folder }));
}

/** The folder the last backup went to (main remembers it), or null. */
export async function lastBackupFolder(): Promise<ChosenPlace | null> {
  return (await call(api().backup.lastFolder({}))).folder;
}

/** Makes a backup in the chosen folder (main remembers it), verifies it, and updates the reminder. */
export async function makeBackup(folder: string, keep: number): Promise<Output<'backup.create'>> {
  const made = await withProgress(call(api().backup.create({ folder, keep })));
  await refreshBackupReminder();
  return made;
}

/** A backup into the folder chosen last time (the banner's and the Security Checkup's "Back up now"). */
export async function backUpNow(): Promise<Output<'backup.create'>> {
  const [folder, settings] = await Promise.all([lastBackupFolder(), loadSettings()]);
  if (!folder) throw userError('Choose a backup folder under Backups first.');
  return makeBackup(folder.handle, settings.backupKeep);
}

/** A restore drill of the newest backup this vault verified (the Security Checkup's "Run restore drill"). */
export async function drillNewestBackup(): Promise<Output<'backup.drill'>> {
  const { lastVerified } = await call(api().backup.status({}));
  if (!lastVerified) throw userError('There is no verified backup to drill yet. Make a backup first.');
  return drillBackup(lastVerified);
}

export function verifyBackup(backup: string): Promise<Output<'backup.verify'>> {
  return withProgress(call(api().backup.verify({ backup })));
}

export function drillBackup(backup: string): Promise<Output<'backup.drill'>> {
  return withProgress(call(api().backup.drill({ backup })));
}

/** What a restore did, in words: what came back from when, and what was kept aside. */
export function describeRestore(result: Output<'backup.restore'>): RestoreSummary {
  return {
    restored: `Restored ${plural(result.notes, 'note')} and ${plural(result.clients, 'client')} from the backup made ${formatDateTime(result.createdAt)}.`,
    keptAside: result.replacedFile
      ? `The vault that was on this computer was kept aside as ${fileName(result.replacedFile)} in SessionVault’s data folder; nothing was deleted.`
      : 'There was no vault on this computer before, so nothing had to be kept aside.',
  };
}

/** Restores a backup (its handle; fresh install or over the current vault) and opens the restored vault. */
export function restoreBackup(backup: string, credentials: RestoreCredentials): Promise<Output<'backup.restore'>> {
  return withProgress(
    (async () => {
      const result = await call(api().backup.restore({ backup, ...credentials }));
      // On a new computer the notes come first; over an open vault the Backups screen stays to say what happened.
      // A new computer gets the summary above its notes; the Backups screen says it itself.
      useApp.setState(useApp.getState().phase === 'ready' ? { banner: null } : { phase: 'ready', view: 'notes', banner: null, restored: describeRestore(result) });
      await loadSession();
      return result;
    })(),
  );
}
