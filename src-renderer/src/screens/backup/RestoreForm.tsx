import { useState, type FormEvent } from 'react';
import { restoreBackup } from '../../actions/backup';
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

  function submit(e: FormEvent) {
    e.preventDefault();
    if (overExisting && !window.confirm('Replace the notes on this computer with the backup? The current vault is kept beside it as a file; nothing is deleted.')) return;
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
      <BackupProgressBar />
      <button type="submit" disabled={busy || !path || !secret}>
        {busy ? 'Restoring…' : 'Restore'}
      </button>
    </form>
  );
}
