import { useState } from 'react';
import type { ChosenPlace } from '../../../../src-shared/ipc';
import { MAX_CUSTODIANS } from '../../../../src-shared/contract/custodians';
import { nameCustodians, type MadeKits } from '../../actions/custodians';
import { KeyFileField } from '../../components/KeyFileField';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';
import { userError } from '../../errors';
import { useApp } from '../../store';

/** Names custodians and how many of them must come together; then the kits are shown once. */
export function NameCustodians({ replacing, onMade }: { replacing: boolean; onMade: (made: MadeKits) => void }) {
  const hasKeyFile = useApp((s) => s.hasKeyFile);
  const [names, setNames] = useState(['', '', '']);
  const [threshold, setThreshold] = useState(2);
  const [password, setPassword] = useState('');
  const [keyFile, setKeyFile] = useState<ChosenPlace | null>(null);
  const { busy, status, onSubmit } = useSubmit();
  const filled = names.map((n) => n.trim()).filter(Boolean);
  const count = Math.max(2, filled.length);
  const needed = Math.min(threshold, count);

  const submit = onSubmit(async () => {
    if (new Set(filled.map((n) => n.toLowerCase())).size !== filled.length) throw userError('Each custodian needs their own name, so each kit says whose it is.');
    const made = await nameCustodians(password, keyFile, filled, needed);
    setPassword('');
    onMade(made);
  });

  return (
    <section className="panel" aria-labelledby="name-custodians-heading">
      <h2 id="name-custodians-heading">{replacing ? 'Make new kits' : 'Name custodians'}</h2>
      {replacing && <p>New kits replace the current ones: the current kits stop working as soon as the new ones are made.</p>}
      <form onSubmit={submit}>
        <fieldset className="custodian-names">
          <legend>Custodians</legend>
          {names.map((name, i) => (
            <div className="row" key={i}>
              <label htmlFor={`custodian-${i}`} className="visually-hidden">
                Custodian {i + 1}
              </label>
              <input
                id={`custodian-${i}`}
                value={name}
                placeholder={['e.g. your attorney', 'e.g. a colleague', 'e.g. your partner'][i] ?? 'Name'}
                onChange={(e) => setNames(names.map((n, j) => (j === i ? e.target.value : n)))}
              />
              {names.length > 2 && (
                <button type="button" className="secondary" aria-label={`Remove custodian ${i + 1}`} onClick={() => setNames(names.filter((_, j) => j !== i))}>
                  Remove
                </button>
              )}
            </div>
          ))}
          {names.length < MAX_CUSTODIANS && (
            <button type="button" className="secondary" onClick={() => setNames([...names, ''])}>
              Add a custodian
            </button>
          )}
        </fieldset>
        <label htmlFor="custodian-threshold">How many must come together to open the vault</label>
        <select id="custodian-threshold" value={needed} onChange={(e) => setThreshold(Number(e.target.value))}>
          {Array.from({ length: count - 1 }, (_, i) => i + 2).map((k) => (
            <option key={k} value={k}>
              {k} of {count}
            </option>
          ))}
        </select>
        <label htmlFor="custodian-password">Your password</label>
        <input id="custodian-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        {hasKeyFile && <KeyFileField value={keyFile} onChange={setKeyFile} />}
        <StatusMessage status={status} />
        <button type="submit" disabled={busy || !password || filled.length < 2}>
          {replacing ? 'Make new custodian kits' : 'Make custodian kits'}
        </button>
      </form>
    </section>
  );
}
