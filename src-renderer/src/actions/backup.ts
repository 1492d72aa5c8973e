import type { BackupProgress } from '../../../src-shared/ipc';
import { api, call } from '../vault';
import { useApp } from '../store';
import { refreshNotes } from './notes';

/** `keyFile` is the handle of a chosen key file, for a backup of a vault that had one. */
export type RestoreCredentials = { password: string; keyFile?: string } | { recoveryKey: string };


/** The reminder shown in the shell when the last verified backup is too old (or missing). */
export async function refreshBackupReminder(): Promise<void> {
  const [settings, status] = await Promise.all([call(api().settings.get({})), call(api().backup.status({}))]);
  const at = status.lastVerifiedAt;
  const ageDays = at === null ? Infinity : (Date.now() - at) / 86_400_000;
  useApp.setState({
    backupReminder:
      ageDays <= settings.backupReminderDays
        ? null
        : at === null
          ? 'No verified backup yet. Make one under Backups.'
          : `The last verified backup is ${Math.floor(ageDays)} days old. Make a new one under Backups.`,
  });
}

export function onBackupProgress(progress: BackupProgress): void {
  useApp.setState({ backupProgress: progress });
}

/** Restores a backup (its handle; fresh install or over the current vault) and opens the restored vault. */
export async function restoreBackup(backup: string, credentials: RestoreCredentials) {
  try {
    const result = await call(api().backup.restore({ backup, ...credentials }));
    useApp.setState({ phase: 'ready', view: 'notes', banner: null });
    await refreshNotes();
    void refreshBackupReminder();
    return result;
  } finally {
    useApp.setState({ backupProgress: null });
  }
}
