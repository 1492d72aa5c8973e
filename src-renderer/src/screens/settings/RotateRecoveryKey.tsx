import { useState } from 'react';
import type { ChosenPlace } from '../../../../src-shared/ipc';
import { confirmRecoveryKit, rotateRecoveryKey } from '../../actions/credentials';
import { KeyFileField } from '../../components/KeyFileField';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';
import { useApp, type RecoveryKit as Kit } from '../../store';
import { RecoveryKit } from '../RecoveryKit';

/** Makes a new Recovery Kit; the old recovery key stops working at once. */
export function RotateRecoveryKey() {
  const hasKeyFile = useApp((s) => s.hasKeyFile);
  const [password, setPassword] = useState('');
  const [keyFile, setKeyFile] = useState<ChosenPlace | null>(null);
  const [kit, setKit] = useState<Kit | null>(null);
  const { status, setStatus, onSubmit } = useSubmit();

  const submit = onSubmit(async () => {
    const made = await rotateRecoveryKey(password, keyFile);
    setPassword('');
    setKit(made);
  });

  if (kit) {
    return (
      <RecoveryKit
        kit={kit}
        onDone={() => {
          void confirmRecoveryKit();
          setKit(null);
          setStatus({ ok: true, text: 'New Recovery Kit stored. The old recovery key no longer opens this vault.' });
        }}
      />
    );
  }
  return (
    <section className="panel" aria-labelledby="rotate-heading">
      <h2 id="rotate-heading">New Recovery Kit</h2>
      <p>Make a new recovery key if the old kit was lost or seen by someone else. The old key stops working immediately.</p>
      <form onSubmit={submit}>
        <label htmlFor="rk-password">Password</label>
        <input id="rk-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        {hasKeyFile && <KeyFileField value={keyFile} onChange={setKeyFile} />}
        <StatusMessage status={status} />
        <button type="submit" disabled={!password}>
          Make a new Recovery Kit
        </button>
      </form>
    </section>
  );
}
