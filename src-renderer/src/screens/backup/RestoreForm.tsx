import { useState, type FormEvent } from 'react';
import { restoreBackup } from '../../actions/backup';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatDateTime, plural } from '../../components/format';
import { BackupProgressBar } from '../../components/Progress';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';

/**
 * Restore a `.svbackup` file with the password it was made under, or the Recovery Key.
 * Used on a fresh install (first screen) and from the Backups screen over the current vault.
 */
export function RestoreForm({ overExisting, initialPath = '', onRestored }: { overExisting: boolean; initialPath?: string; onRestored?: (message: string) => void }) {
  const [path, setPath] = useState(initialPath);
  const [mode, setMode] = useState<'password' | 'recovery'>('password');
  const [secret, setSecret] = useState('');
  const { busy, status, run } = useSubmit();
  const [confirming, setConfirming] = useState(false);

  function submit(e: FormEvent) {
    e.preventDefault();
    // Replacing a vault asks first, in a dialog that says what happens to the current notes.
    if (overExisting) setConfirming(true);
    else restore();
  }

  function restore() {
    setConfirming(false);
    void run(async () => {
      const result = await restoreBackup(path.trim(), mode === 'password' ? { password: secret } : { recoveryKey: secret });
      onRestored?.(
        `Restored ${plural(result.notes, 'note')} and ${plural(result.clients, 'client')} from the backup of ${formatDateTime(result.createdAt)}.` +
          (result.replacedFile ? ` The previous vault was kept as ${result.replacedFile}.` : ''),
      );
    });
  }

  return (
    <form onSubmit={submit} aria-label="Restore from backup">
      <label htmlFor="restore-path">Backup file (full path to the .svbackup file)</label>
      <input id="restore-path" value={path} onChange={(e) => setPath(e.target.value)} spellCheck={false} placeholder="/media/usb/SessionVault-2026-01-31-180000.svbackup" />
      <fieldset className="choice">
        <legend>Unlock the backup with</legend>
        <label>
          <input type="radio" name="restore-mode" checked={mode === 'password'} onChange={() => setMode('password')} /> The password it was made with
        </label>
        <label>
          <input type="radio" name="restore-mode" checked={mode === 'recovery'} onChange={() => setMode('recovery')} /> The Recovery Key
        </label>
      </fieldset>
      <label htmlFor="restore-secret">{mode === 'password' ? 'Backup password' : 'Recovery key'}</label>
      <input
        id="restore-secret"
        type={mode === 'password' ? 'password' : 'text'}
        autoComplete="off"
        spellCheck={false}
        value={secret}
        onChange={(e) => setSecret(e.target.value)}
      />
      <StatusMessage status={status} />
      {busy && <BackupProgressBar />}
      <button type="submit" className={overExisting ? 'danger' : undefined} disabled={busy || !path || !secret}>
        {busy ? 'Restoring…' : overExisting ? 'Restore over this vault' : 'Restore'}
      </button>
      {confirming && (
        <ConfirmDialog title="Replace the notes on this computer?" confirmLabel="Replace this vault" danger onConfirm={restore} onCancel={() => setConfirming(false)}>
          <p>
            Every note, client and setting on this computer is replaced by the backup’s. Anything written since that backup was made
            will not be in the restored vault. The current vault is kept beside it as a file; nothing is deleted.
          </p>
        </ConfirmDialog>
      )}
    </form>
  );
}
