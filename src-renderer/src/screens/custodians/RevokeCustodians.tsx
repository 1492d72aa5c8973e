import { useState } from 'react';
import type { ChosenPlace } from '../../../../src-shared/ipc';
import { revokeCustodians } from '../../actions/custodians';
import { KeyFileField } from '../../components/KeyFileField';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';
import { useApp } from '../../store';

/** Every kit stops opening the vault; no custodians until new kits are made. */
export function RevokeCustodians({ onDone }: { onDone: () => void }) {
  const hasKeyFile = useApp((s) => s.hasKeyFile);
  const [password, setPassword] = useState('');
  const [keyFile, setKeyFile] = useState<ChosenPlace | null>(null);
  const { busy, status, onSubmit } = useSubmit();

  const submit = onSubmit(async () => {
    await revokeCustodians(password, keyFile);
    setPassword('');
    onDone();
    return 'Custodian kits revoked. They no longer open this vault (backups made before keep the kits they were made with).';
  });

  return (
    <section className="panel" aria-labelledby="revoke-custodians-heading">
      <h2 id="revoke-custodians-heading">Revoke all kits</h2>
      <p>If a kit was lost or a custodian should no longer have one, revoke the kits (or make new ones above).</p>
      <form onSubmit={submit}>
        <label htmlFor="revoke-password">Your password</label>
        <input id="revoke-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        {hasKeyFile && <KeyFileField value={keyFile} onChange={setKeyFile} />}
        <StatusMessage status={status} />
        <button type="submit" className="secondary" disabled={busy || !password}>
          Revoke all custodian kits
        </button>
      </form>
    </section>
  );
}
