import { useEffect, useState } from 'react';
import type { ChosenPlace } from '../../../src-shared/ipc';
import { unlock } from '../actions/session';
import { KeyFileField } from '../components/KeyFileField';
import { useSubmit } from '../components/useSubmit';
import { CallError } from '../errors';
import { useApp } from '../store';

export function Unlock() {
  const hasKeyFile = useApp((s) => s.hasKeyFile);
  const banner = useApp((s) => s.banner);
  const [mode, setMode] = useState<'password' | 'recovery'>('password');
  const [secret, setSecret] = useState('');
  const [keyFile, setKeyFile] = useState<ChosenPlace | null>(null);
  const { busy, status, setStatus, onSubmit } = useSubmit();
  const [waitSeconds, setWaitSeconds] = useState(0);

  useEffect(() => {
    if (waitSeconds <= 0) return;
    const t = setTimeout(() => setWaitSeconds((s) => s - 1), 1000);
    return () => clearTimeout(t);
  }, [waitSeconds]);

  const submit = onSubmit(
    () => unlock(mode === 'recovery' ? { recoveryKey: secret } : hasKeyFile && keyFile ? { password: secret, keyFile: keyFile.handle } : { password: secret }),
    {
      onError: (err) => {
        if (err instanceof CallError && err.error.retryAfterSeconds) setWaitSeconds(err.error.retryAfterSeconds);
      },
    },
  );

  return (
    <main className="card narrow">
      <h1>SessionVault is locked</h1>
      {banner && <p className="banner">{banner}</p>}
      <form onSubmit={submit}>
        <label htmlFor="unlock-secret">{mode === 'password' ? 'Password' : 'Recovery key'}</label>
        <input
          id="unlock-secret"
          type={mode === 'password' ? 'password' : 'text'}
          autoComplete={mode === 'password' ? 'current-password' : 'off'}
          spellCheck={false}
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          autoFocus
        />
        {mode === 'password' && hasKeyFile && (
          <KeyFileField value={keyFile} onChange={setKeyFile} />
        )}
        {status && (
          <p role="alert" className="error">
            {status.text}
            {waitSeconds > 0 && ` (${waitSeconds} s)`}
          </p>
        )}
        <button type="submit" disabled={busy || !secret || waitSeconds > 0}>
          {busy ? 'Unlocking…' : 'Unlock'}
        </button>
      </form>
      <button
        type="button"
        className="link"
        onClick={() => {
          setMode(mode === 'password' ? 'recovery' : 'password');
          setSecret('');
          setStatus(null);
        }}
      >
        {mode === 'password' ? 'Forgot your password? Use your Recovery Key' : 'Use your password instead'}
      </button>
    </main>
  );
}
