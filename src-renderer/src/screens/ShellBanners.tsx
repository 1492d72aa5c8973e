import { stayUnlocked } from '../actions/autolock';
import { useEffect } from 'react';
import { backUpNow } from '../actions/backup';
import { goTo } from '../actions/navigation';
import { plural } from '../components/format';
import { StatusMessage } from '../components/StatusMessage';
import { useSubmit } from '../components/useSubmit';
import { useApp } from '../store';

/** The idle-lock countdown, with the one button that stops it. */
export function LockWarning() {
  const seconds = useApp((s) => s.lockWarning);
  if (seconds === null) return null;
  return (
    <div className="lock-warning" role="alertdialog" aria-labelledby="lock-warning-text">
      <span id="lock-warning-text">
        Locking in {seconds} s because there has been no activity. Your note is saved first.
      </span>
      <button type="button" onClick={stayUnlocked}>
        Stay unlocked
      </button>
    </div>
  );
}

/**
 * Amber while a new vault waits for its first backup; red once backups are overdue. Its button
 * backs up on the spot when a folder is chosen, or goes to choose one.
 */
export function BackupReminder() {
  const reminder = useApp((s) => s.backupReminder);
  const view = useApp((s) => s.view);
  const { busy, status, setStatus, run } = useSubmit();
  // The outcome of a backup made from here is news only until the clinician moves on.
  useEffect(() => setStatus(null), [view, setStatus]);
  if (!reminder || view === 'backups') {
    return status ? <div className="reminder done"><StatusMessage status={status} /></div> : null;
  }
  return (
    <div className={`reminder ${reminder.level}`} role="status">
      <span>{reminder.text}</span>
      <StatusMessage status={status} />
      {reminder.folderChosen ? (
        <button type="button" className={reminder.level === 'amber' ? 'secondary' : undefined} disabled={busy} onClick={() => void run(async () => `Backup verified: ${plural((await backUpNow()).notes, 'note')}.`)}>
          {busy ? 'Backing up…' : 'Back up now'}
        </button>
      ) : (
        <button type="button" className={reminder.level === 'amber' ? 'secondary' : undefined} onClick={() => goTo('backups', 'choose-backup-folder')}>
          Choose a backup folder
        </button>
      )}
    </div>
  );
}

/** The Recovery Kit was never confirmed (the window closed on it): say what is at stake, lead back. */
export function RecoveryKitReminder() {
  const pending = useApp((s) => s.recoveryKitPending);
  if (!pending) return null;
  return (
    <div className="reminder red" role="alert">
      <span>
        <strong>Your Recovery Kit is not stored.</strong> If you forget your password, nobody can open your notes — not even us.
        The kit shown before cannot be shown again: make a new one and keep it safe.
      </span>
      <button type="button" onClick={() => goTo('settings', 'rk-password')}>
        Make a new Recovery Kit
      </button>
    </div>
  );
}
