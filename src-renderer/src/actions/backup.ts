import { backupReminder } from '../../../src-shared/backup-reminder';
import type { BackupListing, BackupProgress, Output } from '../../../src-shared/ipc';
import { api, call } from './bridge';
import { useApp } from '../store';
import { loadSession } from './session';
import { userError } from '../errors';
import { loadSettings, saveSettings } from './settings';

export type RestoreCredentials = { password: string } | { recoveryKey: string };

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

/** The backups in a folder, newest first. */
export function listBackups(dir: string): Promise<BackupListing[]> {
  return call(api().backup.list({ dir }));
}

/** Remembers the folder, makes a backup there, verifies it, and updates the reminder. */
export async function makeBackup(dir: string, keep: number, rememberedDir: string | null): Promise<Output<'backup.create'>> {
  if (dir !== rememberedDir) await saveSettings({ backupDir: dir });
  const made = await withProgress(call(api().backup.create({ dir, keep })));
  await refreshBackupReminder();
  return made;
}

/** A backup into the folder already chosen (the Security Checkup's "Back up now"). */
export async function backUpNow(): Promise<Output<'backup.create'>> {
  const settings = await loadSettings();
  if (!settings.backupDir) throw userError('Choose a backup folder under Backups first.');
  return makeBackup(settings.backupDir, settings.backupKeep, settings.backupDir);
}

/** A restore drill of the newest backup this vault verified (the Security Checkup's "Run restore drill"). */
export async function drillNewestBackup(): Promise<Output<'backup.drill'>> {
  const { lastVerifiedPath } = await call(api().backup.status({}));
  if (!lastVerifiedPath) throw userError('There is no verified backup to drill yet. Make a backup first.');
  return drillBackup(lastVerifiedPath);
}

export function verifyBackup(path: string): Promise<Output<'backup.verify'>> {
  return withProgress(call(api().backup.verify({ path })));
}

export function drillBackup(path: string): Promise<Output<'backup.drill'>> {
  return withProgress(call(api().backup.drill({ path })));
}

/** Restores a backup (fresh install or over the current vault) and opens the restored vault. */
export function restoreBackup(path: string, credentials: RestoreCredentials): Promise<Output<'backup.restore'>> {
  return withProgress(
    (async () => {
      const result = await call(api().backup.restore({ path, ...credentials }));
      // On a new computer the notes come first; over an open vault the Backups screen stays to say what happened.
      useApp.setState(useApp.getState().phase === 'ready' ? { banner: null } : { phase: 'ready', view: 'notes', banner: null });
      await loadSession();
      return result;
    })(),
  );
}
