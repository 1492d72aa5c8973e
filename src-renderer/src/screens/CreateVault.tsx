import { useState } from 'react';
import type { ChosenPlace } from '../../../src-shared/ipc';
import { createVault } from '../actions/session';
import { KeyFileField } from '../components/KeyFileField';
import { PasswordStrength } from '../components/PasswordStrength';
import { StatusMessage } from '../components/StatusMessage';
import { useSubmit } from '../components/useSubmit';
import { userError } from '../errors';
import { useApp } from '../store';

export function CreateVault() {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [keyFile, setKeyFile] = useState<ChosenPlace | null>(null);
  const { busy, status, clearFailure, onSubmit } = useSubmit();

  const submit = onSubmit(async () => {
    if (password !== confirm) throw userError('The two passwords are not the same.');
    await createVault(password, keyFile?.handle);
  });

  return (
    <main className="card narrow">
      <h1>Create your vault</h1>
      <p>
        Your notes are encrypted on this computer with a key made from your password. No one — including us — can
        recover them without the password or the Recovery Kit you get next.
      </p>
      <form onSubmit={submit}>
        <label htmlFor="new-password">Password</label>
        <input id="new-password" type="password" autoComplete="new-password" value={password} onChange={(e) => (setPassword(e.target.value), clearFailure())} autoFocus />
        <PasswordStrength password={password} />
        <label htmlFor="confirm-password">Type it again</label>
        <input id="confirm-password" type="password" autoComplete="new-password" value={confirm} onChange={(e) => (setConfirm(e.target.value), clearFailure())} />
        <details className="advanced">
          <summary>Second factor: a key file (optional)</summary>
          <p className="hint">
            Any file you keep on a separate USB stick, e.g. a photo. The vault then opens only with the password and that exact
            file. Lose the file and only the Recovery Kit gets you back in.
          </p>
          <KeyFileField value={keyFile} onChange={setKeyFile} advise />
        </details>
        <StatusMessage status={status} />
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
