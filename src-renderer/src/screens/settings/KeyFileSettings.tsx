import { useState } from 'react';
import type { ChosenPlace } from '../../../../src-shared/ipc';
import { addKeyFile } from '../../actions/credentials';
import { KeyFileField } from '../../components/KeyFileField';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';
import { useApp } from '../../store';

/** A key file as a second factor: shown as in use, or added here to a password-only vault. */
export function KeyFileSettings() {
  const hasKeyFile = useApp((s) => s.hasKeyFile);
  const [password, setPassword] = useState('');
  const [keyFile, setKeyFile] = useState<ChosenPlace | null>(null);
  const { busy, status, onSubmit } = useSubmit();

  const submit = onSubmit(async () => {
    if (!keyFile) return;
    await addKeyFile(password, keyFile);
    setPassword('');
    setKeyFile(null);
    return 'Key file added. From now on the vault opens with your password and this file; keep the file on a separate drive. Your Recovery Kit still works without it.';
  });

  return (
    <section className="panel" aria-labelledby="key-file-heading">
      <h2 id="key-file-heading">Second factor: key file</h2>
      {hasKeyFile ? (
        <>
          <p>This vault opens only with your password and its key file. Keep the file on a separate drive, not on this computer.</p>
          <StatusMessage status={status} />
        </>
      ) : (
        <>
          <p>
            Any file you keep on a separate USB stick, such as a photo, can become a second factor: the vault then opens only with
            your password and that exact file. Lose the file and only the Recovery Kit gets you back in.
          </p>
          <form onSubmit={submit}>
            <label htmlFor="kf-password">Password</label>
            <input id="kf-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
            <KeyFileField value={keyFile} onChange={setKeyFile} />
            <StatusMessage status={status} />
            <button type="submit" disabled={busy || !password || !keyFile}>
              {busy ? 'Adding…' : 'Add a key file'}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
