import { useState, type FormEvent } from 'react';
import type { ChosenPlace } from '../../../../src-shared/ipc';
import { describeRestore, restoreBackup } from '../../actions/backup';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { KeyFileField } from '../../components/KeyFileField';
import { BackupProgressBar } from '../../components/Progress';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';
import { BackupPicker } from './BackupPicker';

/**
 * Restore a backup, picked from those on the plugged-in drives (or a file chosen elsewhere), with
 * the password it was made under (and its key file, if the vault had one), or the Recovery Key.
 * Used on a fresh install (first screen) and from the Backups screen over the current vault.
 */
export function RestoreForm({ overExisting, onRestored }: { overExisting: boolean; onRestored?: (message: string) => void }) {
  const [backup, setBackup] = useState<string | null>(null);
  const [keyFile, setKeyFile] = useState<ChosenPlace | null>(null);
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
    if (!backup) return;
    void run(async () => {
      const credentials = mode === 'recovery' ? { recoveryKey: secret } : keyFile ? { password: secret, keyFile: keyFile.handle } : { password: secret };
      const result = await restoreBackup(backup, credentials);
      const { restored, keptAside } = describeRestore(result);
      onRestored?.(`${restored} ${keptAside}`);
    });
  }

  return (
    <form onSubmit={submit} aria-label="Restore from backup">
      <BackupPicker value={backup} onChange={setBackup} />
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
      {mode === 'password' && <KeyFileField label="Key file (only if the vault had one)" value={keyFile} onChange={setKeyFile} />}
      <StatusMessage status={status} />
      {busy && <BackupProgressBar />}
      <button type="submit" className={overExisting ? 'danger' : undefined} disabled={busy || !backup || !secret}>
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
