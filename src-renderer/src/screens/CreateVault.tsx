import { useState, type FormEvent } from 'react';
import type { ChosenPlace } from '../../../src-shared/ipc';
import { createVault } from '../actions/session';
import { FileChoice } from '../components/FileChoice';
import { PasswordStrength } from '../components/PasswordStrength';
import { useApp } from '../store';
import { errorMessage } from '../vault';

export function CreateVault() {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [keyFile, setKeyFile] = useState<ChosenPlace | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (password !== confirm) {
      setError('The two passwords are not the same.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await createVault(password, keyFile?.handle);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <main className="card narrow">
      <h1>Create your vault</h1>
      <p>
        Your notes are encrypted on this computer with a key made from your password. No one — including us — can
        recover them without the password or the Recovery Kit you get next.
      </p>
      <form onSubmit={submit}>
        <label htmlFor="new-password">Password</label>
        <input id="new-password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} autoFocus />
        <PasswordStrength password={password} />
        <label htmlFor="confirm-password">Type it again</label>
        <input id="confirm-password" type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
        <details className="advanced">
          <summary>Second factor: a key file (optional)</summary>
          <p className="hint">
            Any file you keep on a separate USB stick, e.g. a photo. The vault then opens only with the password and that exact
            file. Lose the file and only the Recovery Kit gets you back in.
          </p>
          <FileChoice purpose="key-file" label="Key file" chooseLabel="Choose key file…" chosen={keyFile} onChosen={setKeyFile} hint="Keep it on a separate USB drive — not on this computer, and not on the drive with your backups." />
        </details>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy || !password}>
          {busy ? 'Creating vault…' : 'Create vault'}
        </button>
        {busy && (
          <p className="progress" role="status">
            <span className="spinner" aria-hidden="true" /> Deriving your key. This takes a second on purpose: it makes guessing your password slow.
          </p>
        )}
      </form>
      <p className="alt-action">
        Moving to a new computer, or this one was replaced?{' '}
        <button type="button" className="link" onClick={() => useApp.setState({ phase: 'restore' })}>
          Restore from backup
        </button>
      </p>
    </main>
  );
}
