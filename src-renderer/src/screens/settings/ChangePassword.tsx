import { useState, type FormEvent } from 'react';
import type { ChosenPlace } from '../../../../src-shared/ipc';
import { FileChoice } from '../../components/FileChoice';
import { PasswordStrength } from '../../components/PasswordStrength';
import { useApp } from '../../store';
import { api, call, errorMessage } from '../../vault';

export function ChangePassword() {
  const hasKeyFile = useApp((s) => s.hasKeyFile);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [keyFile, setKeyFile] = useState<ChosenPlace | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (next !== confirm) return setMessage({ ok: false, text: 'The two new passwords are not the same.' });
    setBusy(true);
    setMessage(null);
    try {
      await call(api().vault.changePassword(hasKeyFile && keyFile ? { current, next, keyFile: keyFile.handle } : { current, next }));
      setCurrent('');
      setNext('');
      setConfirm('');
      setMessage({ ok: true, text: 'Password changed. Use the new password from now on; your notes were not re-encrypted and are all there.' });
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="change-password-heading">
      <h2 id="change-password-heading">Change password</h2>
      <form onSubmit={submit}>
        <label htmlFor="cp-current">Current password</label>
        <input id="cp-current" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
        <label htmlFor="cp-next">New password</label>
        <input id="cp-next" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
        <PasswordStrength password={next} />
        <label htmlFor="cp-confirm">Type the new password again</label>
        <input id="cp-confirm" type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
        {hasKeyFile && <FileChoice purpose="key-file" label="Key file" chooseLabel="Choose key file…" chosen={keyFile} onChosen={setKeyFile} />}
        {message && (
          <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'success' : 'error'}>
            {message.text}
          </p>
        )}
        <button type="submit" disabled={busy || !current || !next}>
          {busy ? 'Changing…' : 'Change password'}
        </button>
      </form>
    </section>
  );
}
