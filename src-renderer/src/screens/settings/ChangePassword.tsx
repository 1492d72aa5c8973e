import { useState } from 'react';
import type { ChosenPlace } from '../../../../src-shared/ipc';
import { changePassword } from '../../actions/credentials';
import { KeyFileField } from '../../components/KeyFileField';
import { PasswordStrength } from '../../components/PasswordStrength';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';
import { userError } from '../../errors';
import { useApp } from '../../store';

export function ChangePassword() {
  const hasKeyFile = useApp((s) => s.hasKeyFile);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [keyFile, setKeyFile] = useState<ChosenPlace | null>(null);
  const { busy, status, clearFailure, onSubmit } = useSubmit();

  const submit = onSubmit(async () => {
    if (next !== confirm) throw userError('The two new passwords are not the same.');
    await changePassword(current, next, keyFile);
    setCurrent('');
    setNext('');
    setConfirm('');
    return 'Password changed. Use the new password from now on; your notes were not re-encrypted and are all there.';
  });

  return (
    <section className="panel" aria-labelledby="change-password-heading">
      <h2 id="change-password-heading">Change password</h2>
      <form onSubmit={submit}>
        <label htmlFor="cp-current">Current password</label>
        <input id="cp-current" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
        <label htmlFor="cp-next">New password</label>
        <input id="cp-next" type="password" autoComplete="new-password" value={next} onChange={(e) => (setNext(e.target.value), clearFailure())} />
        <PasswordStrength password={next} />
        <label htmlFor="cp-confirm">Type the new password again</label>
        <input id="cp-confirm" type="password" autoComplete="new-password" value={confirm} onChange={(e) => (setConfirm(e.target.value), clearFailure())} />
        {hasKeyFile && <KeyFileField value={keyFile} onChange={setKeyFile} />}
        <StatusMessage status={status} />
        <button type="submit" disabled={busy || !current || !next}>
          {busy ? 'Changing…' : 'Change password'}
        </button>
      </form>
    </section>
  );
}
