import { useState, type FormEvent } from 'react';
import type { ChosenPlace } from '../../../../src-shared/ipc';
import { FileChoice } from '../../components/FileChoice';
import { useApp, type RecoveryKit as Kit } from '../../store';
import { api, call, errorMessage } from '../../vault';
import { RecoveryKit } from '../RecoveryKit';

/** Makes a new Recovery Kit; the old recovery key stops working at once. */
export function RotateRecoveryKey() {
  const hasKeyFile = useApp((s) => s.hasKeyFile);
  const [password, setPassword] = useState('');
  const [keyFile, setKeyFile] = useState<ChosenPlace | null>(null);
  const [kit, setKit] = useState<Kit | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const res = await call(api().vault.rotateRecoveryKey(hasKeyFile && keyFile ? { password, keyFile: keyFile.handle } : { password }));
      const status = await call(api().vault.status({}));
      setPassword('');
      setKit({ recoveryKey: res.recoveryKey, createdAt: res.createdAt, vaultId: status.vaultId ?? '' });
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  if (kit) {
    return (
      <RecoveryKit
        kit={kit}
        onDone={() => {
          void api().vault.confirmRecoveryKit({});
          setKit(null);
          setDone(true);
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
        {hasKeyFile && <FileChoice purpose="key-file" label="Key file" chooseLabel="Choose key file…" chosen={keyFile} onChosen={setKeyFile} />}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {done && (
          <p role="status" className="success">
            New Recovery Kit stored. The old recovery key no longer opens this vault.
          </p>
        )}
        <button type="submit" disabled={!password}>
          Make a new Recovery Kit
        </button>
      </form>
    </section>
  );
}
